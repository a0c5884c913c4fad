using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Core;

public static class CoreRegistration
{
    /// <summary>
    /// The message path (inbox writer, dispatcher, outbox worker, scheduler) and every feature (<see cref="CampaignFeatures"/>). The store, the
    /// campaign definition and the channels are registered by their own Add… methods.
    /// </summary>
    public static IHostApplicationBuilder AddCampaignCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PipelineOptions>()
            .BindConfiguration(PipelineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PipelineSignals>();
        services.AddSingleton(sp => new Campaign.CampaignCalendar(sp.GetRequiredService<Campaign.CampaignDefinition>()));
        services.AddSingleton<SendPacer>();
        services.AddSingleton(sp => new FlowTimeouts(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.FlowTimeout));
        services.AddSingleton<ReceivedUpdates>();
        services.AddSingleton<IInboundSink, InboxWriter>();
        services.AddSingleton<ConversationRouter>();
        services.AddSingleton<OutboxHandoff>();
        services.AddSingleton<SentMarks>();
        services.AddSingleton<UpdateHandler>();

        services.AddSingleton<IJobHandler, FlowTimeoutJobHandler>();
        services.AddOptions<QuietHours>().BindConfiguration(QuietHours.SectionName);
        services.AddSingleton<EffectApplier>();
        services.AddSingleton<NoticeLedger>();
        services.AddFeatures(CampaignFeatures.All);

        services.AddSingleton<InboxDispatcher>();
        services.AddSingleton<OutboxWorker>();
        services.AddSingleton<SchedulerWorker>();
        services.AddSingleton<FlowTimeoutSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<FlowTimeoutSweeper>());
        services.AddHostedService<RetentionWorker>();
        return builder;
    }
}
