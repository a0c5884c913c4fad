namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>What a check or confirm round has gathered: the talks waiting for this person, the one shown and its version.</summary>
public sealed record TalkDecisionAnswers : MeetingAnswers
{
    /// <summary>"from\tto" per talk waiting for this person's decision.</summary>
    public IReadOnlyList<string> Pending { get; init; } = [];

    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>The version of the talk shown: a decision on an older text is refused.</summary>
    public int Version { get; init; }

    public IReadOnlyList<string> Points { get; init; } = [];

    public int Returns { get; init; }
}

/// <summary>What a round of decisions says: its two buttons, its question for a reason, and its two ends.</summary>
public sealed record TalkDecisionWords(Text Accept, Text Reject, Text AskReason, Text NothingWaiting, Text AllDone);

/// <summary>The outcome of a decision: what the answers hold next (the talks still waiting) and where the flow goes.</summary>
public sealed record TalkDecision(IReadOnlyList<string> Pending, string Next);

/// <summary>
/// A round of decisions on criticism talks, one talk at a time: pick one of those waiting, read it, accept it or send it
/// back with a reason. The head's check (行不行) and the sides' confirmation (够不够) are the two kinds.
/// </summary>
public abstract class TalkDecisionFlow(string name, string command, Text title, TalkDecisionWords words, ILifeMeetingStore meetings, LifeMeetingPeople people)
    : DeclaredFlow<TalkDecisionAnswers>(name, command, title)
{
    public static readonly TextLength ReasonLength = new(2, 200);

    protected ILifeMeetingStore Meetings => meetings;

    protected LifeMeetingPeople People => people;

    /// <summary>Null when the member may decide in this meeting; otherwise why not.</summary>
    protected abstract Text? Refusal(Member member, LifeMeeting meeting);

    protected abstract bool IsWaitingFor(Member member, LifeMeeting meeting, CriticismTalk talk);

    protected abstract Text Show(TalkDecisionAnswers answers);

    /// <summary>Saves the accepted talk and tells whom it concerns; returns what to say to the decider.</summary>
    protected abstract Task<Text> AcceptAsync(FlowContext context, LifeMeeting meeting, CriticismTalk talk, CancellationToken cancellationToken);

    protected override void Declare(FlowBuilder<TalkDecisionAnswers> flow)
    {
        flow.Step<CriticismTalk>("Choosing", "lists the criticisms waiting for a decision")
            .Prompt(step => new Prompt(
                LifeMeetingTexts.AskTalk(LifeMeetingTexts.Numbered(step.Answers.Pending.Select(p => Label(step, p)))),
                step.Answers.Pending.Select((p, i) => new Choice($"{i + 1}. {Label(step, p)}", Pressed.Value('t', i))).InRows(2)))
            .ReadAsync(ChooseAsync)
            .Keep((a, talk) => a with { From = talk.From, To = talk.To, Version = talk.Version, Points = talk.Points, Returns = talk.Returns })
            .Next("Deciding", "Chosen");

        flow.Step<TalkDecision>("Deciding", "shows the criticisms to accept or send back")
            .Prompt(step => new Prompt(ShowFor(step), [[new Choice(words.Accept, "yes"), new Choice(words.Reject, "no")]]))
            .ReadAsync(DecideAsync)
            .Keep((a, decision) => a with { Pending = decision.Pending })
            .Next((_, decision) => decision.Next, ("Choosing", "Accepted"), ("Done", "LastAccepted"), ("Reason", "SendBack"));

        flow.Step<TalkDecision>("Reason", "asks why it is sent back")
            .Prompt(words.AskReason)
            .ReadAsync(ReadReasonAsync)
            .Keep((a, decision) => a with { Pending = decision.Pending })
            .Next((_, decision) => decision.Next, ("Choosing", "SentBack"), ("Done", "LastSentBack"));

        flow.Finish("Done", "says every waiting criticism is handled", _ => words.AllDone)
            .Cancelled(LifeMeetingTexts.Cancelled)
            .TimedOut(LifeMeetingTexts.TimedOut);
    }

    /// <summary>A reason of <see cref="ReasonLength"/> characters.</summary>
    public static Read<string> ReadReason(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Trim();
        return ReasonLength.Fits(text) ? text : text.Length < ReasonLength.Min ? LifeMeetingTexts.ReasonTooShort : LifeMeetingTexts.ReasonTooLong;
    }

    private Text ShowFor(FlowStep<TalkDecisionAnswers> step) => Show(step.Answers);

    private static string Label(FlowStep<TalkDecisionAnswers> step, string pending)
    {
        var parts = pending.Split('\t');
        return $"{step.Answers.NameOf(parts[0])} → {step.Answers.NameOf(parts[1])}";
    }

    protected override async Task<Opening<TalkDecisionAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var preparing = await people.PreparingMeetingOfAsync(context.Member, cancellationToken);
        if (!preparing.IsAccepted)
        {
            return Opening<TalkDecisionAnswers>.Refuse(preparing.Refusal!);
        }

        var (member, meeting) = (context.Member!, preparing.Value!);
        if (Refusal(member, meeting) is { } refusal)
        {
            return Opening<TalkDecisionAnswers>.Refuse(refusal);
        }

        var pending = await PendingAsync(member, meeting, cancellationToken);
        if (pending.Count == 0)
        {
            return Opening<TalkDecisionAnswers>.Refuse(words.NothingWaiting);
        }

        return Opening<TalkDecisionAnswers>.Proceed(null, new TalkDecisionAnswers { MeetingId = meeting.Id, Pending = pending, Names = meeting.Names });
    }

    private async Task<IReadOnlyList<string>> PendingAsync(Member member, LifeMeeting meeting, CancellationToken cancellationToken) =>
        [.. (await meetings.ListTalksAsync(meeting.Id, cancellationToken)).Where(t => IsWaitingFor(member, meeting, t)).Select(t => $"{t.From}\t{t.To}")];

    private async Task<Read<CriticismTalk>> ChooseAsync(string input, FlowStep<TalkDecisionAnswers> step, CancellationToken cancellationToken)
    {
        var pending = step.Answers.Pending;
        if (Pressed.IndexOrNumber(input, 't', pending.Count) is not { } index)
        {
            return LifeMeetingTexts.PressAButton;
        }

        var parts = pending[index].Split('\t');
        var meeting = await meetings.GetAsync(step.Answers.MeetingId!, cancellationToken);
        var talk = await meetings.GetTalkAsync(step.Answers.MeetingId!, parts[0], parts[1], cancellationToken);
        return meeting is not null && talk is not null && IsWaitingFor(step.Context.Member!, meeting, talk) ? talk : LifeMeetingTexts.Changed;
    }

    private async Task<Read<TalkDecision>> DecideAsync(string input, FlowStep<TalkDecisionAnswers> step, CancellationToken cancellationToken)
    {
        if (input is not ("yes" or "no"))
        {
            return LifeMeetingTexts.PressAButton;
        }

        if (await CurrentAsync(step, cancellationToken) is not { } found)
        {
            return await StaleAsync(step, cancellationToken);
        }

        if (input == "no")
        {
            return new TalkDecision(step.Answers.Pending, "Reason");
        }

        step.Context.Reply(await AcceptAsync(step.Context, found.Meeting, found.Talk, cancellationToken));
        return await AfterAsync(step, found.Meeting, cancellationToken);
    }

    private async Task<Read<TalkDecision>> ReadReasonAsync(string input, FlowStep<TalkDecisionAnswers> step, CancellationToken cancellationToken)
    {
        var reason = ReadReason(input);
        if (!reason.IsAccepted)
        {
            return Read<TalkDecision>.Refuse(reason.Refusal!);
        }

        if (await CurrentAsync(step, cancellationToken) is not { } found)
        {
            return await StaleAsync(step, cancellationToken);
        }

        await SendBackAsync(step.Context, found.Meeting, found.Talk, reason.Value!, cancellationToken);
        step.Context.Reply(LifeMeetingTexts.SentBackSaid(found.Meeting.NameOf(found.Talk.From), found.Meeting.NameOf(found.Talk.To)));
        return await AfterAsync(step, found.Meeting, cancellationToken);
    }

    /// <summary>Sends the talk back to its author, by the head (行不行) or by a side that found it not enough (够不够).</summary>
    private async Task SendBackAsync(FlowContext context, LifeMeeting meeting, CriticismTalk talk, string reason, CancellationToken cancellationToken)
    {
        var by = context.Member!;
        await meetings.SaveTalkAsync(
            talk with
            {
                Status = TalkStatus.SentBack, SentBackReason = reason, SentBackBy = by.Id, Returns = talk.Returns + 1,
                FromConfirmed = false, ToConfirmed = false, Version = talk.Version + 1, UpdatedAt = context.Now,
            },
            cancellationToken);
        if (talk.From != by.Id && await people.MemberAsync(talk.From, cancellationToken) is { IsActive: true } author)
        {
            context.Notify(author.PrivateChat, TextMessage.In(LifeMeetingTexts.AuthorSentBack(meeting.NameOf(talk.To), meeting.NameOf(by.Id), reason), author.Language));
        }
    }

    /// <summary>The talk as shown, when it is still the same version and still waiting for this person.</summary>
    private async Task<(LifeMeeting Meeting, CriticismTalk Talk)?> CurrentAsync(FlowStep<TalkDecisionAnswers> step, CancellationToken cancellationToken)
    {
        var a = step.Answers;
        var meeting = await meetings.GetAsync(a.MeetingId!, cancellationToken);
        var talk = await meetings.GetTalkAsync(a.MeetingId!, a.From!, a.To!, cancellationToken);
        return meeting is { Status: MeetingStatus.Preparing } && talk is not null && talk.Version == a.Version && IsWaitingFor(step.Context.Member!, meeting, talk)
            ? (meeting, talk)
            : null;
    }

    private async Task<Read<TalkDecision>> StaleAsync(FlowStep<TalkDecisionAnswers> step, CancellationToken cancellationToken)
    {
        step.Context.Reply(LifeMeetingTexts.Changed);
        var meeting = await meetings.GetAsync(step.Answers.MeetingId!, cancellationToken);
        return meeting is null ? new TalkDecision([], "Done") : await AfterAsync(step, meeting, cancellationToken);
    }

    private async Task<TalkDecision> AfterAsync(FlowStep<TalkDecisionAnswers> step, LifeMeeting meeting, CancellationToken cancellationToken)
    {
        var pending = meeting.Status == MeetingStatus.Preparing ? await PendingAsync(step.Context.Member!, meeting, cancellationToken) : [];
        return new TalkDecision(pending, pending.Count > 0 ? "Choosing" : "Done");
    }
}
