using System.Globalization;
using System.Text;

namespace CampaignBot.Core.Features.Study;

/// <summary>The prompts and the handling of each step's answer.</summary>
public sealed partial class StudyFlow
{
    public void Reprompt()
    {
        _context.Session.PromptToken = _context.NewPromptToken();
        var group = Data.GetValueOrDefault("mode") == "group";
        switch (_machine.State)
        {
            case State.Choosing:
                var options = new List<(string, string)> { (_context.Text("记录学习", "Log study"), "new"), (_context.Text("最近记录 / 更正", "Recent / correct"), "list") };
                if (IsSecretary)
                {
                    options.Add((_context.Text("集体学习（为多人登记）", "Collective session (many members)"), "group"));
                    options.Add((_context.Text("确认本单位的记录", "Confirm the unit's entries"), "confirm"));
                }

                _context.Reply("学习记录：请选择要做什么（随时可发送 /cancel 取消）。", "Study log: what would you like to do? (/cancel to stop)", _steps.Column(options));
                break;
            case State.PickingEntry:
                _context.Reply(Data.GetValueOrDefault("recentText") ?? "-", Data.GetValueOrDefault("recentText") ?? "-",
                    _steps.Column(Data.GetValueOrDefault("recent", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select((id, i) => ((i + 1).ToString(CultureInfo.InvariantCulture), "e" + i))));
                break;
            case State.AwaitingDate:
                _context.Reply(
                    group ? "集体学习是哪一天？可直接点“今天”，或输入日期（如 3月5日、2027-03-05）。" : "学习是哪一天？可直接点“今天”，或输入日期（如 昨天、3月5日、2027-03-05）。",
                    "Which day? Press Today, or type a date (e.g. yesterday, 3.5, 2027-03-05).",
                    _steps.DateButtons());
                break;
            case State.AwaitingLength:
                _context.Reply("学习了多长时间？请输入天数，按半天计（如 0.5、1、1.5）。", "How long? Type days in half-day steps (0.5, 1, 1.5).", _steps.LengthButtons());
                break;
            case State.AwaitingForm:
                _context.Reply("学习形式是？", "What form did it take?", _steps.Column(StudyForms.All.Select(f => (_context.Text(f.Name, f.Description ?? f.Name), f.Code))));
                break;
            case State.AwaitingTopic:
                _context.Reply("学习的专题是？", "Which topic?", _steps.Column(StudyForms.Topics(_context.Campaign).Select(t => (t.Name, t.Code))));
                break;
            case State.AwaitingNote:
                _context.Reply("请简要写下学习内容或体会（不超过 500 字），或点“跳过”。", "Add a short note (at most 500 characters), or press Skip.", _steps.SkipButton());
                break;
            case State.AwaitingAttendees:
                // No buttons here: a typed "1" must name member 1, not press a button.
                _context.Reply(Data.GetValueOrDefault("roster") ?? "-", Data.GetValueOrDefault("roster") ?? "-");
                break;
        }
    }

    private async Task ChooseAsync(string input, CancellationToken cancellationToken)
    {
        switch (input)
        {
            case "new":
                await _machine.FireAsync(Trigger.NewEntry);
                return;
            case "list":
                await ListRecentAsync(cancellationToken);
                return;
            case "group" when IsSecretary:
                await PrepareRosterAsync(cancellationToken);
                await _machine.FireAsync(Trigger.Collective);
                return;
            case "confirm" when IsSecretary:
                await ConfirmUnitAsync(cancellationToken);
                await _machine.FireAsync(Trigger.Finish);
                return;
            case "group" or "confirm":
                _context.Reply("只有支部书记可以为多人登记或确认记录。", "Only a secretary can record for others or confirm entries.");
                Reprompt();
                return;
            default:
                await Refused(true);
                return;
        }
    }

    private async Task ListRecentAsync(CancellationToken cancellationToken)
    {
        var recent = (await _services.Log.ListAsync(null, _context.Member!.Id, ActivityKind.Study, cancellationToken)).TakeLast(RecentShown).Reverse().ToList();
        if (recent.Count == 0)
        {
            _context.Reply("你还没有学习记录。", "You have no study entries yet.");
            Reprompt();
            return;
        }

        var text = new StringBuilder(_context.Text("最近的学习记录（点编号更正）：", "Recent entries (press a number to correct):"));
        for (var i = 0; i < recent.Count; i++)
        {
            var e = recent[i];
            text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {FlowSteps.DateText(e.Date)} {LengthParser.Days(e.HalfDays)} 天 {StudyForms.FormName(e.Form)} {StudyForms.TopicName(_context.Campaign, e.Topic)}{(e.Confirmed ? " ✓" : string.Empty)}");
        }

        Data["recent"] = string.Join(',', recent.Select(e => e.Id));
        Data["recentText"] = text.ToString();
        await _machine.FireAsync(Trigger.ListRecent);
    }

    private Task PickAsync(string input, CancellationToken cancellationToken)
    {
        var ids = Data.GetValueOrDefault("recent", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var index = input.StartsWith('e') && int.TryParse(input.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        return index >= 0 && index < ids.Length ? _machine.FireAsync(_entryPicked, ids[index]) : Refused(true);
    }

    private async Task AcceptNoteAsync(string input, CancellationToken cancellationToken)
    {
        if (!_steps.ReadNote(input, optional: true, out var note))
        {
            Reprompt();
            return;
        }

        Data["note"] = note ?? string.Empty;
        if (Data.GetValueOrDefault("mode") == "group")
        {
            await _machine.FireAsync(Trigger.AskAttendees);
            return;
        }

        await SaveOwnAsync(cancellationToken);
        await _machine.FireAsync(Trigger.Finish);
    }
}
