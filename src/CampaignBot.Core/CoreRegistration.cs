using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddSingleton<OutboxHandoff>();
        services.AddSingleton<SentMarks>();
        services.AddSingleton<UpdateHandler>();

        services.AddSingleton<IHostUnits, Features.Organisation.RosterHostUnits>();
        services.AddSingleton<IFlowDefinition, RegistrationFlow>();
        services.AddSingleton<ICommandHandler, MeCommand>();
        services.AddSingleton<ICommandHandler, Features.Help.HelpCommand>();
        services.AddSingleton<ICommandHandler, Features.Groups.LinkCommand>();
        services.AddSingleton<Features.Examinations.ExaminationReviewers>();
        services.AddSingleton<IFlowDefinition, Features.Examinations.ExaminationFlow>();
        services.AddSingleton<IFlowDefinition, Features.Examinations.ReviewFlow>();
        services.AddSingleton<Features.Examinations.IExaminationProblems, Features.Examinations.ExaminationProblems>();
        services.AddSingleton<IFlowDefinition, Features.Pledges.PledgeFlow>();
        services.AddSingleton<Features.Groups.IGroupLinkListener, Features.Pledges.PendingPledgePosts>();
        services.AddSingleton<IFlowDefinition, Features.Pledges.CheckInFlow>();
        services.AddSingleton<IJobHandler, Features.Pledges.PledgeCheckInJobHandler>();
        services.AddSingleton<Features.Examinations.ExaminationReminders>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<Features.Examinations.ExaminationReminders>());
        services.AddHostedService<Features.Examinations.ExaminationReminderSeeder>();
        services.AddSingleton<Features.Progress.CampaignTables>();
        services.AddSingleton<Features.Progress.ProgressCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<Features.Progress.ProgressCommand>());
        services.AddSingleton<IButtonHandler>(sp => sp.GetRequiredService<Features.Progress.ProgressCommand>());
        services.AddSingleton<ICommandHandler, Features.Progress.ExportChatCommand>();
        services.AddSingleton<Features.Progress.ActionLists>();
        services.AddSingleton<Features.Progress.Nudges>();
        services.AddSingleton<IButtonHandler>(sp => sp.GetRequiredService<Features.Progress.Nudges>());
        services.AddSingleton<ICommandHandler, Features.Progress.TodoCommand>();
        services.AddSingleton<IJobHandler, FlowTimeoutJobHandler>();
        services.AddOptions<QuietHours>().BindConfiguration(QuietHours.SectionName);
        services.AddSingleton<EffectApplier>();
        services.AddSingleton<NoticeLedger>();
        services.AddSingleton<IValidateOptions<Features.Study.ReminderOptions>, Features.Study.ReminderHourValidator>();
        services.AddOptions<Features.Study.ReminderOptions>()
            .BindConfiguration(Features.Study.ReminderOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Features.Study.StudyProgressService>();
        services.AddSingleton<IJobHandler, Features.Study.StudyReminderJobHandler>();
        services.AddHostedService<Features.Study.StudyReminderSchedule>();
        services.AddSingleton<Features.Study.StudyServices>();
        services.AddSingleton<IFlowDefinition, Features.Study.StudyFlow>();
        services.AddSingleton<IFlowDefinition, Features.Study.ResearchFlow>();
        services.AddSingleton<IFlowDefinition, Features.Study.VisitsFlow>();
        services.AddSingleton<ICommandHandler, Features.Study.RemindCommand>();
        services.AddSingleton<Features.Progress.IProgressSection, Features.Study.StudyProgressSection>();
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
