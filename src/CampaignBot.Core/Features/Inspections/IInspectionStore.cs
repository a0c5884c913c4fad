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

    // An inspection and its bulletin belong to the whole campaign, not to one unit.
    private const string AllUnits = "all";

    private readonly DocumentTable<Inspection> _inspections = new(inspections, i => new(i.Id, i.DrawnBy, AllUnits));
    private readonly DocumentTable<UnitInspection> _checklists = new(checklists, c => new(c.Id, c.InspectionId, c.UnitId));
    private readonly DocumentTable<InspectionBulletinRecord> _bulletins = new(bulletins, b => new(b.InspectionId, b.PublishedBy, AllUnits));
    private readonly DocumentTable<HandlingDecision> _decisions = new(decisions, d => new(d.CaseKey, d.RecordedBy, d.UnitId));

    public Task<bool> CreateAsync(Inspection inspection, CancellationToken cancellationToken) => _inspections.TryAddAsync(inspection, cancellationToken);

    public Task<Inspection?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _inspections.GetAsync(id.ToUpperInvariant(), cancellationToken);
    }

    public Task<IReadOnlyList<Inspection>> ListAsync(CancellationToken cancellationToken) => _inspections.ListAsync(null, cancellationToken);

    public Task SaveChecklistAsync(UnitInspection checklist, CancellationToken cancellationToken) => _checklists.SaveAsync(checklist, cancellationToken);

    public Task<UnitInspection?> GetChecklistAsync(string inspectionId, string unitId, CancellationToken cancellationToken) =>
        _checklists.GetAsync(UnitInspection.IdFor(inspectionId, unitId), cancellationToken);

    public Task<IReadOnlyList<UnitInspection>> ListChecklistsAsync(string inspectionId, CancellationToken cancellationToken) =>
        _checklists.ListByMemberAsync(inspectionId, cancellationToken);

    public Task<IReadOnlyList<UnitInspection>> ListChecklistsOfUnitAsync(string unitId, CancellationToken cancellationToken) =>
        _checklists.ListAsync(unitId, cancellationToken);

    public Task<bool> TryRecordBulletinAsync(InspectionBulletinRecord record, CancellationToken cancellationToken) => _bulletins.TryAddAsync(record, cancellationToken);

    public Task<InspectionBulletinRecord?> GetBulletinAsync(string inspectionId, CancellationToken cancellationToken) =>
        _bulletins.GetAsync(inspectionId, cancellationToken);

    public Task<bool> AddDecisionAsync(HandlingDecision decision, CancellationToken cancellationToken) => _decisions.TryAddAsync(decision, cancellationToken);

    public Task<IReadOnlyList<HandlingDecision>> ListDecisionsAsync(string? unitId, CancellationToken cancellationToken) =>
        _decisions.ListAsync(unitId, cancellationToken);
}
