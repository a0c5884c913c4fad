using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Conversations;

/// <summary>What every flow says the same way (the shared flow base uses these).</summary>
public static class FlowTexts
{
    public static readonly Text FirstStep = new("已经是第一步了。", "This is already the first step.");

    public static readonly Text NotAtThisStep = new("这一步不能这样操作，请按提示继续。", "That can't be done at this step; please follow the prompt.");
}
