using System.Globalization;
using System.Text;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Examinations;

/// <summary>Everything the self-examination and its review say, and how an examination reads for the member, the reviewer and the export.</summary>
public static class ExaminationTexts
{
    // The self-examination (/examine).
    public static readonly Text Title = new("对照检查", "self-examination");

    public static readonly Text NotRegistered = new("你还没有注册。发送 /start，并输入单位发给你的邀请码即可注册。", "You are not registered yet. Send /start and enter the invite code your unit gave you.");

    public static readonly Text NoChecklist = new("活动配置中没有适用于你的检查表，请联系活动办。", "No checklist in the campaign applies to you; please contact the campaign office.");

    public static readonly Text FirstItem = new("已经是第一项了。", "This is already the first item.");

    public static readonly Text ChooseWithButtons = new("请点击按钮选择：存在、部分存在或不存在（也可输入 1、2、3）。", "Please choose with the buttons: exists, partly or does not exist (or type 1, 2, 3).");

    public static readonly Text Required = new("这一项是必答项，不能跳过，请作答。", "This item is required and can't be skipped; please answer it.");

    public static readonly Text SaysNothing = new(
        "这样的回答没有说明情况（只有数字、标点或一个字）。请写出具体表现和事实依据。",
        "That answer says nothing (only a number, punctuation or one character). Please write the specifics and evidence.");

    public static readonly Text SubmitOrChange = new("请点击“提交”，或点击项目编号修改该项。", "Press \"Submit\", or an item's number to change it.");

    public static readonly Text SummaryHint = new("\n点击编号可修改该项；全部必答项完成后点击“提交”。", "\nPress a number to change that item; press \"Submit\" when every required item is answered.");

    public static readonly Text ExamCancelled = new("已退出对照检查，已填写的内容都已保存。发送 /examine 可继续填写。", "Left the self-examination; your answers are saved. Send /examine to continue.");

    public static readonly Text ExamTimedOut = new("对照检查长时间未操作，已自动保存并退出。发送 /examine 可从原处继续。", "The self-examination was idle, so it was saved and closed. Send /examine to continue where you left off.");

    public static readonly Text KeepAnswer = new("保留原答案", "Keep answer");

    public static readonly Text KeepText = new("保留原内容", "Keep text");

    public static readonly Text Skip = new("跳过", "Skip");

    public static readonly Text ToSummary = new("总览", "Summary");

    public static readonly Text SaveAndLeave = new("保存退出", "Save and leave");

    public static readonly Text Submit = new("提交", "Submit");

    public static readonly Text StatusAccepted = new("已通过审核", "accepted");

    public static readonly Text StatusWaiting = new("已提交，等待审核", "submitted and waiting for review");

    public static Text Starting(string checklist, int items) => new(
        $"开始填写「{checklist}」，共 {items} 项。可点按钮或直接输入作答；/back 返回上一项，随时可“保存退出”，下次发送 /examine 继续。",
        $"Starting \"{checklist}\": {items} items. Answer with the buttons or by typing; /back goes back; \"Save and leave\" any time and send /examine to continue.");

    public static Text Continuing(string checklist, int item) =>
        new($"继续填写「{checklist}」，从第 {item} 项开始。", $"Continuing \"{checklist}\" at item {item}.");

    public static Text WasReturned(int version, string? comment) => new(
        $"你的对照检查（第 {version} 版）被退回修改。审核意见：{comment}\n请修改相关项目后重新提交。",
        $"Your self-examination (version {version}) was returned. Reviewer's comment: {comment}\nRevise the items and submit again.");

    public static Text SavedAt(int item) => new($"已保存，下次发送 /examine 从第 {item} 项继续。", $"Saved. Send /examine to continue from item {item}.");

    public static Text TooLong(int length, int max) => new(
        $"内容太长了（{length} 字，最多 {max} 字），请精简后重新输入；已填写的内容没有改变。",
        $"That is too long ({length} characters, at most {max}); please shorten it. Nothing was changed.");

    public static Text ItemWithChoice(int number, int count, ChecklistItem item, string? current, string? currentEnglish) => new(
        $"第 {number}/{count} 项【{item.Group}】{(item.Required ? string.Empty : "（可选）")}\n{item.Prompt}{(current is null ? string.Empty : $"\n当前答案：{current}")}",
        $"Item {number}/{count} [{item.Group}]{(item.Required ? string.Empty : " (optional)")}\n{item.Prompt}{(currentEnglish is null ? string.Empty : $"\nCurrent answer: {currentEnglish}")}");

    public static Text EvidenceFor(int number, int count, string? choice, int max) => new(
        $"第 {number}/{count} 项：你选择了“{ChecklistChoices.Name(choice)}”。请写出具体表现和事实依据（不超过 {max} 字）。",
        $"Item {number}/{count}: you chose \"{ChecklistChoices.Name(choice, true)}\". Write the specifics and evidence (at most {max} characters).");

    public static Text TextItem(int number, int count, ChecklistItem item, int max) => new(
        $"第 {number}/{count} 项【{item.Group}】{(item.Required ? string.Empty : "（可选）")}\n{item.Prompt}\n（文字作答，不超过 {max} 字）",
        $"Item {number}/{count} [{item.Group}]{(item.Required ? string.Empty : " (optional)")}\n{item.Prompt}\n(Answer in text, at most {max} characters.)");

    public static Text CurrentText(string text) => new($"\n当前内容：{text}", $"\nCurrent text: {text}");

    public static Text MissingItems(IReadOnlyList<(int Number, ChecklistItem Item)> missing) => new(
        $"还有必答项没有完成，暂不能提交：{string.Join("；", missing.Select(m => $"第 {m.Number} 项 {Short(m.Item.Prompt)}"))}",
        $"Some required items are not answered yet, so it can't be submitted: {string.Join("; ", missing.Select(m => $"item {m.Number}"))}");

    public static Text ReadOnly(int version, Text status, ChecklistDefinition checklist, IReadOnlyDictionary<string, ExaminationAnswer> answers) => new(
        $"你的对照检查（第 {version} 版）{status.Chinese}，不能再修改。\n{Summary(checklist, answers, false)}",
        $"Your self-examination (version {version}) is {status.English} and can no longer be changed.\n{Summary(checklist, answers, true)}");

    public static Text Submitted(int version, bool reviewerTold) => new(
        $"已提交对照检查（第 {version} 版），{(reviewerTold ? "已通知审核人" : "等待审核")}。提交后不能再修改；如被退回，会通知你修改。",
        $"Self-examination submitted (version {version}); {(reviewerTold ? "the reviewer has been told" : "waiting for a reviewer")}. It can no longer be changed; if it is returned you will be told.");

    /// <summary>Sent to each reviewer, in the reviewer's language.</summary>
    public static Text SubmittedNotice(string member, string unit, int version) => new(
        $"{member}（{unit}）提交了对照检查（第 {version} 版），请发送 /review 审阅，通过或退回修改。",
        $"{member} ({unit}) submitted a self-examination (version {version}). Send /review to read it and accept or return it.");

    // The review (/review).
    public static readonly Text ReviewTitle = new("审核对照检查", "review");

    public static readonly Text OnlyReviewers = new("只有支部书记、督导组和活动办可以审核对照检查。", "Only secretaries, supervisors and the campaign office can review self-examinations.");

    public static readonly Text NothingToReview = new("目前没有等待你审核的对照检查。", "There is no self-examination waiting for your review.");

    public static readonly Text ChooseToReview = new("请选择要审核的对照检查：", "Choose a self-examination to review:");

    public static readonly Text ChooseFromList = new("请点击列表中的一项。", "Please choose one from the list.");

    public static readonly Text NoLongerWaiting = new("这一份已由其他审核人处理或已被撤回，不再等待审核。", "That one has been decided by someone else or withdrawn; it is no longer waiting for review.");

    public static readonly Text FreshList = new("这是最新的待审核列表。", "Here is the current list.");

    public static readonly Text Accept = new("通过", "Accept");

    public static readonly Text Return = new("退回修改", "Return");

    public static readonly Text BackToList = new("返回列表", "Back to list");

    public static readonly Text AcceptOrReturn = new("请点击“通过”或“退回修改”。", "Please press \"Accept\" or \"Return\".");

    public static readonly Text DecidedBySomeoneElse = new("这份对照检查已由其他审核人处理或已撤回，本次未做改动。", "This self-examination has already been decided by someone else; nothing was changed.");

    public static readonly Text AcceptedDone = new("已通过，已通知本人。发送 /review 审核下一份。", "Accepted; the member has been told. Send /review for the next one.");

    public static readonly Text ReturnedDone = new("已退回修改，意见已发给本人。发送 /review 审核下一份。", "Returned with your comment; the member has been told. Send /review for the next one.");

    public static readonly Text ReviewCancelled = new("已退出审核，未做任何决定。", "Left the review; nothing was decided.");

    public static readonly Text ReviewTimedOut = new("审核长时间未操作，已自动退出，未做任何决定。", "The review was idle and closed; nothing was decided.");

    public static Text ListEntry(int number, string member, string unit, int version) =>
        new($"{number}. {member}（{unit}）第 {version} 版", $"{number}. {member} ({unit}), version {version}");

    public static Text AskComment(int min, int max) =>
        new($"请写下退回意见（{min}–{max} 字），本人修改时会看到。/back 返回。", $"Write your comment for the member ({min}–{max} characters). /back to go back.");

    public static Text CommentLength(int min, int max, int length) =>
        new($"退回意见应为 {min}–{max} 字（现在是 {length} 字），请重新输入。", $"The comment must be {min}–{max} characters (it is {length}); please write it again.");

    public static Text ExaminationOf(string member, int version) =>
        new($"{member} 的对照检查（第 {version} 版）\n", $"Self-examination of {member} (version {version})\n");

    public static Text EarlierReturn(int version, string reviewer, string? comment) =>
        new($"\n第 {version} 版退回意见（{reviewer}）：{comment}", $"\nVersion {version} returned ({reviewer}): {comment}");

    /// <summary>Sent to the member, in the member's language.</summary>
    public static Text AcceptedNotice(int version, string reviewer) =>
        new($"你的对照检查（第 {version} 版）已由{reviewer}审核通过。", $"Your self-examination (version {version}) was accepted by {reviewer}.");

    /// <summary>Sent to the member, in the member's language.</summary>
    public static Text ReturnedNotice(int version, string reviewer, string? comment) =>
        new($"你的对照检查（第 {version} 版）被{reviewer}退回修改。意见：{comment}\n请发送 /examine 修改后重新提交。", $"Your self-examination (version {version}) was returned by {reviewer}. Comment: {comment}\nSend /examine to revise it and submit it again.");

    /// <summary>A required item needs its choice and its text; a "does not exist" needs no evidence.</summary>
    public static bool IsComplete(ChecklistItem item, ExaminationAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(answer);
        return item.Answer switch
        {
            ChecklistAnswerKind.Choice => answer.Choice is not null,
            ChecklistAnswerKind.Text => !string.IsNullOrEmpty(answer.Text),
            _ => answer.Choice is not null && (answer.Choice == ChecklistChoices.None || !string.IsNullOrEmpty(answer.Text)),
        };
    }

    /// <summary>The answer as one line: "存在：具体表现…".</summary>
    public static string Answer(ExaminationAnswer? answer, bool english = false)
    {
        var parts = new[] { ChecklistChoices.Name(answer?.Choice, english), answer?.Text }.Where(p => !string.IsNullOrEmpty(p));
        return string.Join(english ? ": " : "：", parts);
    }

    public static string Summary(ChecklistDefinition checklist, IReadOnlyDictionary<string, ExaminationAnswer> answers, bool english)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(answers);
        var text = new StringBuilder(english ? $"{checklist.Name}: summary\n" : $"「{checklist.Name}」总览\n");
        for (var i = 0; i < checklist.Items.Count; i++)
        {
            var item = checklist.Items[i];
            var answer = answers.GetValueOrDefault(item.Code) ?? new ExaminationAnswer(null, null);
            var shown = Answer(answer, english);
            var mark = IsComplete(item, answer) ? "✓" : item.Required ? "✗" : "○";
            text.Append(CultureInfo.InvariantCulture, $"{mark} {i + 1}. {Short(item.Prompt)} — {(shown.Length == 0 ? (english ? "(not answered)" : "（未填）") : shown)}\n");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The head of a prompt ("形式主义"), for lists.</summary>
    public static string Short(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = text.IndexOfAny(['：', ':', '，', '？']);
        return cut is > 0 and <= 20 ? text[..cut] : text.Length <= 20 ? text : text[..20] + "…";
    }

    public static string StatusName(ExaminationStatus? status, bool english = false) => status switch
    {
        null => english ? "not started" : "未开始",
        ExaminationStatus.Draft => english ? "in progress" : "填写中",
        ExaminationStatus.Submitted => english ? "submitted" : "已提交待审核",
        ExaminationStatus.Returned => english ? "returned" : "已退回修改",
        ExaminationStatus.Accepted => english ? "accepted" : "已通过",
        _ => status.ToString()!,
    };
}
