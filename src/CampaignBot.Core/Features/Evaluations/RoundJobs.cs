namespace CampaignBot.Core.Features.Evaluations;

/// <summary>Ids and job shapes shared by opening, voting and closing.</summary>
public static class RoundJobs
{
    public const string ReminderJobKind = "evaluation-reminder";

    public static string BallotMessageId(string roundId) => $"ev:{roundId}:ballot";

    public static string ReminderJobId(string roundId) => $"{ReminderJobKind}:{roundId}";
}

/// <summary>Closes a round at its closing time.</summary>
public sealed class RoundCloseJobHandler(RoundCloser closer) : IJobHandler
{
    public string Kind => RoundCloser.CloseJobKind;

    public Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return closer.CloseAsync(context, context.Job.Payload, null, cancellationToken);
    }
}

/// <summary>Edits the round's group message to the current turnout or tally; one edit per time slot (see <see cref="VoteButtonHandler"/>).</summary>
public sealed class RoundLiveJobHandler(IEvaluationRoundStore rounds, IBallotStore ballots, EvaluationText text, BallotBriefings briefings) : IJobHandler
{
    public string Kind => VoteButtonHandler.LiveJobKind;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var round = await rounds.GetAsync(context.Job.Payload, cancellationToken);

        // Past its closing time the round's closing edits the message; a live edit sent beside it could land last.
        if (round is not { Status: RoundStatus.Open, Group: { } group } || round.ClosesAt <= context.Now)
        {
            return;
        }

        var ballot = text.Ballot(round, await ballots.TallyAsync(round.Id, cancellationToken), await briefings.ForAsync(round, cancellationToken));
        var edit = new EditMessage(RoundJobs.BallotMessageId(round.Id), ballot.Text, ballot.Buttons);
        context.Notify(group, edit, $"ev:{round.Id}:live@{context.Job.DueAt.UtcTicks}");
    }
}

/// <summary>
/// Reminds roster evaluators who have not voted; the turnout says only whether someone voted, never what. A reminder
/// that fires in the quiet hours (after downtime) waits for their end, or is dropped when the round closes before then.
/// A member deactivated since the round opened is not reminded, nor anyone after the campaign's end (an <see cref="ICampaignReminder"/>).
/// </summary>
public sealed class RoundReminderJobHandler(
    IEvaluationRoundStore rounds,
    ITurnoutStore turnout,
    IMemberStore members,
    EvaluationText text) : ICampaignReminder
{
    public string Kind => RoundJobs.ReminderJobKind;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var round = await rounds.GetAsync(context.Job.Payload, cancellationToken);
        var sendAt = context.Awake;
        if (round is null || !round.IsOpenAt(sendAt))
        {
            return;
        }

        var reminder = EvaluationTexts.VoteReminder(text.TitleText(round), text.Local(round.ClosesAt));
        var entries = await turnout.ListAsync(round.Id, cancellationToken);
        foreach (var entry in entries.Where(entry => !entry.Voted))
        {
            // Not to someone deactivated since the round opened; in the voter's own language, as their ballot was.
            var voter = await members.GetAsync(entry.VoterId, cancellationToken);
            if (voter is { IsActive: false })
            {
                continue;
            }

            var language = voter is null ? Language.Chinese : voter.Language;
            context.Notify(entry.Chat, new TextMessage(reminder.In(language), text.Buttons(round)).For(language), $"ev:{round.Id}:remind@{context.Job.DueAt.UtcTicks}:{entry.VoterId}", sendAt);
        }

        if (round is { Group: { } group, PrivateBallots: true })
        {
            // The group of a private-ballot round sees the turnout: how many of how many, nothing about anyone.
            context.Notify(group, new TextMessage(text.Turnout(round, entries.Count(e => e.Voted), entries.Count)), $"ev:{round.Id}:turnout@{context.Job.DueAt.UtcTicks}", sendAt);
        }
    }
}
