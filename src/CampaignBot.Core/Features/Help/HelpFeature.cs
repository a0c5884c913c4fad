namespace CampaignBot.Core.Features.Help;

/// <summary>/help: what the caller may do here.</summary>
public static class HelpFeature
{
    public static FeatureParts Parts { get; } = new() { Commands = [typeof(HelpCommand)] };
}
