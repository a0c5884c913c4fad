namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>
/// /meeting confirm (够不够): each side of an approved talk (its author and the colleague it is for) confirms it is
/// enough, or sends it back saying what is missing. When the last talk is confirmed the secretary is told the meeting can be marked ready.
/// </summary>
public sealed class TalkConfirmFlow(ILifeMeetingStore meetings, LifeMeetingPeople people)
    : TalkDecisionFlow("talkconfirm", "meeting_confirm", LifeMeetingTexts.ConfirmTitle, Words, meetings, people)
{
    private static readonly TalkDecisionWords Words =
        new(LifeMeetingTexts.Enough, LifeMeetingTexts.NotEnough, LifeMeetingTexts.AskReasonMore, LifeMeetingTexts.NothingToConfirm, LifeMeetingTexts.AllConfirmedByYou);

    protected override Text? Refusal(Member member, LifeMeeting meeting) => null;

    protected override bool IsWaitingFor(Member member, LifeMeeting meeting, CriticismTalk talk) =>
        talk.Status == TalkStatus.AwaitingConfirmation
        && ((talk.From == member.Id && !talk.FromConfirmed) || (talk.To == member.Id && !talk.ToConfirmed));

    protected override Text Show(TalkDecisionAnswers answers) =>
        LifeMeetingTexts.ShowForConfirm(answers.NameOf(answers.From), answers.NameOf(answers.To), answers.Points);

    protected override async Task<Text> AcceptAsync(FlowContext context, LifeMeeting meeting, CriticismTalk talk, CancellationToken cancellationToken)
    {
        var me = context.Member!.Id;
        var confirmed = talk with
        {
            FromConfirmed = talk.FromConfirmed || talk.From == me,
            ToConfirmed = talk.ToConfirmed || talk.To == me,
            Version = talk.Version + 1,
            UpdatedAt = context.Now,
        };
        confirmed = confirmed.FromConfirmed && confirmed.ToConfirmed ? confirmed with { Status = TalkStatus.Confirmed } : confirmed;
        await Meetings.SaveTalkAsync(confirmed, cancellationToken);
        if (confirmed.Status == TalkStatus.Confirmed
            && (await Meetings.ListTalksAsync(meeting.Id, cancellationToken)).All(t => t.Status == TalkStatus.Confirmed)
            && await People.MemberAsync(meeting.OpenedBy, cancellationToken) is { IsActive: true } secretary)
        {
            context.Notify(secretary.PrivateChat, TextMessage.In(LifeMeetingTexts.AllPairsConfirmed(People.UnitName(meeting.UnitId)), secretary.Language), $"lm:{meeting.Id}:all-confirmed");
        }

        return LifeMeetingTexts.ConfirmedSaid(meeting.NameOf(talk.From), meeting.NameOf(talk.To));
    }

}
