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
        new("study", "记录学习 / 更正", "Log study / correct"),
        new("research", "记录蹲点调研（领导干部）", "Log field research (leaders)"),
        new("visits", "走亲连心：结对和走访（领导干部）", "Household pairing and visits (leaders)"),
        new("remind", "提醒设置：查看、暂停、改时间", "Reminders: see, mute, pick the hour"),
        new("cancel", "取消当前操作", "Cancel the current step"),
        new("back", "返回上一步", "Go back one step"),
        new("examine", "对照检查（填写、继续、提交）", "Self-examination (fill in, continue, submit)"),
        new("review", "审核对照检查（书记、督导组、活动办）", "Review self-examinations (secretaries, supervisors, office)"),
        new("pledge", "公开承诺（填写、预览、发布）", "Public pledges (write, preview, publish)"),
        new("checkin", "报告履约践诺情况", "Report how you keep your pledges"),
        new("progress", "查看进度：对照检查、承诺、学习调研走访（书记、督导组、活动办）", "Progress: examinations, pledges, study, research, visits (secretaries, supervisors, office)"),
        new("export", "导出对照检查或承诺表格（书记、督导组、活动办）", "Export examinations or pledges (secretaries, supervisors, office)"),
        new("link", "把本群关联到单位（书记、活动办）", "Link this group to a unit (secretaries, office)"),
        new("vote", "用口令领取评议选票", "Get a ballot with a round's code"),
        new("results", "查看群众评议结果", "Evaluation results"),
        new("round", "开启或结束评议（活动办）", "Open or close an evaluation round (office)"),
        new("opinion", "用口令匿名提意见，或用回执码查看答复", "Give an opinion with a code, or read the answer by receipt"),
        new("opinions", "征求意见：开启、查看、处理（书记、督导组、活动办）", "Opinions: open, see, handle (secretaries, supervisors, office)"),
        new("ledger", "整改台帐：建立、进展、完成、确认", "Rectification ledger: add, progress, done, confirm"),
        new("dispatch", "月调度：报告本月办实事和整改进展（书记）", "Monthly dispatch: this month's practical things and ledger progress (secretaries)"),
        new("bulletin", "月通报：预览和发布（活动办）", "Monthly bulletin: preview and publish (office)"),
    ];
}
