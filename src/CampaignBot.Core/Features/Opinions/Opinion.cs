namespace CampaignBot.Core.Features.Opinions;

/// <summary>How the opinion reached the unit: back to back (匿名, by a collection) or face to face (面对面, recorded by a cadre).</summary>
public enum OpinionSource
{
    Anonymous,
    Meeting,
    Talk,
    Visit,
    Research,
}

/// <summary>待处理 → 已采纳 (a ledger item) / 已答复 (a reply the giver reads by receipt code) / 不予采纳 (a reason) / 已合并 (a duplicate).</summary>
public enum OpinionStatus
{
    Pending,
    Adopted,
    Answered,
    Rejected,
    Merged,
}

/// <summary>
/// One opinion given to a unit. An anonymous opinion holds no user id, chat or exact time: only its collection, the
/// local date it came and its receipt code (the <see cref="Id"/>), which only the giver was shown.
/// </summary>
public sealed record Opinion
{
    /// <summary>Eight characters of <see cref="OpinionCodes.Alphabet"/>; also the receipt code the giver reads the answer by.</summary>
    public required string Id { get; init; }

    public required string UnitId { get; init; }

    /// <summary>The collection an anonymous opinion came through; null for one recorded face to face.</summary>
    public string? CollectionId { get; init; }

    public required OpinionSource Source { get; init; }

    /// <summary>A four-winds or problem-area code of the campaign, or "other".</summary>
    public required string Category { get; init; }

    public required string Text { get; init; }

    /// <summary>The local date only (coarse on purpose).</summary>
    public required DateOnly GivenOn { get; init; }

    /// <summary>Face to face only, and only with the giver's consent.</summary>
    public string? GiverName { get; init; }

    /// <summary>Face to face only: the cadre who recorded it (a member id).</summary>
    public string? RecordedBy { get; init; }

    public OpinionStatus Status { get; init; } = OpinionStatus.Pending;

    /// <summary>The reply (已答复) or the reason (不予采纳).</summary>
    public string? Answer { get; init; }

    /// <summary>The ledger item it became or joined (已采纳).</summary>
    public string? LedgerItemId { get; init; }

    /// <summary>The opinion this duplicate was merged into (已合并).</summary>
    public string? MergedInto { get; init; }

    /// <summary>Who changed the status, when, to what: appended, never rewritten.</summary>
    public IReadOnlyList<OpinionChange> Changes { get; init; } = [];

    public bool IsAnonymous => Source == OpinionSource.Anonymous;

    public Opinion With(OpinionStatus status, string by, DateTimeOffset at, Text what)
    {
        ArgumentNullException.ThrowIfNull(what);
        return this with { Status = status, Changes = [.. Changes, new OpinionChange(at, by, status, what.Chinese, what.English)] };
    }
}

/// <summary>One change of an opinion's status: <paramref name="What"/> in Chinese, <paramref name="English"/> beside it (null in older changes).</summary>
public sealed record OpinionChange(
    DateTimeOffset At, string By, OpinionStatus Status, string What,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? English = null)
{
    /// <summary>What changed, in the reader's language where the change has it, else in Chinese.</summary>
    public string WhatIn(Language language) => language == Language.English && English is { } english ? english : What;
}

/// <summary>An opinion collection (征求意见) of one unit: who is asked is the same choice as for evaluation rounds.</summary>
public sealed record OpinionCollection : UnitWindow
{
    /// <summary>"group", "roster" or "code": the evaluation audiences.</summary>
    public required string Audience { get; init; }
}

/// <summary>That a roster member was asked in a collection (never what they said): to avoid asking the same people again.</summary>
public sealed record OpinionAsked(string CollectionId, string MemberId, string UnitId, DateOnly AskedOn);

public static class OpinionCodes
{
    /// <summary>No 0/O, 1/I: codes are read aloud and typed on phones.</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string From(string seed, int length)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        return new string([.. hash.Take(length).Select(b => Alphabet[b % Alphabet.Length])]);
    }

    public static bool LooksLikeCode(string? value) =>
        value is { Length: >= 4 and <= 12 } && value.All(c => Alphabet.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal));
}
