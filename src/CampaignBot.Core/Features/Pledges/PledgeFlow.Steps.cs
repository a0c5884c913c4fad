using System.Globalization;
using System.Text;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using PledgeRecord = CampaignBot.Core.Features.Pledges.Pledge;

namespace CampaignBot.Core.Features.Pledges;

/// <summary>Steps, prompts and publication.</summary>
public sealed partial class PledgeFlow
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_context.Member is not { } member)
        {
            _context.Reply("你还没有注册。发送 /start，并输入单位发给你的邀请码即可注册。", "You are not registered yet. Send /start and enter the invite code your unit gave you.");
            _context.Session.State = nameof(State.Cancelled);
            return;
        }

        var mine = await _store.ListByMemberAsync(member.Id, cancellationToken);
        var published = mine.Where(p => p.Status == PledgeStatus.Published).ToList();
        if (published.Count > 0)
        {
            _context.Reply(
                "你的公开承诺已经发布，不能再修改：\n" + string.Join("\n", published.Select(p => $"【{AreaName(p.Area)}】{p.Text}")) + "\n每月会请你报告履约情况，也可随时发送 /checkin。",
                "Your pledges are published and can no longer be changed:\n" + string.Join("\n", published.Select(p => $"[{AreaName(p.Area)}] {p.Text}")) + "\nEach month you will be asked how you keep them; send /checkin any time.");
            _context.Session.State = nameof(State.Published);
            return;
        }

        foreach (var draft in mine.Where(p => p.Status == PledgeStatus.Draft))
        {
            Data["p:" + draft.Area] = draft.Text;
        }

        SetList(SelectedKey, Drafted.Select(a => a.Code));
        _context.Session.State = Drafted.Count > 0 ? nameof(State.Previewing) : nameof(State.ChoosingAreas);
        _context.Reply(
            Drafted.Count > 0 ? "你有尚未发布的承诺草稿，可以修改、撤回或确认发布。" : "公开承诺：请从七个方面中选择一个或多个，逐条写下你的承诺（每条 10–500 字），预览确认后发布到本单位群。",
            Drafted.Count > 0 ? "You have unpublished drafts: edit, withdraw or publish them." : "Public pledges: choose one or more of the seven areas, write each pledge (10–500 characters), preview and publish it to your unit's group.");
        Reprompt();
    }

    public Task HandleInputAsync(string input, CancellationToken cancellationToken) => _machine.State switch
    {
        State.ChoosingAreas => ChooseAsync(input),
        State.Writing => WriteAsync(input, cancellationToken),
        State.Previewing => PreviewAsync(input, cancellationToken),
        _ => Task.CompletedTask,
    };

    public void Reprompt()
    {
        _context.Session.PromptToken = _context.NewPromptToken();
        switch (_machine.State)
        {
            case State.ChoosingAreas:
                var selected = Selected;
                var rows = Areas.Select((a, i) => (IReadOnlyList<Button>)[Button((selected.Contains(a.Code) ? "✓ " : string.Empty) + a.Name, "a" + i.ToString(CultureInfo.InvariantCulture))]).ToList();
                rows.Add([Button(_context.Text("选好了", "Done"), "done")]);
                _context.Reply("请选择承诺的方面（可多选，再点一次取消），选好后点“选好了”。", "Choose the areas (several allowed; press again to unselect), then press \"Done\".", rows);
                break;
            case State.Writing when Queue.FirstOrDefault() is { } area:
                var current = Data.GetValueOrDefault("p:" + area);
                _context.Reply(
                    $"请写下你在「{AreaName(area)}」方面的承诺（{PledgeRecord.MinLength}–{PledgeRecord.MaxLength} 字）。{(current is null ? string.Empty : $"\n原内容：{current}")}\n/back 返回。",
                    $"Write your pledge on \"{AreaName(area)}\" ({PledgeRecord.MinLength}–{PledgeRecord.MaxLength} characters).{(current is null ? string.Empty : $"\nCurrent: {current}")}\n/back to go back.");
                break;
            case State.Previewing:
                var preview = new StringBuilder(_context.Text("承诺预览（尚未发布）：\n", "Preview (not yet published):\n"));
                var drafted = Drafted;
                foreach (var (area, i) in drafted.Select((a, i) => (a, i)))
                {
                    preview.Append(CultureInfo.InvariantCulture, $"{i + 1}. 【{area.Name}】{Data["p:" + area.Code]}\n");
                }

                var buttons = new List<IReadOnlyList<Button>> { new[] { Button(_context.Text("确认发布", "Publish"), "publish"), Button(_context.Text("增加方面", "Add areas"), "add") } };
                buttons.Add(drafted.Select((_, i) => Button(_context.Text($"修改{i + 1}", $"Edit {i + 1}"), "e" + i.ToString(CultureInfo.InvariantCulture))).ToList());
                buttons.Add(drafted.Select((_, i) => Button(_context.Text($"撤回{i + 1}", $"Withdraw {i + 1}"), "w" + i.ToString(CultureInfo.InvariantCulture))).ToList());
                _context.Reply(new TextMessage(preview.Append(_context.Text("发布后不能再修改。", "Once published, pledges can't be changed.")).ToString(), buttons));
                break;
        }
    }

    private async Task ChooseAsync(string input)
    {
        if (input is "done" or "选好了")
        {
            var selected = Selected;
            if (selected.Count == 0)
            {
                _context.Reply("请至少选择一个方面。", "Please choose at least one area.");
                Reprompt();
                return;
            }

            SetList(QueueKey, selected.Where(a => !Data.ContainsKey("p:" + a)));
            await FireAndPromptAsync(Trigger.AreasChosen);
            return;
        }

        var index = input.StartsWith('a') && int.TryParse(input.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        if (index < 0 || index >= Areas.Count)
        {
            _context.Reply("请点击按钮选择方面，选好后点“选好了”。", "Choose areas with the buttons, then press \"Done\".");
            Reprompt();
            return;
        }

        var code = Areas[index].Code;
        var chosen = Selected;
        if (!chosen.Remove(code))
        {
            chosen.Add(code);
        }

        SetList(SelectedKey, Areas.Select(a => a.Code).Where(chosen.Contains));
        Reprompt();
    }

    private async Task WriteAsync(string input, CancellationToken cancellationToken)
    {
        var text = input.Trim();
        if (text.Length is < PledgeRecord.MinLength or > PledgeRecord.MaxLength || Queue.Count == 0)
        {
            _context.Reply(
                $"承诺应为 {PledgeRecord.MinLength}–{PledgeRecord.MaxLength} 字（现在是 {text.Length} 字），请重新输入。",
                $"A pledge must be {PledgeRecord.MinLength}–{PledgeRecord.MaxLength} characters (this one is {text.Length}); please write it again.");
            Reprompt();
            return;
        }

        var queue = Queue;
        var area = queue[0];
        Data["p:" + area] = text;
        await SaveAsync(area, text, PledgeStatus.Draft, cancellationToken);
        SetList(QueueKey, queue.Skip(1));
        await FireAndPromptAsync(Trigger.Written);
    }

    private async Task PreviewAsync(string input, CancellationToken cancellationToken)
    {
        // Typed "修改2" / "撤回2" work like the buttons, for channels without buttons.
        input = input.StartsWith("修改", StringComparison.Ordinal) || input.StartsWith("撤回", StringComparison.Ordinal)
            ? (input[0] == '修' ? "e" : "w") + (int.TryParse(input.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var typed) ? typed - 1 : -1).ToString(CultureInfo.InvariantCulture)
            : input;
        var drafted = Drafted;
        var index = input.Length > 1 && int.TryParse(input.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < drafted.Count ? i : -1;
        switch (input)
        {
            case "publish" or "确认发布":
                await PublishAsync(drafted, cancellationToken);
                return;
            case "add" or "增加方面":
                await FireAndPromptAsync(Trigger.AddAreas);
                return;
            case ['e', ..] when index >= 0:
                SetList(QueueKey, [drafted[index].Code]);
                await FireAndPromptAsync(Trigger.Edit);
                return;
            case ['w', ..] when index >= 0:
                await WithdrawAsync(drafted[index].Code, cancellationToken);
                return;
            default:
                _context.Reply("请点击“确认发布”，或选择修改、撤回某一条。", "Press \"Publish\", or edit or withdraw a pledge.");
                Reprompt();
                return;
        }
    }

    private async Task WithdrawAsync(string area, CancellationToken cancellationToken)
    {
        await SaveAsync(area, Data["p:" + area], PledgeStatus.Withdrawn, cancellationToken);
        Data.Remove("p:" + area);
        SetList(SelectedKey, Selected.Where(a => a != area));
        _context.Reply($"已撤回「{AreaName(area)}」方面的承诺。", $"The pledge on \"{AreaName(area)}\" was withdrawn.");
        if (Drafted.Count == 0)
        {
            await FireAndPromptAsync(Trigger.AddAreas);
            return;
        }

        Reprompt();
    }

    private string AreaName(string code) => Areas.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    private Button Button(string label, string value) =>
        new(label, new ButtonPayload(_flowName, _context.Session.PromptToken ?? "-", value).ToString());
}
