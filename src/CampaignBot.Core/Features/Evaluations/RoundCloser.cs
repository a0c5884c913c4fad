using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Features.Evaluations;

/// <summary>
/// Closes a round: counts the ballots (aggregation), judges them against the round's pass rule, stores the result
/// once (the first close wins), then tells the group and the office. Every message id is derived from the round,
/// so closing by command and by the scheduler, or closing twice, posts each message once.
/// </summary>
public sealed class RoundCloser(
    IEvaluationRoundStore rounds,
    IBallotStore ballots,
    IMemberStore members,
    IOutboxStore outbox,
    IJobStore jobs,
    EvaluationText text,
    Campaign.CampaignDefinition campaign)
{
    public const string CloseJobKind = "evaluation-close";

    public static string CloseJobId(string roundId) => $"{CloseJobKind}:{roundId}";

    /// <summary>Closes the round (when still open) and posts its result; returns the closed round, or null when unknown.</summary>
    public async Task<EvaluationRound?> CloseAsync(string roundId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }

        if (round.Status == RoundStatus.Open)
        {
            var tally = await ballots.TallyAsync(round.Id, cancellationToken);
            await rounds.TryCloseAsync(round.Id, RoundResult.From(tally, campaign.Evaluation, round.PassRule, now), cancellationToken);
            round = await rounds.GetAsync(round.Id, cancellationToken) ?? round;
        }

        await AnnounceAsync(round, now, cancellationToken);
        await jobs.CancelAsync(CloseJobId(round.Id), cancellationToken);
        await jobs.CancelAsync(RoundJobs.ReminderJobId(round.Id), cancellationToken);
        await jobs.CancelAsync($"{VoteButtonHandler.LiveJobKind}:{round.Id}", cancellationToken);
        return round;
    }

    private async Task AnnounceAsync(EvaluationRound round, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = round.Result!;
        var summary = text.Result(round, result);
        var messages = new List<OutboxMessage>();
        if (round.Group is { } group)
        {
            // The ballot loses its buttons, so nobody presses a closed round.
            var final = new EditMessage(RoundJobs.BallotMessageId(round.Id), text.Title(round) + "\n评议已结束，共 " + result.Votes + " 票。");
            messages.Add(OutboxMessage.Create($"ev:{round.Id}:final", group, final, now));
            messages.Add(OutboxMessage.Create($"ev:{round.Id}:result", group, new TextMessage(summary), now));
        }

        var office = (await members.ListAsync(null, cancellationToken)).Where(m => m.IsActive && (m.Role == Roles.CampaignOffice || m.Id == round.OpenedBy));
        var flag = result.Passed ? string.Empty : $"\n⚠ {text.UnitName(round.UnitId)} 已标记为需要补课。";
        foreach (var member in office)
        {
            messages.Add(OutboxMessage.Create($"ev:{round.Id}:office:{member.Id}", member.PrivateChat, new TextMessage(summary + flag), now));
        }

        await outbox.EnqueueAsync(messages, cancellationToken);
    }
}
