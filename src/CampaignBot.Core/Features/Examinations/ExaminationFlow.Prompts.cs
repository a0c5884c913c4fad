using System.Globalization;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Examinations;

/// <summary>Prompts, the summary, saving and submitting.</summary>
public sealed partial class ExaminationFlow
{
    private bool English => _context.Language == Language.English;

    public void Reprompt()
    {
        _context.Session.PromptToken = _context.NewPromptToken();
        var item = Current;
        switch (_machine.State)
        {
            case State.AskingChoice when item is not null:
                var current = ChecklistChoices.Name(AnswerOf(item.Code).Choice, English);
                _context.Reply(
                    $"第 {Index + 1}/{Items.Count} 项【{item.Group}】{(item.Required ? string.Empty : "（可选）")}\n{item.Prompt}{(current is null ? string.Empty : $"\n当前答案：{current}")}",
                    $"Item {Index + 1}/{Items.Count} [{item.Group}]{(item.Required ? string.Empty : " (optional)")}\n{item.Prompt}{(current is null ? string.Empty : $"\nCurrent answer: {current}")}",
                    ChoiceButtons(item, current is not null));
                break;
            case State.AskingText when item is not null:
                var answer = AnswerOf(item.Code);
                var ask = item.Answer == ChecklistAnswerKind.Both
                    ? _context.Text($"第 {Index + 1}/{Items.Count} 项：你选择了“{ChecklistChoices.Name(answer.Choice)}”。请写出具体表现和事实依据（不超过 {MaxTextLength} 字）。", $"Item {Index + 1}/{Items.Count}: you chose \"{ChecklistChoices.Name(answer.Choice, true)}\". Write the specifics and evidence (at most {MaxTextLength} characters).")
                    : _context.Text($"第 {Index + 1}/{Items.Count} 项【{item.Group}】{(item.Required ? string.Empty : "（可选）")}\n{item.Prompt}\n（文字作答，不超过 {MaxTextLength} 字）", $"Item {Index + 1}/{Items.Count} [{item.Group}]{(item.Required ? string.Empty : " (optional)")}\n{item.Prompt}\n(Answer in text, at most {MaxTextLength} characters.)");
                var shown = string.IsNullOrEmpty(answer.Text) ? string.Empty : _context.Text($"\n当前内容：{answer.Text}", $"\nCurrent text: {answer.Text}");
                _context.Reply(new TextMessage(ask + shown, TextButtons(item, answer)));
                break;
            case State.Reviewing:
                _context.Reply(new TextMessage(Summary(Answers(), English) + _context.Text("\n点击编号可修改该项；全部必答项完成后点击“提交”。", "\nPress a number to change that item; press \"Submit\" when every required item is answered."), ReviewButtons()));
                break;
        }
    }

    private string Summary(IReadOnlyDictionary<string, ExaminationAnswer> answers, bool english) =>
        Checklist is { } checklist ? ExaminationTexts.Summary(checklist, answers, english) : string.Empty;

    private void ShowReadOnly(SelfExamination examination)
    {
        var status = examination.Status == ExaminationStatus.Accepted
            ? _context.Text("已通过审核", "accepted")
            : _context.Text("已提交，等待审核", "submitted and waiting for review");
        _context.Reply(
            $"你的对照检查（第 {examination.Submissions} 版）{status}，不能再修改。\n{Summary(examination.Answers, false)}",
            $"Your self-examination (version {examination.Submissions}) is {status} and can no longer be changed.\n{Summary(examination.Answers, true)}");
    }

    private async Task SaveDraftAsync(CancellationToken cancellationToken)
    {
        if (_context.Member is not { } member || Checklist is not { } checklist)
        {
            return;
        }

        var existing = await _store.GetAsync(member.Id, cancellationToken);
        if (existing is { IsEditable: false })
        {
            return;
        }

        await _store.SaveAsync(
            new SelfExamination
            {
                MemberId = member.Id,
                MemberName = member.Name,
                UnitId = member.UnitId,
                ChecklistCode = checklist.Code,
                Status = existing?.Status ?? ExaminationStatus.Draft,
                Answers = Answers(),
                CurrentItem = Math.Min(Index, Items.Count - 1),
                Submissions = existing?.Submissions ?? 0,
                SubmittedAt = existing?.SubmittedAt,
                UpdatedAt = _context.Now,
            },
            cancellationToken);
    }

    private async Task SubmitAsync(CancellationToken cancellationToken)
    {
        var member = _context.Member!;
        var existing = await _store.GetAsync(member.Id, cancellationToken);
        if (existing is { Status: ExaminationStatus.Accepted })
        {
            ShowReadOnly(existing);
            await _machine.FireAsync(Trigger.Submit);
            return;
        }

        // Submitted already means this update is being handled again (a save conflict): tell the same things again,
        // under the same derived ids, so nothing is sent twice and nothing is lost.
        var submitted = existing is { Status: ExaminationStatus.Submitted } ? existing : await StoreSubmissionAsync(member, existing, cancellationToken);
        var number = submitted.Submissions;
        var reviewers = await _reviewers.ForAsync(submitted, cancellationToken);
        var unit = _context.Campaign.FindUnit(member.UnitId)?.Name ?? member.UnitId;
        foreach (var reviewer in reviewers)
        {
            var english = reviewer.LanguageCode?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
            _context.Notify(reviewer.PrivateChat, new TextMessage(english
                ? $"{member.Name} ({unit}) submitted a self-examination (version {number}). Send /review to read it and accept or return it."
                : $"{member.Name}（{unit}）提交了对照检查（第 {number} 版），请发送 /review 审阅，通过或退回修改。"));
        }

        await _machine.FireAsync(Trigger.Submit);
        _context.Reply(
            $"已提交对照检查（第 {number} 版），{(reviewers.Count > 0 ? "已通知审核人" : "等待审核")}。提交后不能再修改；如被退回，会通知你修改。",
            $"Self-examination submitted (version {number}); {(reviewers.Count > 0 ? "the reviewer has been told" : "waiting for a reviewer")}. It can no longer be changed; if it is returned you will be told.");
    }

    private async Task<SelfExamination> StoreSubmissionAsync(Features.Registration.Member member, SelfExamination? existing, CancellationToken cancellationToken)
    {
        var number = (existing?.Submissions ?? 0) + 1;
        var answers = Answers();
        await _store.AddVersionAsync(new ExaminationVersion(member.Id, member.UnitId, number, answers, _context.Now), cancellationToken);
        var submitted = new SelfExamination
        {
            MemberId = member.Id,
            MemberName = member.Name,
            UnitId = member.UnitId,
            ChecklistCode = Checklist!.Code,
            Status = ExaminationStatus.Submitted,
            Answers = answers,
            CurrentItem = 0,
            Submissions = number,
            SubmittedAt = _context.Now,
            UpdatedAt = _context.Now,
        };
        await _store.SaveAsync(submitted, cancellationToken);
        return submitted;
    }

    private IReadOnlyList<IReadOnlyList<Button>> ChoiceButtons(ChecklistItem item, bool answered)
    {
        var rows = new List<IReadOnlyList<Button>>
        {
            ChecklistChoices.All.Select(c => Button(English ? c.English : c.Chinese, c.Code)).ToList(),
        };
        var skip = answered ? Button(_context.Text("保留原答案", "Keep answer"), "keep") : item.Required ? null : Button(_context.Text("跳过", "Skip"), "skip");
        rows.Add(skip is null ? NavigationRow() : [skip, .. NavigationRow()]);
        return rows;
    }

    private IReadOnlyList<IReadOnlyList<Button>> TextButtons(ChecklistItem item, ExaminationAnswer answer)
    {
        var row = new List<Button>();
        if (!string.IsNullOrEmpty(answer.Text))
        {
            row.Add(Button(_context.Text("保留原内容", "Keep text"), "keep"));
        }
        else if (!item.Required || answer.Choice == ChecklistChoices.None)
        {
            row.Add(Button(_context.Text("跳过", "Skip"), "skip"));
        }

        return [[.. row, .. NavigationRow()]];
    }

    private List<Button> NavigationRow() => [Button(_context.Text("总览", "Summary"), "review"), Button(_context.Text("保存退出", "Save and leave"), "save")];

    private IReadOnlyList<IReadOnlyList<Button>> ReviewButtons()
    {
        var rows = Enumerable.Range(1, Items.Count)
            .Select(n => Button(n.ToString(CultureInfo.InvariantCulture), "go" + n.ToString(CultureInfo.InvariantCulture)))
            .Chunk(5)
            .Select(chunk => (IReadOnlyList<Button>)chunk)
            .ToList();
        rows.Add([Button(_context.Text("提交", "Submit"), "submit"), Button(_context.Text("保存退出", "Save and leave"), "save")]);
        return rows;
    }

    private Button Button(string label, string value) =>
        new(label, new ButtonPayload(_flowName, _context.Session.PromptToken ?? "-", value).ToString());
}
