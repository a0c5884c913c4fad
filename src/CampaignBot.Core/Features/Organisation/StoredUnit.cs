namespace CampaignBot.Core.Features.Organisation;

/// <summary>
/// A unit kept in the store (from a unit import or WeCom's address book) rather than in the campaign file.
/// <see cref="Start"/> is an explicit date, <see cref="StartOffsetDays"/> days after the campaign's start; with neither,
/// the unit starts by its kind, like a unit of the file (后错半个月 under an earlier-starting superior).
/// </summary>
public sealed record StoredUnit : ImportedRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Kind { get; init; }

    public string? ParentId { get; init; }

    public DateOnly? Start { get; init; }

    public int? StartOffsetDays { get; init; }

    /// <summary>The unit's group as the import names it (a WeCom group robot's name or a chat id); linked on import.</summary>
    public string? LinkedGroup { get; init; }

    /// <summary>The WeCom address book department (通讯录部门) this unit mirrors, when synced or mapped.</summary>
    public string? WeComDepartmentId { get; init; }
}

/// <summary>The units kept in the store.</summary>
public interface IUnitStore
{
    Task<IReadOnlyList<StoredUnit>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces each unit by id.</summary>
    Task SaveAsync(IReadOnlyList<StoredUnit> units, CancellationToken cancellationToken);
}
