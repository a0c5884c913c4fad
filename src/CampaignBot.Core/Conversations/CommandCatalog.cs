namespace CampaignBot.Core.Conversations;

/// <summary>Whom a command is for, so /help lists only what the asker can do.</summary>
public enum CommandAudience
{
    Anyone,

    /// <summary>People who have not registered (the masses, newcomers).</summary>
    Unregistered,

    /// <summary>Every registered member.</summary>
    Members,

    /// <summary>Members whose rank sets field-research or household-visit minimums.</summary>
    Leaders,

    /// <summary>Secretaries, supervisors and the campaign office.</summary>
    Reviewers,

    /// <summary>Secretaries and the campaign office: they manage a unit's people and groups.</summary>
    Managers,

    /// <summary>Branch secretaries only (they answer the monthly dispatch for their unit).</summary>
    Secretaries,

    Office,

    /// <summary>The campaign office and the supervision groups: they inspect units (随机调研).</summary>
    Inspectors,

    /// <summary>Nobody by role: only the people a feature's <see cref="ICommandAudienceCheck"/> names (a meeting's team).</summary>
    Named,
}

/// <summary>A command people can type, with the one-line description a channel's menu shows.</summary>
public sealed record BotCommand(string Name, string Chinese, string English)
{
    public CommandAudience Audience { get; init; } = CommandAudience.Anyone;

    /// <summary>True for commands that do something in a group chat (the rest answer there only with a pointer to the private chat).</summary>
    public bool InGroups { get; init; }

    /// <summary>
    /// What the command offers those who manage a unit (secretaries, supervisors, the office) when that is more than a
    /// member can do with it; /help shows it to them instead of the members' line.
    /// </summary>
    public (string Chinese, string English)? ForReviewers { get; init; }

    public string Describe(Language language) => language == Language.English ? English : Chinese;

    /// <summary>The line /help shows this person: the reviewers' wording where the command has one and they are a reviewer.</summary>
    public string Describe(Language language, Member? member) =>
        ForReviewers is { } wider && IsReviewer(member)
            ? (language == Language.English ? wider.English : wider.Chinese)
            : Describe(language);

    /// <summary>Secretaries, supervisors and the office: those who manage a unit's examinations, opinions and ledger.</summary>
    private static bool IsReviewer(Member? member) => member?.Role is Roles.Secretary or Roles.Supervisor or Roles.CampaignOffice;

    /// <summary>Whether this person can use the command.</summary>
    public bool IsFor(Member? member, CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return Audience switch
        {
            CommandAudience.Anyone => true,
            CommandAudience.Unregistered => member is null,
            CommandAudience.Members => member is not null,
            CommandAudience.Leaders => member is not null && campaign.FindRank(member.Rank) is { } rank
                && (rank.FieldResearchDays is > 0 || rank.HouseholdVisits is > 0),
            CommandAudience.Reviewers => IsReviewer(member),
            CommandAudience.Managers => member?.Role is Roles.Secretary or Roles.CampaignOffice,
            CommandAudience.Secretaries => member?.Role is Roles.Secretary,
            CommandAudience.Office => member?.Role is Roles.CampaignOffice,
            CommandAudience.Inspectors => member?.Role is Roles.CampaignOffice or Roles.Supervisor,
            _ => false,
        };
    }
}

/// <summary>The commands offered in channel menus (Telegram's setMyCommands, WeCom's app menu) and listed by /help.</summary>
public static class CommandCatalog
{
    public static readonly IReadOnlyList<BotCommand> All =
    [
        new("start", "开始使用 / 注册", "Start / register") { Audience = CommandAudience.Unregistered },
        new("me", "查看我的资料", "Show my profile") { Audience = CommandAudience.Members },
        new("help", "帮助", "Help") { InGroups = true },
        new("study", "记录学习 / 更正", "Log study / correct") { Audience = CommandAudience.Members },
        new("research", "记录蹲点调研（领导干部）", "Log field research (leaders)") { Audience = CommandAudience.Leaders },
        new("visits", "走亲连心：结对和走访（领导干部）", "Household pairing and visits (leaders)") { Audience = CommandAudience.Leaders },
        new("remind", "提醒设置：查看、暂停、改时间", "Reminders: see, mute, pick the hour") { Audience = CommandAudience.Members },
        new("cancel", "取消当前操作", "Cancel the current step"),
        new("back", "返回上一步", "Go back one step"),
        new("examine", "对照检查（填写、继续、提交）", "Self-examination (fill in, continue, submit)") { Audience = CommandAudience.Members },
        new("review", "审核对照检查（书记、督导组、活动办）", "Review self-examinations (secretaries, supervisors, office)") { Audience = CommandAudience.Reviewers },
        new("pledge", "公开承诺（填写、预览、发布）", "Public pledges (write, preview, publish)") { Audience = CommandAudience.Members },
        new("checkin", "报告履约践诺情况", "Report how you keep your pledges") { Audience = CommandAudience.Members },
        new("progress", "查看进度：对照检查、承诺、学习调研走访（书记、督导组、活动办）", "Progress: examinations, pledges, study, research, visits (secretaries, supervisors, office)") { Audience = CommandAudience.Reviewers },
        new("todo", "待办名单与催办（书记）；全市异常单位（活动办）", "Action lists and reminders (secretaries); units behind city-wide (office)") { Audience = CommandAudience.Managers },
        new("export", "导出对照检查或承诺表格（书记、督导组、活动办）", "Export examinations or pledges (secretaries, supervisors, office)") { Audience = CommandAudience.Reviewers },
        new("members", "本单位成员名单（书记、活动办）", "Members of a unit (secretaries, office)") { Audience = CommandAudience.Managers },
        new("member", "修改成员姓名、职级、单位，停用成员（书记、活动办）", "Change a member's name, rank or unit, or deactivate them (secretaries, office)") { Audience = CommandAudience.Managers },
        new("invite", "收回邀请码（书记、活动办）", "Revoke an invite code (secretaries, office)") { Audience = CommandAudience.Managers },
        new("link", "把本群关联到单位（书记、活动办）", "Link this group to a unit (secretaries, office)") { Audience = CommandAudience.Managers, InGroups = true },
        new("dashboard", "网页工作台登录链接（书记、督导组、活动办）", "A sign-in link to the web dashboard (secretaries, supervisors, office)") { Audience = CommandAudience.Reviewers },
        new("vote", "用口令领取评议选票", "Get a ballot with a round's code"),
        new("results", "查看群众评议结果", "Evaluation results") { Audience = CommandAudience.Reviewers },
        new("round", "开启或结束评议（活动办）", "Open or close an evaluation round (office)") { Audience = CommandAudience.Office, InGroups = true },
        new("opinion", "用口令匿名提意见，或用回执码查看答复", "Give an opinion with a code, or read the answer by receipt") { Audience = CommandAudience.Anyone },
        new("opinions", "征求意见：开启、查看、处理（书记、督导组、活动办）", "Opinions: open, see, handle (secretaries, supervisors, office)") { Audience = CommandAudience.Reviewers },
        new("ledger", "整改台帐：我牵头的事项，报告进展和完成", "Rectification ledger: the items you lead, progress and completion") { Audience = CommandAudience.Members, ForReviewers = ("整改台帐：建立、进展、完成、确认", "Rectification ledger: add, progress, done, confirm") },
        new("dispatch", "月调度：报告本月办实事和整改进展（书记）", "Monthly dispatch: this month's practical things and ledger progress (secretaries)") { Audience = CommandAudience.Secretaries },
        new("bulletin", "月通报：预览和发布（活动办）", "Monthly bulletin: preview and publish (office)") { Audience = CommandAudience.Office },
        new("meeting", "专题民主生活会：三轮沟通进度、审核确认、会议记录（班子成员、书记、督导组）", "Democratic life meeting: talks, checks, record (team, secretary, supervisor)") { Audience = CommandAudience.Reviewers },
        new("criticise", "填写准备提出的批评意见（班子成员）", "Write the criticisms you will raise (team members)") { Audience = CommandAudience.Named },
        new("inspect", "随机调研：抽取、复核、逐项调研、通报（活动办、督导组）", "Random inspections: draw, verify, inspect, bulletin (office, supervisors)") { Audience = CommandAudience.Inspectors },
        new("handling", "组织处理名单和处理决定（活动办）", "Cases for organisational handling and decisions (office)") { Audience = CommandAudience.Office },
        new("contact", "全程联系：联系点、对照检查和台帐、走访记录（联系领导、活动办）", "Contact points: units, their examinations and ledger, visits (contact leaders, office)") { Audience = CommandAudience.Office },
    ];
}
