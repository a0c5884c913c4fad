using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Core.Features.Inspections;

/// <summary>The words of random inspections that are built from values (lists, choices); the fixed ones and the simple ones are in inspection.texts.</summary>
public static partial class InspectionTexts
{
    public static Text StandingName(StageStanding standing) => standing switch
    {
        StageStanding.Passed => new("通过", "passed"),
        StageStanding.InProgress => new("进行中", "in progress"),
        StageStanding.NeedsMakeUp => new("未通过，需补课", "failed, make-up needed"),
        _ => new("未开展", "not held"),
    };

    /// <summary>The checklist's evaluations line: each stage held so far, or that none has been.</summary>
    public static Text EvaluationsFact(IReadOnlyList<Text> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return stages.Count == 0
            ? NoRoundsYet
            : new(string.Join("；", stages.Select(s => s.Chinese)), string.Join("; ", stages.Select(s => s.English)));
    }

    public static Text Drawn(Inspection inspection, IReadOnlyList<string> units, Text kinds)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(kinds);
        var list = string.Join("\n", units);
        return new(
            $"已随机抽取调研 {inspection.Id}（范围：{kinds.Chinese}；候选 {inspection.Candidates.Count} 个，近 {inspection.ExcludeWeeks} 周已调研的 {inspection.Excluded.Count} 个未参加）：\n{list}\n随机种子：{inspection.Seed}\n不打招呼：不会通知被抽取的单位。逐项调研：/inspect check {inspection.Id} <单位ID>；复核：/inspect verify {inspection.Id}",
            $"Inspection {inspection.Id} drawn (kinds: {kinds.English}; {Plural.En(inspection.Candidates.Count, "candidate")}, {inspection.Excluded.Count} inspected in the last {Plural.En(inspection.ExcludeWeeks, "week")} left out):\n{list}\nSeed: {inspection.Seed}\nUnannounced: the units are not told. Inspect: /inspect check {inspection.Id} <unit id>; re-check: /inspect verify {inspection.Id}");
    }

    public static Text Verified(Inspection inspection, bool matches, Text recomputed)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        return matches
            ? new($"复核一致：按种子 {inspection.Seed} 对 {inspection.Candidates.Count} 个候选单位（按ID排序）洗牌，前 {inspection.Count} 个就是 {recomputed.Chinese}，与记录相同。算法见 docs/inspections.md。",
                $"Verified: shuffling the {inspection.Candidates.Count} candidates (sorted by id) with seed {inspection.Seed} gives {recomputed.English} as the first {inspection.Count}, as recorded. The algorithm is in docs/inspections.md.")
            : new($"复核不一致！按种子重新计算得到：{recomputed.Chinese}，与记录的抽取结果不同。请报告活动办。",
                $"Verification FAILED: the seed gives {recomputed.English}, not what was recorded. Report it to the office.");
    }

    public static Text Shown(Inspection inspection, Text kinds, string at)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(kinds);
        return new(
            $"调研 {inspection.Id}：{at} 由{inspection.DrawnByName}抽取，范围：{kinds.Chinese}，{inspection.Units.Count} 个单位，种子 {inspection.Seed}",
            $"Inspection {inspection.Id}: drawn {at} by {inspection.DrawnByName}, kinds: {kinds.English}, {Plural.En(inspection.Units.Count, "unit")}, seed {inspection.Seed}");
    }

    public static Text UnitToDo(string unit, string id, string unitId, bool mayCheck) => mayCheck
        ? new($"○ {unit}：待调研 /inspect check {id} {unitId}", $"○ {unit}: to do /inspect check {id} {unitId}")
        : new($"○ {unit}：待调研", $"○ {unit}: to do");

    public static Text CheckGreeting(string unit, string id, int lines, bool redo) => new(
        $"调研 {id}：{unit}。共 {lines} 项规定动作，已按系统数据预填：逐项点击“属实”，或直接输入实地核查的情况。{(redo ? "该单位已调研过，提交后替换原清单。" : string.Empty)}/back 返回上一项，/cancel 退出。",
        $"Inspection {id}: {unit}. {lines} lines pre-filled from the data: press Correct, or type what you found instead. {(redo ? "This unit was inspected already; submitting replaces it. " : string.Empty)}/back goes back, /cancel stops.");

    public static Text Line(int number, int count, ChecklistLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(
            $"第 {number}/{count} 项　{line.Label.Chinese}\n系统数据：{line.Found.Chinese}{(line.Correction is { } c ? $"\n已填核查情况：{c}" : string.Empty)}\n属实请点击“属实”，否则输入核查到的情况。",
            $"Line {number} of {count}: {line.Label.English}\nThe data says: {line.Found.English}{(line.Correction is { } found ? $"\nYou found: {found}" : string.Empty)}\nPress Correct, or type what you found.");
    }

    public static Text AskFindings(IReadOnlyList<Finding> findings, int max, int length)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var listed = string.Concat(findings.Select((f, i) => $"\n{i + 1}. {f.Text}"));
        return new(
            $"发现的问题：每条发一条消息（最多 {max} 条，每条不超过 {length} 字）；没有或写完请点击“完成”。{(findings.Count > 0 ? "\n已记录：" + listed : string.Empty)}",
            $"Problems found: one a message (at most {max}, {length} characters each); press Done when finished or if none.{(findings.Count > 0 ? "\nSo far:" + listed : string.Empty)}");
    }

    public static Text ChooseLedger(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var listed = string.Concat(findings.Select((f, i) => $"\n{i + 1}. {f.Text}{(f.LedgerItemId is { } id ? $"（整改台帐 {id}）" : string.Empty)}"));
        var english = string.Concat(findings.Select((f, i) => $"\n{i + 1}. {f.Text}{(f.LedgerItemId is { } id ? $" (ledger {id})" : string.Empty)}"));
        return new($"需要列入整改台帐的问题，点击“立项”；不需要请点击“继续”。{listed}", $"Press Open for a finding to put on the ledger, or Go on.{english}");
    }

    public static Text Summary(InspectionAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var zh = new StringBuilder($"请核对 {answers.UnitName} 的调研清单：");
        var en = new StringBuilder($"Check the checklist of {answers.UnitName}:");
        foreach (var line in answers.Lines)
        {
            zh.Append($"\n· {line.Label.Chinese}：{(line.Correction is { } c ? "核查：" + c : "属实")}");
            en.Append($"\n· {line.Label.English}: {(line.Correction is { } found ? "found: " + found : "correct")}");
        }

        foreach (var (finding, i) in answers.Findings.Select((f, i) => (f, i)))
        {
            zh.Append($"\n问题{i + 1}：{finding.Text}{(finding.LedgerItemId is { } id ? $"（整改台帐 {id}）" : string.Empty)}");
            en.Append($"\nFinding {i + 1}: {finding.Text}{(finding.LedgerItemId is { } item ? $" (ledger {item})" : string.Empty)}");
        }

        var rating = Ratings.Name(answers.Rating);
        zh.Append($"\n评定：{rating.Chinese}");
        en.Append($"\nRating: {rating.English}");
        return new(zh.ToString(), en.ToString());
    }

    public static Text HistoryInspected(string id, string at, Text rating, IReadOnlyList<string> findings, IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(items);
        var zh = string.Concat(findings.Select((f, i) => $"\n  问题{i + 1}：{f}"));
        var en = string.Concat(findings.Select((f, i) => $"\n  Finding {i + 1}: {f}"));
        var ledger = Text.List(items);
        return new(
            $"{at} 调研完成（{id}），评定 {rating.Chinese}{(items.Count > 0 ? "，整改台帐 " + ledger.Chinese : string.Empty)}{zh}",
            $"{at} inspected ({id}), {rating.English}{(items.Count > 0 ? ", ledger " + ledger.English : string.Empty)}{en}");
    }

    public static Text CaseLine(HandlingCase found, HandlingDecision? decision, string unit)
    {
        ArgumentNullException.ThrowIfNull(found);
        var since = found.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return decision is null
            ? new($"{found.Code}　{unit}：{found.Reason.Chinese}（自 {since}），待处理", $"{found.Code}  {unit}: {found.Reason.English} (since {since}), open")
            : new(
                $"{found.Code}　{unit}：{found.Reason.Chinese}；{decision.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 组织处理：{decision.Decision}",
                $"{found.Code}  {unit}: {found.Reason.English}; {decision.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} decided: {decision.Decision}");
    }

    internal static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
