using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Features.Inspections;

/// <summary>Inspections, their units' checklists, their bulletins and the office's handling decisions; SQLite and MongoDB alike.</summary>
public interface IInspectionStore
{
    /// <summary>Stores a new inspection; false when its id exists already (a draw is never replaced).</summary>
    Task<bool> CreateAsync(Inspection inspection, CancellationToken cancellationToken);

    Task<Inspection?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every inspection, by id.</summary>
    Task<IReadOnlyList<Inspection>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the unit's checklist of the inspection (completing it again replaces it).</summary>
    Task SaveChecklistAsync(UnitInspection checklist, CancellationToken cancellationToken);

    Task<UnitInspection?> GetChecklistAsync(string inspectionId, string unitId, CancellationToken cancellationToken);

    /// <summary>The completed checklists of one inspection.</summary>
    Task<IReadOnlyList<UnitInspection>> ListChecklistsAsync(string inspectionId, CancellationToken cancellationToken);

    /// <summary>Every completed checklist of a unit, over all inspections.</summary>
    Task<IReadOnlyList<UnitInspection>> ListChecklistsOfUnitAsync(string unitId, CancellationToken cancellationToken);

    /// <summary>False when the inspection's bulletin was published already (the first publish wins).</summary>
    Task<bool> TryRecordBulletinAsync(InspectionBulletinRecord record, CancellationToken cancellationToken);

    Task<InspectionBulletinRecord?> GetBulletinAsync(string inspectionId, CancellationToken cancellationToken);

    /// <summary>Records a decision; false when the case has one already (a decision is never overwritten).</summary>
    Task<bool> AddDecisionAsync(HandlingDecision decision, CancellationToken cancellationToken);

    /// <summary>A unit's decisions, or every decision when null.</summary>
    Task<IReadOnlyList<HandlingDecision>> ListDecisionsAsync(string? unitId, CancellationToken cancellationToken);
}

/// <summary>The inspection store over four document tables.</summary>
public sealed class DocumentInspectionStore(IDocumentTable inspections, IDocumentTable checklists, IDocumentTable bulletins, IDocumentTable decisions) : IInspectionStore
{
    public const string Table = "inspections";
    public const string ChecklistTable = "inspection_checklists";
    public const string BulletinTable = "inspection_bulletins";
    public const string DecisionTable = "handling_decisions";

    /// <summary>Every table of the store, for the schema and the indexes.</summary>
    public static readonly IReadOnlyList<string> Tables = [Table, ChecklistTable, BulletinTable, DecisionTable];

    public Task<bool> CreateAsync(Inspection inspection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        return inspections.TryInsertAsync(inspection.Id, inspection.DrawnBy, "all", MessageJson.Serialize(inspection), cancellationToken);
    }

    public async Task<Inspection?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await inspections.GetAsync(id.ToUpperInvariant(), cancellationToken) is { } body ? MessageJson.Deserialize<Inspection>(body) : null;
    }

    public async Task<IReadOnlyList<Inspection>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await inspections.ListAsync(null, cancellationToken)).Select(MessageJson.Deserialize<Inspection>)];

    public Task SaveChecklistAsync(UnitInspection checklist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        return checklists.UpsertAsync(checklist.Id, checklist.InspectionId, checklist.UnitId, MessageJson.Serialize(checklist), cancellationToken);
    }

    public async Task<UnitInspection?> GetChecklistAsync(string inspectionId, string unitId, CancellationToken cancellationToken) =>
        await checklists.GetAsync(UnitInspection.IdFor(inspectionId, unitId), cancellationToken) is { } body ? MessageJson.Deserialize<UnitInspection>(body) : null;

    public async Task<IReadOnlyList<UnitInspection>> ListChecklistsAsync(string inspectionId, CancellationToken cancellationToken) =>
        [.. (await checklists.ListByMemberAsync(inspectionId, cancellationToken)).Select(MessageJson.Deserialize<UnitInspection>)];

    public async Task<IReadOnlyList<UnitInspection>> ListChecklistsOfUnitAsync(string unitId, CancellationToken cancellationToken) =>
        [.. (await checklists.ListAsync(unitId, cancellationToken)).Select(MessageJson.Deserialize<UnitInspection>)];

    public Task<bool> TryRecordBulletinAsync(InspectionBulletinRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return bulletins.TryInsertAsync(record.InspectionId, record.PublishedBy, "all", MessageJson.Serialize(record), cancellationToken);
    }

    public async Task<InspectionBulletinRecord?> GetBulletinAsync(string inspectionId, CancellationToken cancellationToken) =>
        await bulletins.GetAsync(inspectionId, cancellationToken) is { } body ? MessageJson.Deserialize<InspectionBulletinRecord>(body) : null;

    public Task<bool> AddDecisionAsync(HandlingDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decisions.TryInsertAsync(decision.CaseKey, decision.RecordedBy, decision.UnitId, MessageJson.Serialize(decision), cancellationToken);
    }

    public async Task<IReadOnlyList<HandlingDecision>> ListDecisionsAsync(string? unitId, CancellationToken cancellationToken) =>
        [.. (await decisions.ListAsync(unitId, cancellationToken)).Select(MessageJson.Deserialize<HandlingDecision>)];
}
