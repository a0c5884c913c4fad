using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Ledger;

public static class LedgerRegistration
{
    /// <summary>The rectification ledger: /ledger, the daily reminder and escalation job, the 整改落实评判 briefing, /progress and /export parts.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LedgerService>();
        services.AddSingleton<ILedgerIntake>(sp => sp.GetRequiredService<LedgerService>());
        services.AddSingleton<LedgerPeople>();
        services.AddSingleton<LedgerTable>();
        services.AddSingleton<ITableSource, OpinionAndLedgerTables>();
        services.AddSingleton<LedgerAddFlow>();
        services.AddSingleton<IFlowDefinition>(sp => sp.GetRequiredService<LedgerAddFlow>());
        services.AddSingleton<LedgerEvidenceFlow>();
        services.AddSingleton<IFlowDefinition>(sp => sp.GetRequiredService<LedgerEvidenceFlow>());
        services.AddSingleton<IJobHandler, EvidenceFetchJob>();
        services.AddSingleton<ICommandHandler, LedgerCommand>();
        services.AddSingleton<LedgerDailyJob>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<LedgerDailyJob>());
        services.AddHostedService<LedgerJobSeeder>();
        services.AddSingleton<IBallotBriefing, LedgerBallotBriefing>();
        services.AddSingleton<IProgressSection, LedgerProgressSection>();
        return services;
    }
}
