using CampaignBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Core.Features.LifeMeetings;

public static class LifeMeetingRegistration
{
    /// <summary>The democratic life meeting: /meeting, /criticise and the flows of the three rounds of talks and the record.</summary>
    public static IServiceCollection AddLifeMeetings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<LifeMeetingPeople>();
        services.AddFlow<MeetingOpenFlow>();
        services.AddFlow<CriticiseFlow>();
        services.AddFlow<TalkCheckFlow>();
        services.AddFlow<TalkConfirmFlow>();
        services.AddFlow<MeetingRecordFlow>();
        services.AddSingleton<ICommandHandler, MeetingCommand>();
        return services;
    }
}
