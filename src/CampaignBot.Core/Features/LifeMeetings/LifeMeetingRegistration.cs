namespace CampaignBot.Core.Features.LifeMeetings;

public static class LifeMeetingRegistration
{
    /// <summary>The democratic life meeting: /meeting, /criticise and the flows of the three rounds of talks and the record.</summary>
    public static IServiceCollection AddLifeMeetings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddFeature(new FeatureParts
        {
            Services = [typeof(LifeMeetingPeople)],
            Commands = [typeof(MeetingCommand)],
            Flows = [typeof(MeetingOpenFlow), typeof(CriticiseFlow), typeof(TalkCheckFlow), typeof(TalkConfirmFlow), typeof(MeetingRecordFlow)],
        });

        services.AddSingleton<ICommandAudienceCheck>(sp => new LifeMeetingAudience(sp.GetRequiredService<LifeMeetingPeople>(), "meeting"));
        services.AddSingleton<ICommandAudienceCheck>(sp => new LifeMeetingAudience(sp.GetRequiredService<LifeMeetingPeople>(), "criticise"));
        return services;
    }
}
