namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>
/// /meeting check (行不行): the head reads each submitted criticism and approves it or sends it back with a reason. The
/// author is told either way; on approval both sides are asked to confirm it is enough.
/// </summary>
public sealed class TalkCheckFlow(ILifeMeetingStore meetings, LifeMeetingPeople people)
    : TalkDecisionFlow("talkcheck", "meeting_check", LifeMeetingTexts.CheckTitle, Words, meetings, people)
{
    private static readonly TalkDecisionWords Words =
        new(LifeMeetingTexts.Approve, LifeMeetingTexts.SendBack, LifeMeetingTexts.AskReasonBack, LifeMeetingTexts.NothingToCheck, LifeMeetingTexts.AllChecked);

    protected override Text? Refusal(Member member, LifeMeeting meeting) => member.Id == meeting.HeadId ? null : LifeMeetingTexts.OnlyHead;

    protected override bool IsWaitingFor(Member member, LifeMeeting meeting, CriticismTalk talk) =>
        member.Id == meeting.HeadId && talk.Status == TalkStatus.AwaitingCheck;

    protected override Text Show(TalkDecisionAnswers answers) =>
        LifeMeetingTexts.ShowForCheck(answers.NameOf(answers.From), answers.NameOf(answers.To), answers.Points, answers.Returns);

    protected override async Task<Text> AcceptAsync(FlowContext context, LifeMeeting meeting, CriticismTalk talk, CancellationToken cancellationToken)
    {
        await Meetings.SaveTalkAsync(talk with { Status = TalkStatus.AwaitingConfirmation, Version = talk.Version + 1, UpdatedAt = context.Now }, cancellationToken);
        var (from, to) = (meeting.NameOf(talk.From), meeting.NameOf(talk.To));
        foreach (var side in new[] { talk.From, talk.To })
        {
            if (await People.MemberAsync(side, cancellationToken) is { IsActive: true } member)
            {
                context.Notify(member.PrivateChat, TextMessage.In(LifeMeetingTexts.SidesAskedToConfirm(from, to), member.Language));
            }
        }

        return LifeMeetingTexts.Approved(from, to);
    }

}
