namespace CampaignBot.Core.Features.Examinations;

/// <summary>Everything the self-examination and its review say, and how an examination reads for the member, the reviewer and the export.</summary>
public static partial class ExaminationTexts
{
    // The self-examination (/examine).
    public static Text Continuing(Text checklist, int item) =>
        new($"继续填写「{checklist.Chinese}」，从第 {item} 项开始。", $"Continuing \"{checklist.English}\" at item {item}.");

    public static Text ItemWithChoice(int number, int count, ChecklistItem item, string? current, string? currentEnglish) => new(
        $"第 {number}/{count} 项【{item.Group}】{(item.Required ? string.Empty : "（可选）")}\n{item.Prompt}{(current is null ? string.Empty : $"\n当前答案：{current}")}",
        $"Item {number}/{count} [{item.Groups.English}]{(item.Required ? string.Empty : " (optional)")}\n{item.Prompts.English}{(currentEnglish is null ? string.Empty : $"\nCurrent answer: {currentEnglish}")}");

    public static Text TextItem(int number, int count, ChecklistItem item, int max) => new(
        $"第 {number}/{count} 项【{item.Group}】{(item.Required ? string.Empty : "（可选）")}\n{item.Prompt}\n（文字作答，不超过 {max} 字）",
        $"Item {number}/{count} [{item.Groups.English}]{(item.Required ? string.Empty : " (optional)")}\n{item.Prompts.English}\n(Answer in text, at most {max} characters.)");

    public static Text MissingItems(IReadOnlyList<(int Number, ChecklistItem Item)> missing) => new(
        $"还有必答项没有完成，暂不能提交：{string.Join("；", missing.Select(m => $"第 {m.Number} 项 {Short(m.Item.Prompt)}"))}",
        $"Some required items are not answered yet, so it can't be submitted: {string.Join("; ", missing.Select(m => $"item {m.Number} {Short(m.Item.Prompts.English)}"))}");

    public static Text Submitted(int version, bool reviewerTold) => new(
        $"已提交对照检查（第 {version} 版），{(reviewerTold ? "已通知审核人" : "等待审核")}。提交后不能再修改；如被退回，会通知你修改。",
        $"Self-examination submitted (version {version}); {(reviewerTold ? "the reviewer has been told" : "waiting for a reviewer")}. It can no longer be changed; if it is returned you will be told.");

    // The review (/review).
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

    // Problems found, put on the rectification ledger from the review.
    public static Text ProblemEntry(int number, string problem) => new($"{number}. {Short(problem)}", $"{number}. {Short(problem)}");

    /// <summary>Sent to the unit's secretaries, in their language.</summary>
    public static Text UnitToldOfItem(string id, string leader, string problem) => new(
        $"对照检查查摆的问题已转入本单位整改台帐 {id}（牵头领导：{leader}）：{Short(problem)}。查看：/ledger show {id}",
        $"A problem found in a self-examination is now ledger item {id} of your unit (led by {leader}): {Short(problem)}. See /ledger show {id}");

    public static Text OnTheLedger(IReadOnlyList<string> ids) => new(
        $"审核已完成，{ids.Count} 个问题已转入整改台帐：{string.Join("、", ids)}。发送 /review 审核下一份，/ledger list 查看台帐。",
        $"Review done; {Plural.En(ids.Count, "problem")} on the ledger: {string.Join(", ", ids)}. Send /review for the next one, /ledger list for the ledger.");

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
        var text = new StringBuilder(english ? $"{checklist.Names().English}: summary\n" : $"「{checklist.Name}」总览\n");
        for (var i = 0; i < checklist.Items.Count; i++)
        {
            var item = checklist.Items[i];
            var answer = answers.GetValueOrDefault(item.Code) ?? new ExaminationAnswer(null, null);
            var shown = Answer(answer, english);
            var mark = IsComplete(item, answer) ? "✓" : item.Required ? "✗" : "○";
            text.Append(CultureInfo.InvariantCulture, $"{mark} {i + 1}. {Short(item.Prompts.In(english))} — {(shown.Length == 0 ? (english ? "(not answered)" : "（未填）") : shown)}\n");
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

}
