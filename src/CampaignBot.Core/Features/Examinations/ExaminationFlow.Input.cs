using System.Globalization;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Examinations;

/// <summary>Starting, answering and submitting.</summary>
public sealed partial class ExaminationFlow
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_context.Member is not { } member)
        {
            _context.Reply("你还没有注册。发送 /start，并输入单位发给你的邀请码即可注册。", "You are not registered yet. Send /start and enter the invite code your unit gave you.");
            _context.Session.State = nameof(State.Cancelled);
            return;
        }

        var existing = await _store.GetAsync(member.Id, cancellationToken);
        var checklist = existing is not null ? _context.Campaign.FindChecklist(existing.ChecklistCode) : _context.Campaign.ChecklistFor(member.Rank, member.UnitId);
        if (checklist is null)
        {
            _context.Reply("活动配置中没有适用于你的检查表，请联系活动办。", "No checklist in the campaign applies to you; please contact the campaign office.");
            _context.Session.State = nameof(State.Cancelled);
            return;
        }

        Data[ChecklistKey] = checklist.Code;
        if (existing is { IsEditable: false })
        {
            ShowReadOnly(existing);
            _context.Session.State = nameof(State.Submitted);
            return;
        }

        foreach (var (code, answer) in existing?.Answers ?? new Dictionary<string, ExaminationAnswer>())
        {
            SetAnswer(code, answer);
        }

        var resumeAt = existing is null ? 0 : Math.Clamp(existing.CurrentItem, 0, checklist.Items.Count);
        if (existing is { Status: ExaminationStatus.Returned })
        {
            var review = (await _store.ListReviewsAsync(member.Id, cancellationToken)).LastOrDefault();
            _context.Reply(
                $"你的对照检查（第 {existing.Submissions} 版）被退回修改。审核意见：{review?.Comment}\n请修改相关项目后重新提交。",
                $"Your self-examination (version {existing.Submissions}) was returned. Reviewer's comment: {review?.Comment}\nRevise the items and submit again.");
            resumeAt = checklist.Items.Count;
        }
        else if (existing is null)
        {
            _context.Reply(
                $"开始填写「{checklist.Name}」，共 {checklist.Items.Count} 项。可点按钮或直接输入作答；/back 返回上一项，随时可“保存退出”，下次发送 /examine 继续。",
                $"Starting \"{checklist.Name}\": {checklist.Items.Count} items. Answer with the buttons or by typing; /back goes back; \"Save and leave\" any time and send /examine to continue.");
        }
        else
        {
            _context.Reply($"继续填写「{checklist.Name}」，从第 {Math.Min(resumeAt + 1, checklist.Items.Count)} 项开始。", $"Continuing \"{checklist.Name}\" at item {Math.Min(resumeAt + 1, checklist.Items.Count)}.");
        }

        Data[ItemKey] = resumeAt.ToString(CultureInfo.InvariantCulture);
        _context.Session.State = StateAt(resumeAt).ToString();
        await SaveDraftAsync(cancellationToken);
        Reprompt();
    }

    public Task HandleInputAsync(string input, CancellationToken cancellationToken)
    {
        if (input is "save" or "保存" or "保存退出")
        {
            return SaveAndLeaveAsync(cancellationToken);
        }

        if (input is "review" or "总览" && _machine.State != State.Reviewing)
        {
            return ReviewAsync(cancellationToken);
        }

        return _machine.State switch
        {
            State.AskingChoice => AcceptChoiceAsync(input, cancellationToken),
            State.AskingText => AcceptTextAsync(input, cancellationToken),
            State.Reviewing => AcceptReviewAsync(input, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private async Task SaveAndLeaveAsync(CancellationToken cancellationToken)
    {
        await SaveDraftAsync(cancellationToken);
        await _machine.FireAsync(Trigger.Save);
    }

    private async Task ReviewAsync(CancellationToken cancellationToken)
    {
        Data[ItemKey] = Items.Count.ToString(CultureInfo.InvariantCulture);
        await SaveDraftAsync(cancellationToken);
        await FireAndPromptAsync(Trigger.Review);
    }

    private async Task AcceptChoiceAsync(string input, CancellationToken cancellationToken)
    {
        if (Current is not { } item)
        {
            Reprompt();
            return;
        }

        if (input is "skip" or "跳过" or "keep" or "保留")
        {
            await SkipAsync(item, input is "keep" or "保留", cancellationToken);
            return;
        }

        if (ChecklistChoices.Parse(input) is not { } choice)
        {
            _context.Reply("请点击按钮选择：存在、部分存在或不存在（也可输入 1、2、3）。", "Please choose with the buttons: exists, partly or does not exist (or type 1, 2, 3).");
            Reprompt();
            return;
        }

        SetAnswer(item.Code, AnswerOf(item.Code) with { Choice = choice });
        if (item.Answer == ChecklistAnswerKind.Both)
        {
            await SaveDraftAsync(cancellationToken);
            await FireAndPromptAsync(Trigger.ChoiceMade);
            return;
        }

        await MoveToAsync(Index + 1, cancellationToken);
    }

    private async Task AcceptTextAsync(string input, CancellationToken cancellationToken)
    {
        if (Current is not { } item)
        {
            Reprompt();
            return;
        }

        if (input is "skip" or "跳过" or "keep" or "保留")
        {
            await SkipAsync(item, input is "keep" or "保留", cancellationToken);
            return;
        }

        var text = input.Trim();
        if (text.Length > MaxTextLength)
        {
            _context.Reply($"内容太长了（{text.Length} 字，最多 {MaxTextLength} 字），请精简后重新输入；已填写的内容没有改变。", $"That is too long ({text.Length} characters, at most {MaxTextLength}); please shorten it. Nothing was changed.");
            Reprompt();
            return;
        }

        if (text.Length == 0)
        {
            Reprompt();
            return;
        }

        SetAnswer(item.Code, AnswerOf(item.Code) with { Text = text });
        await MoveToAsync(Index + 1, cancellationToken);
    }

    private async Task SkipAsync(ChecklistItem item, bool keep, CancellationToken cancellationToken)
    {
        var answer = AnswerOf(item.Code);
        var textPart = _machine.State == State.AskingText;
        var hasIt = textPart ? !string.IsNullOrEmpty(answer.Text) : answer.Choice is not null;
        var mayOmit = !item.Required || (textPart && answer.Choice == ChecklistChoices.None);
        if (!hasIt && !mayOmit)
        {
            _context.Reply("这一项是必答项，不能跳过，请作答。", "This item is required and can't be skipped; please answer it.");
            Reprompt();
            return;
        }

        if (!keep && textPart && !hasIt && item.Answer == ChecklistAnswerKind.Text)
        {
            SetAnswer(item.Code, answer with { Text = null });
        }

        if (!textPart && item.Answer == ChecklistAnswerKind.Both && hasIt)
        {
            await SaveDraftAsync(cancellationToken);
            await FireAndPromptAsync(Trigger.ChoiceMade);
            return;
        }

        await MoveToAsync(Index + 1, cancellationToken);
    }

    private async Task AcceptReviewAsync(string input, CancellationToken cancellationToken)
    {
        if (input.StartsWith("go", StringComparison.Ordinal) && int.TryParse(input.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= Items.Count)
        {
            await MoveToAsync(number - 1, cancellationToken);
            return;
        }

        if (input is not ("submit" or "提交"))
        {
            _context.Reply("请点击“提交”，或点击项目编号修改该项。", "Press \"Submit\", or an item's number to change it.");
            Reprompt();
            return;
        }

        var missing = MissingItems();
        if (missing.Count > 0)
        {
            _context.Reply(
                $"还有必答项没有完成，暂不能提交：{string.Join("；", missing.Select(i => $"第 {Number(i)} 项 {ExaminationTexts.Short(i.Prompt)}"))}",
                $"Some required items are not answered yet, so it can't be submitted: {string.Join("; ", missing.Select(i => $"item {Number(i)}"))}");
            Reprompt();
            return;
        }

        await SubmitAsync(cancellationToken);
    }
}
