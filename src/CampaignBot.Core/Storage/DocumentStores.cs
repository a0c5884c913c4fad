using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Contacts;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Inspections;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.LifeMeetings;
using CampaignBot.Core.Features.Opinions;
using CampaignBot.Core.Features.Organisation;
using CampaignBot.Core.Features.Pledges;

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

        Examinations = new DocumentExaminationStore(
            Open(DocumentExaminationStore.Table), Open(DocumentExaminationStore.VersionTable), Open(DocumentExaminationStore.ReviewTable));
        Pledges = new DocumentPledgeStore(Open(DocumentPledgeStore.Table), Open(DocumentPledgeStore.CheckInTable));
        Opinions = new DocumentOpinionStore(
            Open(DocumentOpinionStore.CollectionTable),
            Open(DocumentOpinionStore.Table),
            Open(DocumentOpinionStore.PlaceTable),
            Open(DocumentOpinionStore.AskedTable));
        Ledger = new DocumentLedgerStore(Open(DocumentLedgerStore.Table), Open(DocumentLedgerStore.HistoryTable));
        Bulletins = new DocumentBulletinStore(Open(DocumentBulletinStore.DispatchTable), Open(DocumentBulletinStore.Table));
        Units = new DocumentUnitStore(Open(DocumentUnitStore.Table));
        Roster = new DocumentRosterStore(Open(DocumentRosterStore.Table));
        LifeMeetings = new DocumentLifeMeetingStore(Open(DocumentLifeMeetingStore.Table), Open(DocumentLifeMeetingStore.TalkTable));
        Inspections = new DocumentInspectionStore(
            Open(DocumentInspectionStore.Table),
            Open(DocumentInspectionStore.ChecklistTable),
            Open(DocumentInspectionStore.BulletinTable),
            Open(DocumentInspectionStore.DecisionTable));
        Contacts = new DocumentContactStore(Open(DocumentContactStore.ChangeTable), Open(DocumentContactStore.VisitTable));
    }

    /// <summary>Every table the stores were opened over, each once, in the order opened.</summary>
    public IReadOnlyList<string> Tables => _tables;

    public IExaminationStore Examinations { get; }

    public IPledgeStore Pledges { get; }

    public IOpinionStore Opinions { get; }

    public ILedgerStore Ledger { get; }

    public IBulletinStore Bulletins { get; }

    public IUnitStore Units { get; }

    public IRosterStore Roster { get; }

    public ILifeMeetingStore LifeMeetings { get; }

    public IInspectionStore Inspections { get; }

    public IContactStore Contacts { get; }
}
