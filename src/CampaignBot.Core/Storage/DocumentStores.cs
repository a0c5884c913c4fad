namespace CampaignBot.Core.Storage;

/// <summary>
/// The stores kept as JSON documents, made once over an engine's document tables: an engine says only how it opens
/// a table by name, and learns from <see cref="Tables"/> which tables to create and index.
/// </summary>
public sealed class DocumentStores
{
    private readonly List<string> _tables = [];

    public DocumentStores(Func<string, IDocumentTable> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        IDocumentTable Open(string name)
        {
            _tables.Add(name);
            return open(name);
        }

        Examinations = new Features.Examinations.DocumentExaminationStore(
            Open(Features.Examinations.DocumentExaminationStore.Table),
            Open(Features.Examinations.DocumentExaminationStore.VersionTable),
            Open(Features.Examinations.DocumentExaminationStore.ReviewTable));
        Pledges = new Features.Pledges.DocumentPledgeStore(Open(Features.Pledges.DocumentPledgeStore.Table), Open(Features.Pledges.DocumentPledgeStore.CheckInTable));
        Opinions = new Features.Opinions.DocumentOpinionStore(
            Open(Features.Opinions.DocumentOpinionStore.CollectionTable),
            Open(Features.Opinions.DocumentOpinionStore.Table),
            Open(Features.Opinions.DocumentOpinionStore.PlaceTable),
            Open(Features.Opinions.DocumentOpinionStore.AskedTable));
        Ledger = new Features.Ledger.DocumentLedgerStore(Open(Features.Ledger.DocumentLedgerStore.Table), Open(Features.Ledger.DocumentLedgerStore.HistoryTable));
        Bulletins = new Features.Bulletins.DocumentBulletinStore(
            Open(Features.Bulletins.DocumentBulletinStore.DispatchTable), Open(Features.Bulletins.DocumentBulletinStore.Table));
        Units = new Features.Organisation.DocumentUnitStore(Open(Features.Organisation.DocumentUnitStore.Table));
        Roster = new Features.Organisation.DocumentRosterStore(Open(Features.Organisation.DocumentRosterStore.Table));
        LifeMeetings = new Features.LifeMeetings.DocumentLifeMeetingStore(
            Open(Features.LifeMeetings.DocumentLifeMeetingStore.Table), Open(Features.LifeMeetings.DocumentLifeMeetingStore.TalkTable));
        Inspections = new Features.Inspections.DocumentInspectionStore(
            Open(Features.Inspections.DocumentInspectionStore.Table),
            Open(Features.Inspections.DocumentInspectionStore.ChecklistTable),
            Open(Features.Inspections.DocumentInspectionStore.BulletinTable),
            Open(Features.Inspections.DocumentInspectionStore.DecisionTable));
        Contacts = new Features.Contacts.DocumentContactStore(
            Open(Features.Contacts.DocumentContactStore.ChangeTable), Open(Features.Contacts.DocumentContactStore.VisitTable));
    }

    /// <summary>Every table the stores were opened over, each once, in the order opened.</summary>
    public IReadOnlyList<string> Tables => _tables;

    public Features.Examinations.IExaminationStore Examinations { get; }

    public Features.Pledges.IPledgeStore Pledges { get; }

    public Features.Opinions.IOpinionStore Opinions { get; }

    public Features.Ledger.ILedgerStore Ledger { get; }

    public Features.Bulletins.IBulletinStore Bulletins { get; }

    public Features.Organisation.IUnitStore Units { get; }

    public Features.Organisation.IRosterStore Roster { get; }

    public Features.LifeMeetings.ILifeMeetingStore LifeMeetings { get; }

    public Features.Inspections.IInspectionStore Inspections { get; }

    public Features.Contacts.IContactStore Contacts { get; }
}
