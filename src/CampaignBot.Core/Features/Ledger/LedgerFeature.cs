using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Ledger;

/// <summary>
/// The rectification ledger: /ledger, the daily reminder and escalation job, the 整改落实评判 briefing, /progress and /export
/// parts, and the intake port through which other features file problems (the ledger service itself).
/// </summary>
public static class LedgerFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Settings = [FeatureSettings.Annotated<LedgerOptions>(LedgerOptions.SectionName)],
        Services = [typeof(LedgerService), typeof(LedgerPeople), typeof(LedgerTable)],
        Commands = [typeof(LedgerCommand)],
        Flows = [typeof(LedgerAddFlow), typeof(LedgerEvidenceFlow)],
        Jobs = [typeof(LedgerDailyJob), typeof(EvidenceFetchJob)],
        Seeders = [typeof(LedgerJobSeeder)],
        Ports =
        [
            (typeof(ITableSource), typeof(OpinionAndLedgerTables)),
            (typeof(IBallotBriefing), typeof(LedgerBallotBriefing)),
            (typeof(IProgressSection), typeof(LedgerProgressSection)),
            (typeof(ILedgerIntake), typeof(LedgerService)),
        ],
    };
}
