using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Dashboard;

/// <summary>What /dashboard says.</summary>
public static class DashboardTexts
{
    public static readonly Text PrivateOnly = new("请在与我的私聊中发送 /dashboard。", "Send /dashboard in a private chat with me.");

    public static readonly Text NotRegistered = new("你还没有注册：发送 /start 开始。", "You are not registered yet: send /start to begin.");

    public static readonly Text NotAllowed = new("工作台只对活动办、督导组和支部书记开放。", "The dashboard is for the campaign office, supervisors and secretaries.");

    public static readonly Text NotRunning = new("工作台没有开启（Dashboard:Enabled）。请联系活动办。", "The dashboard is not running (Dashboard:Enabled). Ask the campaign office.");

    public static readonly Text RateLimited = new("登录链接申请太频繁，请稍后再试。", "Too many sign-in links asked for; try again later.");

    public static Text Link(string url, int minutes) => new(
        $"工作台登录链接（{minutes} 分钟内有效，只能用一次，请勿转发）：\n{url}",
        $"Your dashboard sign-in link (valid for {minutes} minutes, once; do not forward it):\n{url}");
}
