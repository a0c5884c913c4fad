namespace CampaignBot.Core.Features.Groups;

/// <summary>/link: a group chat tied to its unit; other features hear of a new link through <see cref="IGroupLinkListener"/>.</summary>
public static class GroupFeature
{
    public static FeatureParts Parts { get; } = new() { Commands = [typeof(LinkCommand)] };
}
