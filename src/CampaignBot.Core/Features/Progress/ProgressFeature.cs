namespace CampaignBot.Core.Features.Progress;

/// <summary>/progress (with its buttons), /export in chat, /todo and its nudges; other features add sections and tables through ports.</summary>
public static class ProgressFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Services = [typeof(CampaignTables), typeof(ActionLists)],
        Commands = [typeof(ProgressCommand), typeof(ExportChatCommand), typeof(TodoCommand)],
        ButtonHandlers = [typeof(ProgressCommand), typeof(Nudges)],
    };
}
