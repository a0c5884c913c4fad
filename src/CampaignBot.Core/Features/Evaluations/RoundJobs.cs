using CampaignBot.Core.Messaging;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Features.Evaluations;

/// <summary>Ids and job shapes shared by opening, voting and closing.</summary>
public static class RoundJobs
{
    public const string ReminderJobKind = "evaluation-reminder";

    public static string BallotMessageId(string roundId) => $"ev:{roundId}:ballot";

    public static string ReminderJobId(string roundId) => $"{ReminderJobKind}:{roundId}";
}

/// <summary>Closes a round at its closing time.</summary>
public sealed class RoundCloseJobHandler(RoundCloser closer, TimeProvider time) : IJobHandler
{
    public string Kind => RoundCloser.CloseJobKind;

    public Task HandleAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return closer.CloseAsync(job.Payload, time.GetUtcNow(), cancellationToken);
    }
}

/// <summary>Edits the round's group message to the current turnout or tally; one edit per time slot (see <see cref="VoteButtonHandler"/>).</summary>
public sealed class RoundLiveJobHandler(IEvaluationRoundStore rounds, IBallotStore ballots, IOutboxStore outbox, EvaluationText text, BallotBriefings briefings, TimeProvider time) : IJobHandler
{
    public string Kind => VoteButtonHandler.LiveJobKind;

    public async Task HandleAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var round = await rounds.GetAsync(job.Payload, cancellationToken);
        if (round is not { Status: RoundStatus.Open, Group: { } group })
        {
            return;
        }

        var ballot = text.Ballot(round, await ballots.TallyAsync(round.Id, cancellationToken), await briefings.ForAsync(round, cancellationToken));
        var edit = new EditMessage(RoundJobs.BallotMessageId(round.Id), ballot.Text, ballot.Buttons);
        await outbox.EnqueueAsync([OutboxMessage.Create($"ev:{round.Id}:live@{job.DueAt.UtcTicks}", group, edit, time.GetUtcNow())], cancellationToken);
    }
}

/// <summary>Reminds roster evaluators who have not voted; the turnout says only whether someone voted, never what.</summary>
public sealed class RoundReminderJobHandler(IEvaluationRoundStore rounds, ITurnoutStore turnout, IOutboxStore outbox, EvaluationText text, TimeProvider time) : IJobHandler
{
    public string Kind => RoundJobs.ReminderJobKind;

    public async Task HandleAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var round = await rounds.GetAsync(job.Payload, cancellationToken);
        var now = time.GetUtcNow();
        if (round is null || !round.IsOpenAt(now))
        {
            return;
        }

        var reminder = new TextMessage(
            $"{text.Title(round)}\n提醒：本轮评议将于 {text.Local(round.ClosesAt)} 截止，你还没有投票。请点击下方按钮投票，投票保密。",
            text.Buttons(round));
        var messages = (await turnout.ListAsync(round.Id, cancellationToken))
            .Where(entry => !entry.Voted)
            .Select(entry => OutboxMessage.Create($"ev:{round.Id}:remind@{job.DueAt.UtcTicks}:{entry.VoterId}", entry.Chat, reminder, now))
            .ToList();
        if (messages.Count > 0)
        {
            await outbox.EnqueueAsync(messages, cancellationToken);
        }
    }
}
