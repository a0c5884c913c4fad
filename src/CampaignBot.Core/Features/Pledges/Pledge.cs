namespace CampaignBot.Core.Features.Pledges;

/// <summary>A pledge is drafted, then published (read-only from then on); a draft can be withdrawn.</summary>
public enum PledgeStatus
{
    Draft,
    Published,
    Withdrawn,
}

/// <summary>A public pledge (公开承诺) of one member in one of the seven pledge areas; one per (member, area).</summary>
public sealed record Pledge
{
    public const int MinLength = 10;
    public const int MaxLength = 500;

    public required string MemberId { get; init; }

    public required string MemberName { get; init; }

    public required string UnitId { get; init; }

    public required string Area { get; init; }

    public required string Text { get; init; }

    public PledgeStatus Status { get; init; } = PledgeStatus.Draft;

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Published while the unit had no linked group: posted there once a group is linked (/link), then cleared.</summary>
    public bool AwaitingGroup { get; init; }

    public string Id => IdFor(MemberId, Area);

    public static string IdFor(string memberId, string area) => $"{memberId}/{area}";
}

/// <summary>How a member is keeping a pledge (履约践诺), asked once a month.</summary>
public static class PledgeOutcomes
{
    public const string Kept = "kept";
    public const string Partly = "partly";
    public const string NotYet = "not_yet";

    public static readonly IReadOnlyList<(string Code, string Chinese, string English)> All =
    [
        (Kept, PledgeTexts.OutcomeKept.Chinese, PledgeTexts.OutcomeKept.English),
        (Partly, PledgeTexts.OutcomePartly.Chinese, PledgeTexts.OutcomePartly.English),
        (NotYet, PledgeTexts.OutcomeNotYet.Chinese, PledgeTexts.OutcomeNotYet.English),
    ];

    public static string Name(string code, bool english = false) =>
        All.FirstOrDefault(o => o.Code == code) is { Code: not null } o ? (english ? o.English : o.Chinese) : code;
}

/// <summary>One month's answer for one pledge; unique per (pledge, period), a later answer in the month replaces it.</summary>
public sealed record PledgeCheckIn(
    string MemberId,
    string UnitId,
    string Area,
    string Period,
    string Outcome,
    string? Note,
    DateTimeOffset RecordedAt)
{
    public string Id => $"{Pledge.IdFor(MemberId, Area)}@{Period}";
}
