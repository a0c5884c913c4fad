using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Conversations;

/// <summary>A command people can type, with the one-line description a channel's menu shows.</summary>
public sealed record BotCommand(string Name, string Chinese, string English)
{
    public string Describe(Language language) => language == Language.English ? English : Chinese;
}

/// <summary>The commands offered in channel menus (Telegram's setMyCommands, WeCom's app menu).</summary>
public static class CommandCatalog
{
    public static readonly IReadOnlyList<BotCommand> All =
    [
        new("start", "开始使用 / 注册", "Start / register"),
        new("me", "查看我的资料", "Show my profile"),
        new("help", "帮助", "Help"),
        new("cancel", "取消当前操作", "Cancel the current step"),
        new("back", "返回上一步", "Go back one step"),
        new("link", "把本群关联到单位（书记、活动办）", "Link this group to a unit (secretaries, office)"),
    ];
}
