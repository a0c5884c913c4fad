using System.Globalization;
using System.Text;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Inspections;

/// <summary>The words of random inspections (随机调研) and organisational handling (组织处理).</summary>
public static class InspectionTexts
{
    public static readonly Text Usage = new(
        "用法：\n/inspect draw [单位类型…] [数量≥5]　随机抽取（活动办）\n/inspect list　/inspect show <编号>\n/inspect verify <编号>　按记录的种子复核抽取\n/inspect check <编号> <单位ID>　逐项调研\n/inspect bulletin <编号> [publish]　随机抽查通报（活动办）\n/inspect history <单位ID>　单位的调研和组织处理记录",
        "Usage:\n/inspect draw [unit kinds…] [count ≥ 5]  draw at random (office)\n/inspect list  /inspect show <id>\n/inspect verify <id>  recompute the draw from its seed\n/inspect check <id> <unit id>  walk a unit's checklist\n/inspect bulletin <id> [publish]  the inspection bulletin (office)\n/inspect history <unit id>  a unit's inspections and handling");

    public static readonly Text NotAllowed = new("随机调研只由活动办和督导组开展。", "Random inspections are for the campaign office and the supervision groups.");

    public static readonly Text OfficeOnly = new("只有活动办可以抽取调研单位和发布随机抽查通报。", "Only the campaign office draws inspections and publishes their bulletins.");

    public static readonly Text NoSuchInspection = new("没有这个调研编号（或不在你督导的范围内）。发送 /inspect list 查看。", "No inspection with that id that you may see. Send /inspect list.");

    public static readonly Text NotYourUnit = new("这个单位不在你督导的范围内。", "That unit is not one you supervise.");

    public static readonly Text CheckUsage = new("用法：/inspect check <调研编号> <单位ID>", "Usage: /inspect check <inspection id> <unit id>");

    public static readonly Text PrivateOnly = new("随机调研请在与我的私聊中进行。", "Please run inspections in a private chat with me.");

    public static readonly Text NoneYet = new("还没有随机调研。活动办发送 /inspect draw 抽取。", "No inspections yet. The office sends /inspect draw.");

    public static readonly Text FlowTitle = new("随机调研", "an inspection");

    public static readonly Text StudyLabel = new("学习教育（对照最低要求）", "Study against the minimums");

    public static readonly Text ExaminationsLabel = new("对照检查材料", "Self-examinations");

    public static readonly Text PledgesLabel = new("公开承诺和践诺", "Pledges published and kept");

    public static readonly Text OpinionsLabel = new("征求意见", "Opinions collected");

    public static readonly Text LedgerLabel = new("整改台帐", "Rectification ledger");

    public static readonly Text EvaluationsLabel = new("群众评议", "Evaluation rounds and verdicts");

    public static readonly Text Confirm = new("属实", "Correct");

    public static readonly Text Done = new("完成", "Done");

    public static readonly Text GoOn = new("继续", "Go on");

    public static readonly Text NoItem = new("不立项", "No ledger item");

    public static readonly Text Submit = new("提交", "Submit");

    public static readonly Text Change = new("修改", "Change");

    public static readonly Text FirstLine = new("这是第一项，不能再返回。发送 /cancel 退出。", "This is the first line; send /cancel to stop.");

    public static readonly Text PressDone = new("清单已核完，请继续。", "The checklist is done; please go on.");

    public static readonly Text TooShort = new("内容太短，请写清楚。", "That is too short; please say more.");

    public static readonly Text PressFinding = new("请点击要立项的问题，或点击“继续”。", "Press a finding to open a ledger item for it, or Go on.");

    public static readonly Text AskRating = new("请对该单位作出总体评定：", "Rate the unit overall:");

    public static readonly Text PressRating = new("请点击一个评定：好、较好、一般或差。", "Press a rating: good, fairly good, average or poor.");

    public static readonly Text PressSubmit = new("请点击“提交”，或“修改”返回上一步。", "Press Submit, or Change to go back a step.");

    public static readonly Text LedgerFormat = new(
        "格式不对。请按“牵头领导 完成时限 整改措施”输入，用空格隔开，例如：张三 2027-05-31 建立窗口首问负责制",
        "That is not the format. Type 'lead leader, deadline, measures' separated by spaces, e.g. 张三 2027-05-31 a first-contact rule at the counter");

    public static readonly Text FlowCancelled = new("已退出调研，本单位清单未提交（已建立的整改台帐保留）。", "Inspection stopped; the checklist was not submitted (ledger items opened stay).");

    public static readonly Text FlowTimedOut = new("长时间未操作，已退出调研，清单未提交。重新发送 /inspect check 开始。", "Idle for too long; the checklist was not submitted. Send /inspect check again.");

    public static readonly Text NothingInHistory = new("暂无调研和组织处理记录。", "No inspections or handling yet.");

    public static readonly Text HandlingOfficeOnly = new("组织处理名单只由活动办查看和记录。", "Only the campaign office keeps the list for organisational handling.");

    public static readonly Text HandlingUsage = new(
        "记录处理决定：/handling decide <案件编号> <日期yyyy-MM-dd|今天> <处理决定>",
        "Record a decision: /handling decide <case> <date yyyy-MM-dd|today> <decision>");

    public static readonly Text NoSuchCase = new("没有这个待处理的案件编号。发送 /handling 查看名单。", "No open case with that code. Send /handling for the list.");

    public static readonly Text HandlingHeading = new("【组织处理】", "Organisational handling");

    public static readonly Text DecidedHeading = new("已作出处理决定：", "Decided:");

    public static Text StandingName(StageStanding standing) => standing switch
    {
        StageStanding.Passed => new("通过", "passed"),
        StageStanding.InProgress => new("进行中", "in progress"),
        StageStanding.NeedsMakeUp => new("未通过，需补课", "failed, make-up needed"),
        _ => new("未开展", "not held"),
    };

    public static Text AtLeastFive(int minimum) => new($"每次随机调研不少于 {minimum} 个单位。", $"An inspection draws at least {minimum} units.");

    public static Text TooFewCandidates(int candidates, int count, int excluded, int weeks) => new(
        $"可抽取的单位只有 {candidates} 个，不够抽取 {count} 个（近 {weeks} 周已调研的 {excluded} 个单位不参加抽取）。请扩大单位类型范围。",
        $"Only {candidates} units can be drawn, fewer than {count} ({excluded} inspected in the last {weeks} weeks are left out). Widen the unit kinds.");

    public static Text UnknownKind(string word, string kinds) => new($"没有单位类型“{word}”。可选：{kinds}，或 all（全部）。", $"No unit kind '{word}'. Kinds: {kinds}, or all.");

    public static Text Drawn(Inspection inspection, IReadOnlyList<string> units, string kinds)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(units);
        var list = string.Join("\n", units);
        return new(
            $"已随机抽取调研 {inspection.Id}（范围：{kinds}；候选 {inspection.Candidates.Count} 个，近 {inspection.ExcludeWeeks} 周已调研的 {inspection.Excluded.Count} 个未参加）：\n{list}\n随机种子：{inspection.Seed}\n不打招呼：不会通知被抽取的单位。逐项调研：/inspect check {inspection.Id} <单位ID>；复核：/inspect verify {inspection.Id}",
            $"Inspection {inspection.Id} drawn (kinds: {kinds}; {inspection.Candidates.Count} candidates, {inspection.Excluded.Count} inspected in the last {inspection.ExcludeWeeks} weeks left out):\n{list}\nSeed: {inspection.Seed}\nUnannounced: the units are not told. Inspect: /inspect check {inspection.Id} <unit id>; re-check: /inspect verify {inspection.Id}");
    }

    public static Text Verified(Inspection inspection, bool matches, string recomputed)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        return matches
            ? new($"复核一致：按种子 {inspection.Seed} 对 {inspection.Candidates.Count} 个候选单位（按ID排序）洗牌，前 {inspection.Count} 个就是 {recomputed}，与记录相同。算法见 docs/inspections.md。",
                $"Verified: shuffling the {inspection.Candidates.Count} candidates (sorted by id) with seed {inspection.Seed} gives {recomputed} as the first {inspection.Count}, as recorded. The algorithm is in docs/inspections.md.")
            : new($"复核不一致！按种子重新计算得到：{recomputed}，与记录的抽取结果不同。请报告活动办。",
                $"Verification FAILED: the seed gives {recomputed}, not what was recorded. Report it to the office.");
    }

    public static Text Shown(Inspection inspection, string kinds, string at)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        return new(
            $"调研 {inspection.Id}：{at} 由{inspection.DrawnByName}抽取，范围：{kinds}，{inspection.Units.Count} 个单位，种子 {inspection.Seed}",
            $"Inspection {inspection.Id}: drawn {at} by {inspection.DrawnByName}, kinds: {kinds}, {inspection.Units.Count} units, seed {inspection.Seed}");
    }

    public static Text UnitDone(string unit, Text rating, int findings) => new($"✓ {unit}：已调研，评定 {rating.Chinese}，发现问题 {findings} 个", $"✓ {unit}: inspected, {rating.English}, {findings} findings");

    public static Text UnitToDo(string unit, string id, string unitId, bool mayCheck) => mayCheck
        ? new($"○ {unit}：待调研 /inspect check {id} {unitId}", $"○ {unit}: to do /inspect check {id} {unitId}")
        : new($"○ {unit}：待调研", $"○ {unit}: to do");

    public static Text ListHeading(int count) => new($"随机调研（最近 {count} 次）：", $"Inspections (latest {count}):");

    public static Text ListLine(string id, string at, int units, int done) => new($"{id}　{at}　已调研 {done}/{units}", $"{id}  {at}  inspected {done}/{units}");

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

    public static Text TooLong(int max) => new($"内容太长（最多 {max} 字），请精简。", $"That is too long (at most {max} characters).");

    public static Text TooManyFindings(int max) => new($"最多记录 {max} 个问题，请点击“完成”。", $"At most {max} findings; press Done.");

    public static Text ChooseLedger(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var listed = string.Concat(findings.Select((f, i) => $"\n{i + 1}. {f.Text}{(f.LedgerItemId is { } id ? $"（整改台帐 {id}）" : string.Empty)}"));
        var english = string.Concat(findings.Select((f, i) => $"\n{i + 1}. {f.Text}{(f.LedgerItemId is { } id ? $" (ledger {id})" : string.Empty)}"));
        return new($"需要列入整改台帐的问题，点击“立项”；不需要请点击“继续”。{listed}", $"Press Open for a finding to put on the ledger, or Go on.{english}");
    }

    public static Text OpenItemFor(int number) => new($"立项 {number}", $"Open {number}");

    public static Text AskLedgerItem(string finding, string end) => new(
        $"为问题「{finding}」建立整改台帐（三落实）：请输入“牵头领导 完成时限 整改措施”，用空格隔开，例如：张三 2027-05-31 建立窗口首问负责制（时限不晚于 {end}；牵头领导写本单位成员的姓名或成员ID）。",
        $"A ledger item for \"{finding}\" (三落实): type 'lead leader, deadline, measures' separated by spaces, e.g. 张三 2027-05-31 a first-contact rule (deadline by {end}; the leader is a member of the unit, by name or id).");

    public static Text ItemOpened(string id, string leader, string deadline) => new($"已建立整改台帐 {id}：牵头领导 {leader}，时限 {deadline}。", $"Ledger item {id} opened: lead leader {leader}, deadline {deadline}.");

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

    public static Text Submitted(string unit, string id) => new(
        $"{unit} 的调研清单已提交。查看进度：/inspect show {id}；通报：/inspect bulletin {id}",
        $"The checklist of {unit} is submitted. Progress: /inspect show {id}; bulletin: /inspect bulletin {id}");

    public static Text NotDrawn(string id) => new($"这个单位不在调研 {id} 的抽取名单中。发送 /inspect show {id} 查看。", $"That unit was not drawn in {id}. Send /inspect show {id}.");

    public static Text NothingInspectedYet(string id) => new($"调研 {id} 还没有单位完成调研，暂不能发布通报。", $"No unit of {id} has been inspected yet; nothing to publish.");

    public static Text AlreadyPublished(string id) => new($"调研 {id} 的随机抽查通报已经发布过。", $"The bulletin of {id} was published already.");

    public static Text Published(string id, int office, int groups) => new(
        $"随机抽查通报 {id} 已发布：活动办 {office} 人收到完整版，{groups} 个单位群收到公开版。",
        $"Bulletin {id} published: {office} office members got the full version, {groups} unit groups the public one.");

    public static Text HistoryHeading(string unit) => new($"{unit}：调研和组织处理记录", $"{unit}: inspections and organisational handling");

    public static Text HistoryDrawn(string id, string at) => new($"{at} 被随机抽取（调研 {id}）", $"{at} drawn at random ({id})");

    public static Text HistoryInspected(string id, string at, Text rating, IReadOnlyList<string> findings, IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(items);
        var zh = string.Concat(findings.Select((f, i) => $"\n  问题{i + 1}：{f}"));
        var en = string.Concat(findings.Select((f, i) => $"\n  Finding {i + 1}: {f}"));
        var ledger = items.Count == 0 ? string.Empty : string.Join("、", items);
        return new(
            $"{at} 调研完成（{id}），评定 {rating.Chinese}{(ledger.Length > 0 ? "，整改台帐 " + ledger : string.Empty)}{zh}",
            $"{at} inspected ({id}), {rating.English}{(ledger.Length > 0 ? ", ledger " + ledger : string.Empty)}{en}");
    }

    public static Text FailedTwice(string stage, int failed) => new($"{stage}已 {failed} 次未通过（补课后群众仍不满意）", $"{stage} failed {failed} times (still unsatisfied after make-up)");

    public static Text OverduePastEscalation(string id, string problem, int days) => new(
        $"整改台帐 {id}「{problem}」逾期 {days} 天，督办到活动办后仍未整改",
        $"ledger item {id} \"{problem}\" {days} days overdue, not rectified after escalation to the office");

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

    public static Text CasesHeading(int open) => new($"组织处理名单：待处理 {open} 件", $"Cases for organisational handling: {open} open");

    public static Text AlreadyDecided(string code) => new($"案件 {code} 已经作出处理决定，不能重复记录。", $"Case {code} has a decision already.");

    public static Text BadDecisionDate(string start, string today) => new($"处理日期须是 {start} 到 {today} 之间的日期（yyyy-MM-dd），或“今天”。", $"The date must lie from {start} to {today} (yyyy-MM-dd), or 'today'.");

    public static Text DecisionLength(int max) => new($"处理决定须写明（4 到 {max} 字）。", $"Write the decision (4 to {max} characters).");

    public static Text Decided(string code, string date) => new($"已记录案件 {code} 的组织处理决定（{date}），将在单位记录和月通报中显示。", $"Decision on {code} recorded ({date}); it shows in the unit's history and the monthly bulletin.");

    internal static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
