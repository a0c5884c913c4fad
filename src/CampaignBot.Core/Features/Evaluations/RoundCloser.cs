namespace CampaignBot.Core.Features.Evaluations;

/// <summary>
/// Closes a round: counts the ballots (aggregation), judges them against the round's pass rule, stores the result
/// once (the first close wins), then tells the group and, privately, the office, the opener and whoever closed it.
/// Every message is keyed by the round and its recipient (<see cref="ResultKey"/>), so closing by command and by the
/// scheduler, or closing twice, reaches each recipient once. A round that closes in the quiet hours tells the group and
/// the office when those end; only whoever closed it by hand hears at once.
/// </summary>
public sealed class RoundCloser(
    IEvaluationRoundStore rounds,
    IBallotStore ballots,
    IMemberStore members,
    EvaluationText text,
    Campaign.CampaignDefinition campaign,
    CampaignCalendar calendar,
    IOptions<Scheduling.QuietHours> quiet)
{
    public const string CloseJobKind = "evaluation-close";

    public static string CloseJobId(string roundId) => $"{CloseJobKind}:{roundId}";

    /// <summary>The id of a round's result message to one chat: one event, one message per recipient.</summary>
    public static string ResultKey(string roundId, ChatRef chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return chat.Kind == ChatKind.Group ? $"ev:{roundId}:result" : $"ev:{roundId}:office:{Member.IdFor(chat.Channel, chat.Id)}";
    }

    /// <summary>
    /// Closes the round (when still open) and announces its result through <paramref name="effects"/>; also privately to
    /// <paramref name="closedBy"/> when given. Returns the closed round, or null when unknown.
    /// </summary>
    public async Task<EvaluationRound?> CloseAsync(IEffects effects, string roundId, Member? closedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var round = await rounds.GetAsync(roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }

        if (round.Status == RoundStatus.Open)
        {
            var now = effects.Now;
            await rounds.TryCountAndCloseAsync(round.Id, ballots, tally => RoundResult.From(tally, campaign.Evaluation, round.PassRule, now), cancellationToken);
            round = await rounds.GetAsync(round.Id, cancellationToken) ?? round;
        }

        await AnnounceAsync(effects, round, closedBy, cancellationToken);
        effects.CancelJob(CloseJobId(round.Id));
        effects.CancelJob(RoundJobs.ReminderJobId(round.Id));
        effects.CancelJob($"{VoteButtonHandler.LiveJobKind}:{round.Id}");
        return round;
    }

    private async Task AnnounceAsync(IEffects effects, EvaluationRound round, Member? closedBy, CancellationToken cancellationToken)
    {
        var result = round.Result!;
        var awake = quiet.Value.NotIn(effects.Now, calendar);
        DateTimeOffset? notBefore = awake > effects.Now ? awake : null;
        if (round.Group is { } group)
        {
            // The ballot loses its buttons, so nobody presses a closed round. The group reads the verdict, not what the office must do.
            if (!round.PrivateBallots)
            {
                var final = new EditMessage(RoundJobs.BallotMessageId(round.Id), EvaluationTexts.BallotClosed(text.TitleText(round), result.Votes).Chinese);
                effects.Notify(group, final, $"ev:{round.Id}:final");
            }

            effects.Notify(group, new TextMessage(text.Result(round, result).Chinese), ResultKey(round.Id, group), notBefore);
        }

        var office = (await members.ListAsync(null, cancellationToken))
            .Where(m => m.IsActive && (m.Role == Roles.CampaignOffice || m.Id == round.OpenedBy))
            .Append(closedBy)
            .OfType<Member>()
            .DistinctBy(m => m.Id, StringComparer.Ordinal);
        var summary = text.ReaderResult(round, result);
        var next = text.OperatorNextStep(round, result);
        foreach (var member in office)
        {
            var language = member.Language;
            effects.Notify(
                member.PrivateChat,
                new TextMessage(summary.In(language) + next.In(language)).For(language),
                ResultKey(round.Id, member.PrivateChat),
                member.Id == closedBy?.Id ? null : notBefore);
        }
    }
}
