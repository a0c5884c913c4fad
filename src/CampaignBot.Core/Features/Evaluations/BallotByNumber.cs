namespace CampaignBot.Core.Features.Evaluations;

/// <summary>
/// A private ballot answered by typing its number (a WeCom client that shows no template cards sees the choices as a
/// numbered list): the number presses that choice on the person's waiting ballot — the newest one when several wait,
/// after which the next is shown again — by the same rules and the same secrecy as a press (<see cref="VoteButtonHandler"/>).
/// </summary>
public sealed class BallotByNumber(
    IEvaluationRoundStore rounds,
    ITurnoutStore turnout,
    VoteButtonHandler votes,
    BallotHasher hasher,
    EvaluationText text,
    BallotBriefings briefings) : ITypedNumberHandler
{
    public async Task<bool> TryHandleAsync(FlowContext context, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Member is not { IsActive: true } member || !hasher.IsConfigured)
        {
            return false;
        }

        var waiting = await WaitingAsync(member, context.Now, cancellationToken);
        if (waiting.Count == 0)
        {
            return false;
        }

        var choices = text.Settings.Choices;
        if (number < 1 || number > choices.Count)
        {
            context.Reply(EvaluationTexts.TypeAChoiceNumber(choices.Count));
            return true;
        }

        var round = waiting[0];
        await votes.HandleAsync(context, new ButtonPress(EvaluationText.Payload(round.Id, choices[number - 1].Code)), cancellationToken);
        if (context.Replies.Count == 0 && context.PressNotice is { } notice)
        {
            // A refusal meant for a button's notice is said in the chat instead.
            context.Reply(new TextMessage(notice));
        }

        if (waiting.Count > 1)
        {
            var next = waiting[1];
            context.Reply(text.Ballot(next, null, await briefings.ForAsync(next, cancellationToken), context.Language));
        }

        return true;
    }

    /// <summary>The member's open private ballots not yet cast, newest first: rounds of their unit and of the unit hosting them.</summary>
    private async Task<IReadOnlyList<EvaluationRound>> WaitingAsync(Member member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = new List<EvaluationRound>();
        foreach (var unitId in new[] { member.UnitId, member.HostUnitId }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            foreach (var round in await rounds.ListAsync(unitId, cancellationToken))
            {
                if (round.IsOpenAt(now) && round.VotesPrivately && round.Audience != RoundAudience.Code
                    && await turnout.GetAsync(round.Id, member.Id, cancellationToken) is { Voted: false })
                {
                    waiting.Add(round);
                }
            }
        }

        return [.. waiting.OrderByDescending(r => r.OpensAt).ThenByDescending(r => r.Id, StringComparer.Ordinal)];
    }
}
