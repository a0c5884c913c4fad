namespace CampaignBot.Core.Features.Evaluations;

/// <summary>Who may vote in a round.</summary>
public enum RoundAudience
{
    /// <summary>Anyone in the unit's linked group chat, on the round's message there.</summary>
    Group,

    /// <summary>The unit's registered people, each sent a private ballot.</summary>
    Roster,

    /// <summary>Whoever sends the round's code (/vote CODE) in a private chat gets a private ballot.</summary>
    Code,
}

public enum RoundStatus
{
    Open,
    Closed,
}

/// <summary>
/// One evaluation round (群众三评 stage or 满意度测评) of one unit. Rounds are never deleted: a failed round stays
/// on record and a make-up round (补课) of the same stage is a new round.
/// </summary>
public sealed record EvaluationRound : UnitWindow
{
    public required string Stage { get; init; }

    public required RoundAudience Audience { get; init; }

    /// <summary>
    /// A group round in a group where presses never reach the bot (a WeCom group robot): each of the unit's registered
    /// people gets a private ballot, and the group is told only the turnout and the result.
    /// </summary>
    public bool PrivateBallots { get; init; }

    /// <summary>Whether votes are cast on private ballots of a list (turnout kept), not on the group's message.</summary>
    public bool VotesPrivately => Audience != RoundAudience.Group || PrivateBallots;

    public required PassRule PassRule { get; init; }

    public bool AllowChange { get; init; }

    public bool ShowTally { get; init; }

    public RoundStatus Status { get; init; } = RoundStatus.Open;

    /// <summary>Set when the round closed: what the ballots said then.</summary>
    public RoundResult? Result { get; init; }

    /// <summary>Open within its window and not yet closed.</summary>
    public override bool IsOpenAt(DateTimeOffset now) => Status == RoundStatus.Open && base.IsOpenAt(now);

    public static bool IsValidId(string? id) => id is { Length: 8 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}

/// <summary>A closed round's counts per choice code and its verdict against the round's pass rule.</summary>
public sealed record RoundResult(IReadOnlyDictionary<string, long> Counts, long Votes, long Satisfied, bool Passed, DateTimeOffset ClosedAt)
{
    public decimal SatisfiedShare => Votes == 0 ? 0m : (decimal)Satisfied / Votes;

    public static RoundResult From(Tally tally, EvaluationSettings settings, PassRule rule, DateTimeOffset closedAt)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rule);
        var satisfied = settings.Choices.Where(c => c.CountsAsSatisfied).Sum(c => tally.Count(c.Code));
        var votes = tally.Total;
        var passed = votes >= rule.MinimumVotes && votes > 0 && (decimal)satisfied / votes >= rule.MinimumSatisfiedShare;
        return new RoundResult(tally.Counts, votes, satisfied, passed, closedAt);
    }
}
