namespace CampaignBot.Core.Features.Evaluations;

/// <summary>
/// A press on a ballot ("ev:&lt;round&gt;:&lt;choice&gt;"). The payload is untrusted: known round, open now, the caller
/// eligible, a change allowed. Every refusal is a notice on the button and changes nothing. The ballot stores only
/// the keyed hash of (round, voter); the voter's own notice is the only place their choice is shown.
/// </summary>
public sealed class VoteButtonHandler(
    IEvaluationRoundStore rounds,
    IBallotStore ballots,
    ITurnoutStore turnout,
    BallotHasher hasher,
    EvaluationText text,
    IOptions<EvaluationOptions> options) : IButtonHandler
{
    public const string LiveJobKind = "evaluation-live";

    public string Prefix => EvaluationText.PayloadPrefix;

    public async Task HandleAsync(FlowContext context, ButtonPress press, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(press);
        var parts = press.Payload.Split(':');
        if (parts.Length != 3 || !EvaluationRound.IsValidId(parts[1]) || context.Campaign.Evaluation.Choices.All(c => c.Code != parts[2]))
        {
            context.RefusePress(EvaluationTexts.InvalidBallotButtonNo);
            return;
        }

        if (!hasher.IsConfigured)
        {
            context.RefusePress(EvaluationTexts.EvaluationsAreNotEnabled);
            return;
        }

        var round = await rounds.GetAsync(parts[1], cancellationToken);
        var voterId = Member.IdFor(context.Update.Chat.Channel, context.Update.Sender.Id);
        if (await RefusalAsync(context, round, voterId, cancellationToken) is { } refusal)
        {
            context.RefusePress(refusal.Chinese, refusal.English);
            return;
        }

        var choice = parts[2];
        // The ballot keeps no time of its own (the round's opening hour): its time would tell whose press it was.
        var ballot = new Ballot(round!.Id, hasher.Hash(round.Id, voterId), choice, BallotHasher.Coarse(round.OpensAt));
        // The choice is cut from the stored press in the same write as the ballot (see ForgetChoice).
        var outcome = await ballots.CastAsync(ballot, round.AllowChange, ForgetChoice(context.Update, press, round.Id), cancellationToken);
        // Notices and replies are stored (outbox, session) next to the voter's chat, so they never name the choice.
        context.RefusePress(outcome switch
        {
            CastOutcome.AlreadyVoted => EvaluationTexts.YouHaveAlreadyVoted,
            CastOutcome.RoundClosed => EvaluationTexts.RoundClosedNotCounted,
            CastOutcome.Unchanged => EvaluationTexts.AlreadyVotedInRound,
            CastOutcome.Changed => EvaluationTexts.YourVoteWasChanged,
            _ => EvaluationTexts.VoteRecordedYourVote,
        });
        if (outcome is CastOutcome.AlreadyVoted or CastOutcome.RoundClosed)
        {
            // Nothing was stored: no turnout mark, no live update.
            return;
        }

        if (round.VotesPrivately)
        {
            // Marked after the ballot: a crash in between is repaired by the redelivered press (Unchanged).
            await turnout.MarkVotedAsync(round.Id, voterId, cancellationToken);
            context.Reply(EvaluationTexts.VoteRecordedThanks(text.StageName(round.Stage)));
        }
        else if (outcome != CastOutcome.Unchanged)
        {
            context.Schedule(LiveJob(round, context.Now));
        }
    }

    /// <summary>
    /// The inbox keeps each update with its sender; once the ballot is stored the choice is cut from that copy, so the
    /// database does not link a voter to a choice. A redelivery of the cut copy is refused as invalid; the ballot stands.
    /// </summary>
    private InboxRedaction ForgetChoice(Inbound update, ButtonPress press, string roundId)
    {
        var redacted = update with { Content = press with { Payload = $"{Prefix}:{roundId}:-" } };
        return new InboxRedaction($"{update.Chat.Channel}:{update.UpdateId}", MessageJson.Serialize(redacted));
    }

    /// <summary>One job per round per time slot: every vote in a slot asks for the same edit, so the group sees at most one edit per slot.</summary>
    private ScheduledJob LiveJob(EvaluationRound round, DateTimeOffset now)
    {
        var slot = TimeSpan.FromSeconds(options.Value.LiveUpdateSeconds).Ticks;
        var due = new DateTimeOffset(((now.UtcTicks / slot) + 1) * slot, TimeSpan.Zero);
        return new ScheduledJob { Id = $"{LiveJobKind}:{round.Id}", Kind = LiveJobKind, Payload = round.Id, DueAt = due };
    }

    private async Task<(string Chinese, string English)?> RefusalAsync(FlowContext context, EvaluationRound? round, string voterId, CancellationToken cancellationToken)
    {
        var chat = context.Update.Chat;
        if (round is null)
        {
            return (EvaluationTexts.NoSuchRoundNotCounted.Chinese, EvaluationTexts.NoSuchRoundNotCounted.English);
        }

        if (round.Status == RoundStatus.Closed || context.Now >= round.ClosesAt)
        {
            return (EvaluationTexts.RoundClosedNotCounted.Chinese, EvaluationTexts.RoundClosedNotCounted.English);
        }

        if (context.Now < round.OpensAt)
        {
            return (EvaluationTexts.RoundNotOpenYet.Chinese, EvaluationTexts.RoundNotOpenYet.English);
        }

        if (!round.VotesPrivately)
        {
            return round.Group is { } group && group.Channel == chat.Channel && group.Id == chat.Id
                ? null
                : (EvaluationTexts.BallotOfAnotherChat.Chinese, EvaluationTexts.BallotOfAnotherChat.English);
        }

        return chat.Kind == ChatKind.Private && await turnout.GetAsync(round.Id, voterId, cancellationToken) is not null
            ? null
            : (EvaluationTexts.NotOnTheRoster.Chinese, EvaluationTexts.NotOnTheRoster.English);
    }
}
