namespace CampaignBot.Core.Features.Study;

/// <summary>Study, research and visit entries.</summary>
public interface IActivityLogStore
{
    /// <summary>Stores the entry; false when an entry with its id exists (a re-run update), which is left unchanged.</summary>
    Task<bool> AddAsync(ActivityEntry entry, CancellationToken cancellationToken);

    /// <summary>Replaces the entry with this id (a correction or a confirmation); false when there is none.</summary>
    Task<bool> ReplaceAsync(ActivityEntry entry, CancellationToken cancellationToken);

    Task<ActivityEntry?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Deletes the entry (a member's own mistake, or one the secretary rejects); false when there is none.</summary>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Entries matching every filter given (null = any), ordered by date, then recorded time, then id.</summary>
    Task<IReadOnlyList<ActivityEntry>> ListAsync(string? unitId, string? memberId, ActivityKind? kind, CancellationToken cancellationToken);
}

/// <summary>Household pairings. A member pairs with one label once: (member, label) is unique.</summary>
public interface IHouseholdStore
{
    /// <summary>False when the id exists or the member already paired with this label.</summary>
    Task<bool> AddAsync(Household household, CancellationToken cancellationToken);

    /// <summary>Gives the pairing a new label; false when there is none or the member already uses that label.</summary>
    Task<bool> RenameAsync(string id, string label, CancellationToken cancellationToken);

    /// <summary>Ends the pairing; false when there is none.</summary>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Pairings matching every filter given (null = any), ordered by paired time, then id.</summary>
    Task<IReadOnlyList<Household>> ListAsync(string? unitId, string? memberId, CancellationToken cancellationToken);
}

/// <summary>Members' reminder settings, one per member.</summary>
public interface IReminderSettingsStore
{
    Task<ReminderSettings?> GetAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces by member id.</summary>
    Task UpsertAsync(ReminderSettings settings, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderSettings>> ListAsync(CancellationToken cancellationToken);
}
