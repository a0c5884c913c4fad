namespace CampaignBot.Core.Features.Members;

/// <summary>Managing people in chat: /members, /member, /invite revoke.</summary>
public static class MembersFeature
{
    public static FeatureParts Parts { get; } = new() { Commands = [typeof(MembersCommand), typeof(MemberCommand), typeof(InviteChatCommand)] };
}
