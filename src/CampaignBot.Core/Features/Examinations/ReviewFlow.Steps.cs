using System.Globalization;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Examinations;

/// <summary>Choosing, deciding and the prompts.</summary>
public sealed partial class ReviewFlow
{
    private const string ShownKey = "shown";

    public void Reprompt()
    {
        _context.Session.PromptToken = _context.NewPromptToken();
        switch (_machine.State)
        {
            case State.Choosing:
                var rows = Pending.Select((_, i) => (IReadOnlyList<Button>)[Button($"{i + 1}. {Data.GetValueOrDefault("n" + i.ToString(CultureInfo.InvariantCulture))}", "p" + i.ToString(CultureInfo.InvariantCulture))]).ToList();
                _context.Reply("请选择要审核的对照检查：", "Choose a self-examination to review:", rows);
                break;
            case State.Reading:
                _context.Reply(new TextMessage(
                    Data.GetValueOrDefault(ShownKey, string.Empty),
                    [[Button(_context.Text("通过", "Accept"), "accept"), Button(_context.Text("退回修改", "Return"), "return")], [Button(_context.Text("返回列表", "Back to list"), "back")]]));
                break;
            case State.AwaitingComment:
                _context.Reply(
                    $"请写下退回意见（{MinCommentLength}–{MaxCommentLength} 字），本人修改时会看到。/back 返回。",
                    $"Write your comment for the member ({MinCommentLength}–{MaxCommentLength} characters). /back to go back.");
                break;
        }
    }

    private async Task ChooseAsync(string input, CancellationToken cancellationToken)
    {
        var pending = Pending;
        if (!(input.StartsWith('p') && int.TryParse(input.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < pending.Length))
        {
            _context.Reply("请点击列表中的一项。", "Please choose one from the list.");
            Reprompt();
            return;
        }

        Data[ChosenKey] = pending[index];
        await _machine.FireAsync(Trigger.Chosen);
        await ShowAsync(cancellationToken);
    }

    /// <summary>Loads what the prompt shows, so a later reprompt (stale button, restart) needs no store.</summary>
    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        if (_machine.State == State.Reading && await ChosenAsync(cancellationToken) is { } exam)
        {
            var checklist = _context.Campaign.FindChecklist(exam.ChecklistCode);
            var english = _context.Language == Language.English;
            var reviews = await _store.ListReviewsAsync(exam.MemberId, cancellationToken);
            var earlier = string.Concat(reviews.Where(r => !r.Accepted).Select(r => _context.Text($"\n第 {r.Number} 版退回意见（{r.ReviewerName}）：{r.Comment}", $"\nVersion {r.Number} returned ({r.ReviewerName}): {r.Comment}")));
            Data[ShownKey] = _context.Text($"{exam.MemberName} 的对照检查（第 {exam.Submissions} 版）\n", $"Self-examination of {exam.MemberName} (version {exam.Submissions})\n")
                + (checklist is null ? string.Empty : ExaminationText.Summary(checklist, exam.Answers, english)) + earlier;
        }

        Reprompt();
    }

    private async Task<SelfExamination?> ChosenAsync(CancellationToken cancellationToken)
    {
        var exam = Data.GetValueOrDefault(ChosenKey) is { } id ? await _store.GetAsync(id, cancellationToken) : null;
        return exam is { Status: ExaminationStatus.Submitted } && _reviewers.MayReview(_context.Member!, exam) ? exam : null;
    }

    private async Task DecideAsync(string input, CancellationToken cancellationToken)
    {
        switch (input)
        {
            case "back" or "返回":
                await BackAsync(cancellationToken);
                return;
            case "return" or "退回":
                await _machine.FireAsync(Trigger.Return);
                Reprompt();
                return;
            case "accept" or "通过":
                if (await RecordAsync(accepted: true, comment: null, cancellationToken))
                {
                    await _machine.FireAsync(Trigger.Accept);
                }

                return;
            default:
                _context.Reply("请点击“通过”或“退回修改”。", "Please press \"Accept\" or \"Return\".");
                Reprompt();
                return;
        }
    }

    private async Task CommentAsync(string input, CancellationToken cancellationToken)
    {
        var comment = input.Trim();
        if (comment.Length is < MinCommentLength or > MaxCommentLength)
        {
            _context.Reply(
                $"退回意见应为 {MinCommentLength}–{MaxCommentLength} 字（现在是 {comment.Length} 字），请重新输入。",
                $"The comment must be {MinCommentLength}–{MaxCommentLength} characters (it is {comment.Length}); please write it again.");
            Reprompt();
            return;
        }

        if (await RecordAsync(accepted: false, comment, cancellationToken))
        {
            await _machine.FireAsync(_commentGiven, comment);
        }
    }

    /// <summary>Stores the decision once; when someone else decided first, says so and ends without changing anything.</summary>
    private async Task<bool> RecordAsync(bool accepted, string? comment, CancellationToken cancellationToken)
    {
        var reviewer = _context.Member!;
        var exam = Data.GetValueOrDefault(ChosenKey) is { } id ? await _store.GetAsync(id, cancellationToken) : null;
        var mine = exam is not null && _reviewers.MayReview(reviewer, exam) && exam.Status == ExaminationStatus.Submitted
            && await _store.AddReviewAsync(new ExaminationReview(exam.MemberId, exam.UnitId, exam.Submissions, reviewer.Id, reviewer.Name, accepted, comment, _context.Now), cancellationToken);

        // The same decision already stored by this reviewer means this update is being handled again: repeat its effects.
        mine = mine || (exam is not null && (await _store.ListReviewsAsync(exam.MemberId, cancellationToken))
            .Any(r => r.Number == exam.Submissions && r.ReviewerId == reviewer.Id && r.Accepted == accepted && r.Comment == comment));
        if (!mine || exam is null)
        {
            _context.Reply("这份对照检查已由其他审核人处理或已撤回，本次未做改动。", "This self-examination has already been decided by someone else; nothing was changed.");
            await _machine.FireAsync(Trigger.Cancel);
            return false;
        }

        await _store.SaveAsync(exam with { Status = accepted ? ExaminationStatus.Accepted : ExaminationStatus.Returned, CurrentItem = 0, UpdatedAt = _context.Now }, cancellationToken);
        // Member ids are "channel:user id" (Member.IdFor), and a private chat's id is the user's id.
        var parts = exam.MemberId.Split(':', 2);
        _context.Notify(new ChatRef(parts[0], parts[^1], ChatKind.Private), new TextMessage(accepted
            ? $"你的对照检查（第 {exam.Submissions} 版）已由{reviewer.Name}审核通过。"
            : $"你的对照检查（第 {exam.Submissions} 版）被{reviewer.Name}退回修改。意见：{comment}\n请发送 /examine 修改后重新提交。"));
        return true;
    }

    private Button Button(string label, string value) =>
        new(label, new ButtonPayload(_flowName, _context.Session.PromptToken ?? "-", value).ToString());
}
