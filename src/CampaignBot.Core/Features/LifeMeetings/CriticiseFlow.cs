namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>What /criticise has gathered: the meeting, the colleagues (with their talk's state), the one chosen, the points.</summary>
public sealed record CriticiseAnswers
{
    public string? MeetingId { get; init; }

    /// <summary>"id\tname\tstate" per other team member, in the order shown.</summary>
    public IReadOnlyList<string> Colleagues { get; init; } = [];

    public string? To { get; init; }

    public string? ToName { get; init; }

    /// <summary>Why the talk was sent back last, shown when revising.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<string> Current { get; init; } = [];

    public IReadOnlyList<string> Points { get; init; } = [];
}

/// <summary>
/// /criticise (提什么): a team member writes the criticisms they will raise with one colleague, one point a line, and
/// submits them for the head's check. A talk sent back (by the head, or by a side that found it not enough) is revised here.
/// </summary>
public sealed class CriticiseFlow(ILifeMeetingStore meetings, LifeMeetingPeople people)
    : DeclaredFlow<CriticiseAnswers>("criticise", "criticise", LifeMeetingTexts.CriticiseTitle)
{
    public const int MaxPoints = 10;
    public const int MaxPointLength = 200;

    protected override void Declare(FlowBuilder<CriticiseAnswers> flow)
    {
        flow.Step<CriticismTalk>("ChoosingColleague", "asks which colleague the criticisms are for")
            .Prompt(step => new Prompt(
                LifeMeetingTexts.AskColleague(LifeMeetingTexts.Numbered(step.Answers.Colleagues.Select(c => Part(c, 1) + "：" + Part(c, 2)))),
                step.Answers.Colleagues.Select((c, i) => new Choice($"{i + 1}. {Part(c, 1)}", Pressed.Value('c', i))).InRows()))
            .ReadAsync(ChooseAsync)
            .Keep((a, talk) => a with { To = talk.To, ToName = Part(a.Colleagues.First(c => Part(c, 0) == talk.To), 1), Reason = talk.Status == TalkStatus.SentBack ? talk.SentBackReason : null, Current = talk.Points })
            .Next("Writing", "ColleagueChosen");

        flow.Step<IReadOnlyList<string>>("Writing", "asks for the points, one a line")
            .Prompt(step => LifeMeetingTexts.AskPoints(step.Answers.ToName ?? "-", step.Answers.Reason, step.Answers.Current, MaxPoints, MaxPointLength))
            .Read((input, _) => ReadPoints(input))
            .Keep((a, points) => a with { Points = points })
            .Next("Confirming", "Written");

        flow.Step<bool>("Confirming", "shows the points to submit, or change")
            .Prompt(step => new Prompt(LifeMeetingTexts.ConfirmPoints(step.Answers.ToName ?? "-", step.Answers.Points),
                [[new Choice(LifeMeetingTexts.Submit, "ok"), new Choice(LifeMeetingTexts.Change, "back")]]))
            .ReadConfirmationAsync(LifeMeetingTexts.PressAButton, SubmitAsync)
            .Next("Submitted", "Submit");

        flow.Finish("Submitted", "says the points wait for the head's check", step => LifeMeetingTexts.Submitted(step.Answers.ToName ?? "-"))
            .Cancelled(LifeMeetingTexts.Cancelled)
            .TimedOut(LifeMeetingTexts.TimedOut);
    }

    /// <summary>One point a line: at least one, at most <see cref="MaxPoints"/>, each at most <see cref="MaxPointLength"/> characters.</summary>
    public static Read<IReadOnlyList<string>> ReadPoints(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var points = input.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.TrimStart('-', '•', '·', ' ').Trim())
            .Where(p => p.Length > 0)
            .ToList();
        if (points.Count == 0)
        {
            return LifeMeetingTexts.NoPoints;
        }

        if (points.Count > MaxPoints)
        {
            return LifeMeetingTexts.TooManyPoints(MaxPoints);
        }

        var tooLong = points.FindIndex(p => p.Length > MaxPointLength);
        return tooLong >= 0 ? LifeMeetingTexts.PointTooLong(tooLong + 1, MaxPointLength) : points;
    }

    /// <summary>A talk can be written until the head approves it.</summary>
    public static bool IsWritable(CriticismTalk talk) =>
        talk?.Status is TalkStatus.NotWritten or TalkStatus.SentBack or TalkStatus.AwaitingCheck;

    private static string Part(string colleague, int index) => colleague.Split('\t')[index];

    protected override async Task<Opening<CriticiseAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var preparing = await people.PreparingMeetingOfAsync(context.Member, cancellationToken);
        if (!preparing.IsAccepted)
        {
            return Opening<CriticiseAnswers>.Refuse(preparing.Refusal!);
        }

        var (member, meeting) = (context.Member!, preparing.Value!);

        var talks = (await meetings.ListTalksAsync(meeting.Id, cancellationToken)).Where(t => t.From == member.Id).ToList();
        if (!talks.Exists(IsWritable))
        {
            return Opening<CriticiseAnswers>.Refuse(LifeMeetingTexts.NothingToWrite);
        }

        var colleagues = meeting.Team.Where(id => id != member.Id)
            .Select(id => (Id: id, Talk: talks.FirstOrDefault(t => t.To == id)))
            .Where(c => c.Talk is not null)
            .Select(c => $"{c.Id}\t{meeting.NameOf(c.Id)}\t{StateWord(c.Talk!).In(context.Language)}")
            .ToList();
        return Opening<CriticiseAnswers>.Proceed(null, new CriticiseAnswers { MeetingId = meeting.Id, Colleagues = colleagues });
    }

    private static Text StateWord(CriticismTalk talk) => talk.Status switch
    {
        TalkStatus.NotWritten => LifeMeetingTexts.StateNotWritten,
        TalkStatus.AwaitingCheck => LifeMeetingTexts.StateAwaitingCheck,
        TalkStatus.SentBack => LifeMeetingTexts.StateSentBack,
        TalkStatus.AwaitingConfirmation => LifeMeetingTexts.StateApproved,
        _ => LifeMeetingTexts.StateConfirmed,
    };

    private async Task<Read<CriticismTalk>> ChooseAsync(string input, FlowStep<CriticiseAnswers> step, CancellationToken cancellationToken)
    {
        var colleagues = step.Answers.Colleagues;
        if (Pressed.IndexOrNumber(input, 'c', colleagues.Count) is not { } index)
        {
            return LifeMeetingTexts.PressAButton;
        }

        var talk = await meetings.GetTalkAsync(step.Answers.MeetingId!, step.Context.Member!.Id, Part(colleagues[index], 0), cancellationToken);
        return talk is null ? LifeMeetingTexts.PressAButton : IsWritable(talk) ? talk : LifeMeetingTexts.NotWritable;
    }

    private async Task<Read<bool>> SubmitAsync(FlowStep<CriticiseAnswers> step, CancellationToken cancellationToken)
    {
        var a = step.Answers;
        var context = step.Context;
        var meeting = await meetings.GetAsync(a.MeetingId!, cancellationToken);
        var talk = await meetings.GetTalkAsync(a.MeetingId!, context.Member!.Id, a.To!, cancellationToken);
        if (meeting is not { Status: MeetingStatus.Preparing } || talk is null || !IsWritable(talk))
        {
            return LifeMeetingTexts.NotWritable;
        }

        await meetings.SaveTalkAsync(
            talk with { Points = a.Points, Status = TalkStatus.AwaitingCheck, FromConfirmed = false, ToConfirmed = false, Version = talk.Version + 1, UpdatedAt = step.Now },
            cancellationToken);
        if (await people.MemberAsync(meeting.HeadId, cancellationToken) is { IsActive: true } head)
        {
            context.Notify(head.PrivateChat, TextMessage.In(LifeMeetingTexts.HeadTold(meeting.NameOf(talk.From), meeting.NameOf(talk.To)), head.Language));
        }

        return true;
    }
}
