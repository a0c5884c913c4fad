using CampaignBot.Core.Messaging;

namespace CampaignBot.Features.Dashboard;

/// <summary>Every text of the dashboard's pages, in Chinese and English.</summary>
internal static class DashboardPageTexts
{
    public static readonly Text Title = new("活动工作台", "Campaign dashboard");
    public static readonly Text Overview = new("总览", "Overview");
    public static readonly Text Evaluations = new("群众评议", "Evaluations");
    public static readonly Text Downloads = new("下载", "Downloads");
    public static readonly Text SignOut = new("退出", "Sign out");
    public static readonly Text SignInHint = new(
        "请先登录：在与机器人的私聊中发送 /dashboard，打开收到的一次性链接（10 分钟内有效）。在企业微信中，也可以从应用菜单直接打开。",
        "Please sign in: send /dashboard in a private chat with the bot and open the one-time link you get (valid for 10 minutes). In WeCom you can also open it from the app's menu.");
    public static readonly Text SignInTitle = new("登录工作台", "Sign in to the dashboard");
    public static readonly Text SignInConfirm = new("点击下面的按钮登录。链接只能使用一次。", "Press the button to sign in. The link works once.");
    public static readonly Text SignInButton = new("登录", "Sign in");
    public static readonly Text LinkInvalid = new("链接无效、已过期或已使用。请在私聊中重新发送 /dashboard 获取新链接。", "This link is invalid, expired or used. Send /dashboard in a private chat for a new one.");
    public static readonly Text FormRefused = new("表单已失效，请返回重新操作。", "This form has expired; go back and try again.");
    public static readonly Text NotAllowed = new("你无权查看此内容。", "You may not see this.");
    public static readonly Text ErrorPage = new("出错了，请稍后再试。", "Something went wrong; please try again later.");
    public static readonly Text NotFound = new("没有这个页面。", "There is no such page.");
    public static readonly Text SessionEnded = new("已退出。", "Signed out.");
    public static readonly Text SignedIn = new("已登录，正在打开工作台……", "Signed in; opening the dashboard…");
    public static readonly Text Continue = new("继续", "Continue");
    public static readonly Text BackHome = new("返回首页", "Back to the start");
    public static readonly Text WeComRefused = new("企业微信登录失败：请从应用菜单重新打开，或在私聊中发送 /dashboard。", "WeCom sign-in failed: open the app again from its menu, or send /dashboard in a private chat.");

    public static readonly Text Phase = new("当前环节", "Phase");
    public static readonly Text NotStartedYet = new("尚未开始", "not started yet");
    public static readonly Text DaysLeft = new("剩余天数", "Days left");
    public static readonly Text Ends = new("结束日期", "Ends");
    public static readonly Text Units = new("单位", "Units");
    public static readonly Text Failing = new("需补课", "Make-up needed");
    public static readonly Text Behind = new("进度落后", "Behind");
    public static readonly Text Silent = new("无动静", "Silent");
    public static readonly Text Exceptions = new("需要关注的单位", "Units that need attention");
    public static readonly Text NoExceptions = new("没有需要关注的单位。", "No unit needs attention.");
    public static readonly Text AllUnits = new("全部单位", "All units");
    public static readonly Text FilterKind = new("类型", "Kind");
    public static readonly Text FilterCounty = new("县区", "County");
    public static readonly Text FilterText = new("查找单位", "Find a unit");
    public static readonly Text Any = new("全部", "All");
    public static readonly Text ChartProgress = new("各单位进度（前 30 个需关注的单位）", "Progress by unit (the first 30 by attention)");
    public static readonly Text ChartStages = new("评议环节情况", "Evaluation stages");

    public static readonly Text Unit = new("单位", "Unit");
    public static readonly Text Kind = new("类型", "Kind");
    public static readonly Text Members = new("人数", "Members");
    public static readonly Text Study = new("学习达标", "Study met");
    public static readonly Text Examinations = new("对照检查", "Self-examinations");
    public static readonly Text Submitted = new("已提交", "Submitted");
    public static readonly Text Accepted = new("已通过", "Accepted");
    public static readonly Text Returned = new("已退回", "Returned");
    public static readonly Text NotStarted = new("未开始", "Not started");
    public static readonly Text Pledges = new("承诺", "Pledges");
    public static readonly Text CheckIns = new("本月履约报告", "Check-ins this month");
    public static readonly Text StagesPassed = new("评议通过", "Stages passed");
    public static readonly Text StagesInProgress = new("评议中", "In progress");
    public static readonly Text StagesMakeUp = new("补课", "Make-up");
    public static readonly Text Status = new("状态", "Status");
    public static readonly Text Ok = new("正常", "On track");
    public static readonly Text Deadline = new("学习截止", "Study deadline");

    public static readonly Text SubUnits = new("下级单位", "Units below");
    public static readonly Text Name = new("姓名", "Name");
    public static readonly Text Rank = new("职级", "Rank");
    public static readonly Text Role = new("角色", "Role");
    public static readonly Text StudyResearchVisits = new("学习·调研·走访", "Study · research · visits");
    public static readonly Text Owes = new("尚欠", "Still owes");
    public static readonly Text Nothing = new("无", "nothing");
    public static readonly Text OwesExamination = new("对照检查", "self-examination");
    public static readonly Text OwesRevision = new("修改对照检查", "revise the self-examination");
    public static readonly Text OwesPledge = new("公开承诺", "a public pledge");
    public static readonly Text OwesStudy = new("学习", "study");
    public static readonly Text OwesResearch = new("蹲点调研", "field research");
    public static readonly Text OwesHouseholds = new("结对户", "households");
    public static readonly Text Reviews = new("审核记录", "Review history");
    public static readonly Text Versions = new("提交版本", "Versions");
    public static readonly Text Answers = new("答案", "Answers");
    public static readonly Text Reviewer = new("审核人", "Reviewer");
    public static readonly Text Decision = new("结果", "Decision");
    public static readonly Text Comment = new("意见", "Comment");
    public static readonly Text Time = new("时间", "Time");
    public static readonly Text Area = new("方面", "Area");
    public static readonly Text Content = new("内容", "Content");
    public static readonly Text Published = new("已发布", "Published");
    public static readonly Text Draft = new("草稿", "Draft");
    public static readonly Text LatestCheckIn = new("最近履约", "Latest check-in");
    public static readonly Text Rounds = new("评议轮次", "Evaluation rounds");
    public static readonly Text Stage = new("环节", "Stage");
    public static readonly Text Opens = new("开始", "Opens");
    public static readonly Text Closes = new("结束", "Closes");
    public static readonly Text Turnout = new("参与", "Turnout");
    public static readonly Text Votes = new("票数", "Votes");
    public static readonly Text Satisfied = new("满意率", "Satisfied");
    public static readonly Text Result = new("结果", "Result");
    public static readonly Text Passed = new("通过", "passed");
    public static readonly Text FailedRound = new("未通过", "failed");
    public static readonly Text Open = new("进行中", "open");
    public static readonly Text Log = new("学习、调研、走访记录", "Study, research and visit log");
    public static readonly Text Date = new("日期", "Date");
    public static readonly Text What = new("类别", "Kind");
    public static readonly Text KindStudy = new("学习", "study");
    public static readonly Text KindResearch = new("蹲点调研", "field research");
    public static readonly Text KindVisit = new("走访", "visit");
    public static readonly Text Days = new("天数", "Days");
    public static readonly Text Note = new("说明", "Note");
    public static readonly Text None = new("暂无。", "None yet.");
    public static readonly Text LogTruncated = new("只显示最近 200 条；全部记录见“下载”。", "Only the latest 200 are shown; see Downloads for all.");

    public static readonly Text ChartSatisfaction = new("各单位各环节满意率（最近一轮已结束的评议）", "Satisfaction by unit and stage (latest closed round)");
    public static readonly Text ChartTurnout = new("评议票数（按结束日期）", "Votes by closing date");
    public static readonly Text AllRounds = new("全部评议轮次", "Every round");
    public static readonly Text MakeUpHistory = new("补课记录", "Make-up history");
    public static readonly Text NoMakeUp = new("没有未通过的评议。", "No round has failed.");

    public static readonly Text DownloadsIntro = new("以下表格只包含你可以查看的单位。", "These tables hold only the units you may see.");
    public static readonly Text Table = new("表格", "Table");
    public static readonly Text Formats = new("格式", "Formats");

    /// <summary>The English name of an export kind (the command line describes them in Chinese).</summary>
    public static string? DownloadName(string kind) => kind switch
    {
        "examinations" => "Self-examinations: each item's answer and evidence, reviews",
        "pledges" => "Public pledges: text, publication, check-ins",
        "evaluations" => "Evaluations: each unit's stages by their latest round",
        "study" => "Study log",
        "research" => "Field research log",
        "visits" => "Household visits",
        "members" => "Members",
        "units" => "Units",
        "invites" => "Invite codes",
        "sessions" => "Open conversations",
        _ => null,
    };

    public static Text MembersCount(int n) => new($"{n} 人", $"{n} members");

    public static Text OwesDays(Text what, string days) => new($"{what.Chinese} {days} 天", $"{what.English} {days} days");

    public static Text OwesCount(Text what, int n) => new($"{what.Chinese} {n} 户", $"{what.English} {n}");
}
