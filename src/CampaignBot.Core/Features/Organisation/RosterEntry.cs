namespace CampaignBot.Core.Features.Organisation;

/// <summary>
/// A member as the organisation department's list names them (a member import or the WeCom address book), before or
/// after they first write. <see cref="Key"/> is what identifies the person across imports: the WeCom userid, else the
/// Telegram username, else the phone number. Whoever has no WeCom userid gets a personal one-use invite code.
/// </summary>
public sealed record RosterEntry : ImportedRecord
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    /// <summary>The home unit (流出地 for a mobile member).</summary>
    public required string UnitId { get; init; }

    /// <summary>The host unit (流入地) of a mobile member (流动党员), primary for study and activities; null otherwise.</summary>
    public string? HostUnitId { get; init; }

    public required string Rank { get; init; }

    public required string Role { get; init; }

    public string? Phone { get; init; }

    public string? WeComUserId { get; init; }

    public string? TelegramUsername { get; init; }

    /// <summary>The personal invite code made for this entry (members without a WeCom userid).</summary>
    public string? InviteCode { get; init; }

    public static string KeyFor(string? weComUserId, string? telegramUsername, string? phone) =>
        weComUserId is { Length: > 0 } ? $"wecom:{weComUserId}"
        : telegramUsername is { Length: > 0 } ? $"telegram:{telegramUsername.TrimStart('@').ToLowerInvariant()}"
        : $"phone:{phone}";
}

/// <summary>The roster of imported and synced members.</summary>
public interface IRosterStore
{
    Task<IReadOnlyList<RosterEntry>> ListAsync(string? unitId, CancellationToken cancellationToken);

    Task<RosterEntry?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces each entry by key.</summary>
    Task SaveAsync(IReadOnlyList<RosterEntry> entries, CancellationToken cancellationToken);
}
