using CampaignBot.Core.Conversations;
using CampaignBot.Core.Evaluations;
using CampaignBot.Core.Flows.Profile;
using CampaignBot.Core.Flows.Registration;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignBot.Core;

public static class CoreRegistration
{
    /// <summary>
    /// The message path (inbox writer, dispatcher, outbox worker, scheduler) and the flows. The store, the
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
        services.AddSingleton<IInboundSink, InboxWriter>();
        services.AddSingleton<ConversationRouter>();
        services.AddSingleton<UpdateHandler>();

        services.AddSingleton<IFlowDefinition, RegistrationFlowDefinition>();
        services.AddSingleton<ICommandHandler, MeCommand>();
        services.AddSingleton<ICommandHandler, HelpCommand>();
        services.AddSingleton<ICommandHandler, Flows.Groups.LinkCommand>();
        services.AddSingleton<Examinations.ExaminationReviewers>();
        services.AddSingleton<IFlowDefinition, Flows.Examination.ExaminationFlowDefinition>();
        services.AddSingleton<IFlowDefinition, Flows.Examination.ReviewFlowDefinition>();
        services.AddSingleton<IFlowDefinition, Flows.Pledge.PledgeFlowDefinition>();
        services.AddSingleton<IFlowDefinition, Flows.Pledge.CheckInFlowDefinition>();
        services.AddSingleton<IJobHandler, Pledges.PledgeCheckInJobHandler>();
        services.AddSingleton<Examinations.ExaminationReminders>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<Examinations.ExaminationReminders>());
        services.AddHostedService<Examinations.ExaminationReminderSeeder>();
        services.AddSingleton<Progress.CampaignTables>();
        services.AddSingleton<ICommandHandler, Progress.ProgressCommand>();
        services.AddSingleton<ICommandHandler, Progress.ExportChatCommand>();
        services.AddSingleton<IJobHandler, FlowTimeoutJobHandler>();
        services.AddEvaluations();

        services.AddSingleton<InboxDispatcher>();
        services.AddSingleton<OutboxWorker>();
        services.AddSingleton<SchedulerWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerWorker>());
        return builder;
    }
}
