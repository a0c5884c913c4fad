namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>The democratic life meeting: /meeting, /criticise and the flows of the three rounds of talks and the record.</summary>
public static class LifeMeetingFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Services = [typeof(LifeMeetingPeople)],
        Commands = [typeof(MeetingCommand)],
        Flows = [typeof(MeetingOpenFlow), typeof(CriticiseFlow), typeof(TalkCheckFlow), typeof(TalkConfirmFlow), typeof(MeetingRecordFlow)],
        MadePorts = [AudienceOf("meeting"), AudienceOf("criticise")],
    };

    /// <summary>/meeting and /criticise are listed in /help for the meeting's team.</summary>
    private static (Type, Func<IServiceProvider, object>) AudienceOf(string command) =>
        (typeof(ICommandAudienceCheck), sp => new LifeMeetingAudience(sp.GetRequiredService<LifeMeetingPeople>(), command));
}
