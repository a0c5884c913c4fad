namespace CampaignBot.Core.Features.LifeMeetings;

public static class LifeMeetingRegistration
{
    /// <summary>The democratic life meeting: /meeting, /criticise and the flows of the three rounds of talks and the record.</summary>
    public static IServiceCollection AddLifeMeetings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<LifeMeetingPeople>();
        services.AddSingleton<MeetingOpenFlow>();
        services.AddSingleton<IFlowDefinition>(sp => sp.GetRequiredService<MeetingOpenFlow>());
        services.AddSingleton<IFlowDefinition, CriticiseFlow>();
        services.AddSingleton<TalkCheckFlow>();
        services.AddSingleton<IFlowDefinition>(sp => sp.GetRequiredService<TalkCheckFlow>());
        services.AddSingleton<TalkConfirmFlow>();
        services.AddSingleton<IFlowDefinition>(sp => sp.GetRequiredService<TalkConfirmFlow>());
        services.AddSingleton<MeetingRecordFlow>();
        services.AddSingleton<IFlowDefinition>(sp => sp.GetRequiredService<MeetingRecordFlow>());
        services.AddSingleton<ICommandHandler, MeetingCommand>();
        return services;
    }
}
