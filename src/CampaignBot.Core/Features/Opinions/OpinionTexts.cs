using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Opinions;

/// <summary>The words of opinion collection (征求意见), for the masses and for the unit.</summary>
public static class OpinionTexts
{
    public static readonly Text Usage = new(
        "用法：\n/opinions open <单位> [天数] [group|roster|code]\n/opinions list [单位]\n/opinions record <meeting|talk|visit|research> <类别> [yyyy-MM-dd] [署名:姓名] <意见内容>\n/opinions accept <编号> <牵头领导> <完成时限> <整改措施>（或 accept <编号> <台帐编号> 并入已有台帐）\n/opinions reply <编号> <答复>　/opinions reject <编号> <理由>　/opinions merge <编号> <并入编号>",
        "Usage:\n/opinions open <unit> [days] [group|roster|code]\n/opinions list [unit]\n/opinions record <meeting|talk|visit|research> <category> [yyyy-MM-dd] [name:NAME] <text>\n/opinions accept <id> <lead leader> <deadline> <measures> (or accept <id> <ledger id>)\n/opinions reply <id> <text>  /opinions reject <id> <reason>  /opinions merge <id> <into id>");

    public static readonly Text FlowTitle = new("提意见建议", "giving an opinion");

    public static readonly Text TextRemoved = new("(意见内容已另行保存，此处不留)", "(the opinion is stored apart, not here)");

    public static readonly Text GiveUsage = new("请发送 /opinion 口令（口令由单位或活动办提供）；查看答复请发送 /opinion 回执码。", "Send /opinion CODE (the code your unit gave you); to read an answer send /opinion RECEIPT.");

    public static readonly Text PrivateOnly = new("为了保密，请私聊我发送 /opinion 口令 提意见。", "To stay anonymous, send /opinion CODE to me in a private chat.");

    public static readonly Text NotEnabled = new("征求意见功能尚未启用，请联系活动办。", "Opinion collection is not enabled; please contact the campaign office.");

    public static readonly Text AdminNotEnabled = new("征求意见功能尚未启用：请管理员设置 Opinions:Secret（或 Evaluation:BallotSecret）。", "Opinions are off: the administrator must set Opinions:Secret (or Evaluation:BallotSecret).");

    public static readonly Text BadCode = new("口令或回执码不正确，请核对后重新发送：/opinion 口令", "That code or receipt is not valid. Please check it and send /opinion CODE again.");

    public static readonly Text Closed = new("这次征求意见已经结束，谢谢关注。", "This opinion collection has closed. Thank you.");

    public static readonly Text NotAllowed = new("只有本单位支部书记、督导组和活动办可以管理本单位的意见。", "Only the unit's secretary, its supervisors and the office manage the unit's opinions.");

    public static readonly Text AskCategory = new("请选择意见的类别（“四风”、十个方面问题或其他）：", "Choose what the opinion is about (the four winds, the ten problem areas, or other):");

    public static readonly Text PressCategory = new("请点击按钮选择类别，或输入类别前的序号。", "Please press a category button, or type its number.");

    public static readonly Text Other = new("其他", "Other");

    public static readonly Text Cancelled = new("已取消，没有保存任何内容。", "Cancelled; nothing was saved.");

    public static readonly Text TimedOut = new("长时间未操作，已退出，没有保存任何内容。", "Idle for too long; left without saving anything.");

    public static readonly Text Limit = new("你在这次征求意见中提的意见已达上限，谢谢！", "You have given as many opinions as this collection takes. Thank you!");

    public static readonly Text NoSuchOpinion = new("没有这个意见编号。发送 /opinions list 查看。", "No opinion with that id. Send /opinions list to see them.");

    public static readonly Text AlreadyHandled = new("这条意见已经处理过了。", "This opinion has already been handled.");

    public static readonly Text BadSource = new("来源须是 meeting（座谈会）、talk（谈心谈话）、visit（走访）或 research（蹲点调研）。", "The source must be meeting, talk, visit or research.");

    public static Text AskText(int min, int max) => new($"请写下你的意见建议（{min}–{max} 字）。不会记录你是谁。", $"Write your opinion ({min}–{max} characters). Who you are is not recorded.");

    public static Text Length(int min, int max) => new($"意见须为 {min}–{max} 字，请修改后重新发送。", $"An opinion must be {min}–{max} characters; please edit it and send it again.");

    public static Text Received(string receipt) => new(
        $"意见已收到，谢谢！单位看不到是谁提的。回执码：{receipt}\n以后发送 /opinion {receipt} 可查看处理情况和答复。",
        $"Received, thank you! The unit cannot see who gave it. Receipt: {receipt}\nSend /opinion {receipt} later to see how it was handled.");

    public static Text Status(Opinion opinion) => new(
        $"你的意见（{opinion.GivenOn:yyyy-MM-dd}）：{StatusName(opinion.Status)}" + (opinion.Answer is { } a ? $"\n{(opinion.Status == OpinionStatus.Rejected ? "理由" : "答复")}：{a}" : string.Empty) + (opinion.LedgerItemId is { } l ? $"\n已列入整改台帐 {l}。" : string.Empty),
        $"Your opinion ({opinion.GivenOn:yyyy-MM-dd}): {StatusName(opinion.Status, true)}" + (opinion.Answer is { } b ? $"\n{(opinion.Status == OpinionStatus.Rejected ? "Reason" : "Answer")}: {b}" : string.Empty) + (opinion.LedgerItemId is { } m ? $"\nPut on the rectification ledger as {m}." : string.Empty));

    public static Text Opened(string unitName, string code, string closes, string how) => new(
        $"已开启征求意见：{unitName}，截止 {closes}。{how}\n群众私聊我发送 /opinion {code} 即可匿名提意见。",
        $"Opinion collection opened for {unitName}, closing {closes}. {how}\nPeople send /opinion {code} to me in a private chat to give an opinion anonymously.");

    public static Text GroupNotice(string unitName, string code, string closes) => new(
        $"【征求意见】{unitName} 诚恳听取大家的意见建议（背对背，匿名）。请私聊我发送 /opinion {code}，截止 {closes}。",
        $"[Opinions] {unitName} asks for your opinions (anonymous). Send /opinion {code} to me in a private chat, by {closes}.");

    public static Text RosterInvite(string unitName, string code, string closes) => new(
        $"【征求意见】{unitName} 诚恳听取你的意见建议，匿名提交：发送 /opinion {code}，截止 {closes}。",
        $"[Opinions] {unitName} asks for your opinion, anonymously: send /opinion {code}, by {closes}.");

    public static Text Recorded(Opinion opinion) => new($"已记录面对面意见 {opinion.Id}。", $"Face-to-face opinion {opinion.Id} recorded.");

    public static Text Changed(Opinion opinion) => new($"意见 {opinion.Id}：{StatusName(opinion.Status)}。", $"Opinion {opinion.Id}: {StatusName(opinion.Status, true)}.");

    public static string StatusName(OpinionStatus status, bool english = false) => status switch
    {
        OpinionStatus.Pending => english ? "pending" : "待处理",
        OpinionStatus.Adopted => english ? "adopted" : "已采纳",
        OpinionStatus.Answered => english ? "answered" : "已答复",
        OpinionStatus.Rejected => english ? "not adopted" : "不予采纳",
        _ => english ? "merged" : "已合并",
    };

    public static string SourceName(OpinionSource source) => source switch
    {
        OpinionSource.Anonymous => "背对背",
        OpinionSource.Meeting => "座谈会",
        OpinionSource.Talk => "谈心谈话",
        OpinionSource.Visit => "走访",
        _ => "蹲点调研",
    };
}
