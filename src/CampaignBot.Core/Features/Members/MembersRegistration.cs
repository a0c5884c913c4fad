namespace CampaignBot.Core.Features.Members;

public static class MembersRegistration
{
    /// <summary>Managing people in chat: /members, /member, /invite revoke.</summary>
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddFeature(new FeatureParts { Commands = [typeof(MembersCommand), typeof(MemberCommand), typeof(InviteChatCommand)] });
        return services;
    }
}
