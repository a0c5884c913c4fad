using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Ledger;

public static class LedgerRegistration
{
    /// <summary>The rectification ledger: /ledger, the daily reminder and escalation job, the 整改落实评判 briefing, /progress and /export parts.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCheckedOptions<LedgerOptions>(LedgerOptions.SectionName);
        services.AddFeature(new FeatureParts
        {
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
            ],
        });

        // Other features file problems into the ledger through its intake port; it is the ledger service itself.
        services.AddSingleton<ILedgerIntake>(sp => sp.GetRequiredService<LedgerService>());
        return services;
    }
}
