using CampaignBot.Core.Features.Ledger;

namespace CampaignBot.Core.Features.Examinations;

/// <summary>One submitted self-examination in the reviewer's list.</summary>
public sealed record PendingExamination(string MemberId, string MemberName, string UnitName, int Version);

/// <summary>A problem an accepted self-examination found (存在 / 部分存在), as the reviewer may put it on the ledger.</summary>
public sealed record FoundProblem(string ItemCode, string Text, string Category, string? LedgerId = null);

/// <summary>What the review has gathered: the list shown, the one chosen and what it reads, the decision, the problems put on the ledger.</summary>
public sealed record ReviewAnswers
{
    public IReadOnlyList<PendingExamination> Pending { get; init; } = [];

    public string? Chosen { get; init; }

    /// <summary>The chosen examination as the reviewer reads it, loaded when it is chosen (prompts read no store).</summary>
    public string? Shown { get; init; }

    public bool Accepted { get; init; }

    /// <summary>The unit of the chosen examination, the responsible unit of the items made from it.</summary>
    public string? UnitId { get; init; }

    /// <summary>The accepted examination's problems, loaded on accepting; each gets its ledger id once it is an item.</summary>
    public IReadOnlyList<FoundProblem> Problems { get; init; } = [];

    /// <summary>The problem being turned into an item (an index into <see cref="Problems"/>).</summary>
    public int? Turning { get; init; }

    public string? Measures { get; init; }

    /// <summary>The reviewer has finished with the ledger.</summary>
    public bool LedgerDone { get; init; }
}

/// <summary>
/// /review: a secretary, supervisor or the office chooses a submitted self-examination, reads it, accepts it or
/// returns it with a comment. A version is reviewed once (the store refuses a second review), so two reviewers cannot
/// both decide; one that is no longer waiting (decided or withdrawn meanwhile) is said so, with the fresh list.
/// An accepted one's problems found (存在 / 部分存在) can then be put on the unit's rectification ledger one by one,
/// through the ledger's port: the reviewer writes the measures and the deadline, the member leads the item. A problem
/// already on the ledger is said so and never becomes a second item.
/// </summary>
public sealed class ReviewFlow(IExaminationStore store, ExaminationReviewers reviewers, IMemberStore members, ILedgerIntake ledger)
    : DeclaredFlow<ReviewAnswers>("rev", "review", ExaminationTexts.ReviewTitle)
{
    public static readonly TextLength CommentLength = TextLength.SendBackReason;
    private const int ListLength = 20;

    protected override void Declare(FlowBuilder<ReviewAnswers> flow)
    {
        flow.Step<ReviewAnswers>("Choosing", "lists the submissions waiting for this reviewer")
            .Prompt(step => new Prompt(
                ExaminationTexts.ChooseToReview,
                step.Answers.Pending.Select((p, i) => new Choice(ExaminationTexts.ListEntry(i + 1, p.MemberName, p.UnitName, p.Version), Pressed.Value('p', i))).InRows(1)))
            .ReadAsync(ChooseAsync)
            .Keep((_, chosen) => chosen)
            .Next((_, chosen) => AfterChoosing(chosen), "Reading", "Choosing", "NothingPending")
            .AsksNothingOfTheUser();

        flow.Step<ReviewAnswers>("Reading", "shows the chosen self-examination to accept or return")
            .Prompt(step => new Prompt(
                new Text(step.Answers.Shown ?? string.Empty, step.Answers.Shown ?? string.Empty),
                [[new Choice(ExaminationTexts.Accept, "accept"), new Choice(ExaminationTexts.Return, "return")], [new Choice(ExaminationTexts.BackToList, "back")]]))
            .ReadAsync(DecideAsync)
            .Keep((_, decided) => decided)
            .Next((_, decided) => decided.Chosen is null ? AfterChoosing(decided) : decided.Shown is null ? AfterDeciding(decided) : "AwaitingComment", "AwaitingComment", "OfferingLedger", "Decided", "Choosing", "NothingPending");

        flow.Step<ReviewAnswers>("AwaitingComment", "asks for the comment to return it with")
            .Prompt(ExaminationTexts.AskComment(CommentLength.Min, CommentLength.Max))
            .ReadAsync(CommentAsync)
            .Keep((_, decided) => decided)
            .Next((_, decided) => decided.Chosen is null ? AfterChoosing(decided) : "Decided", "Decided", "Choosing", "NothingPending");

        flow.Step<ReviewAnswers>("OfferingLedger", "offers the accepted examination's problems found for the rectification ledger")
            .Prompt(OfferPrompt)
            .ReadAsync(OfferAsync)
            .Keep((_, offered) => offered)
            .Next((_, offered) => offered.LedgerDone ? "Decided" : offered.Turning is not null ? "AskingMeasures" : "OfferingLedger", "AskingMeasures", "OfferingLedger", "Decided")
            .BackGoesTo(_ => Backward<ReviewAnswers>.Refuse(ExaminationTexts.AlreadyDecided))
            .AsksNothingOfTheUser();

        flow.Step<string>("AskingMeasures", "asks the measures for the problem chosen")
            .Prompt(step => ExaminationTexts.AskMeasures(Chosen(step.Answers)?.Text ?? string.Empty, ledger.MaxText))
            .Read((input, _) => ReadMeasures(input))
            .Keep((a, measures) => a with { Measures = measures })
            .Next("AskingDeadline", "MeasuresGiven")
            .BackGoesTo(step => Backward<ReviewAnswers>.To("OfferingLedger", step.Answers with { Turning = null, Measures = null }), "OfferingLedger");

        flow.Step<ReviewAnswers>("AskingDeadline", "asks the deadline and puts the problem on the ledger, the member as lead leader")
            .Prompt(step => ExaminationTexts.AskDeadline(step.Campaign.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ReadAsync(TurnAsync)
            .Keep((_, turned) => turned)
            .Next((_, turned) => turned.Problems.All(p => p.LedgerId is not null) ? "Decided" : "OfferingLedger", "OfferingLedger", "Decided")
            .BackGoesTo("AskingMeasures");

        flow.Finish("Decided", "says the decision was stored and the member told", DecidedText)
            .Finish("NothingPending", "says nothing is waiting any more", _ => ExaminationTexts.NothingToReview)
            .Cancelled(ExaminationTexts.ReviewCancelled)
            .TimedOut(ExaminationTexts.ReviewTimedOut);
    }

    /// <summary>After a decision: an accepted examination with problems found goes on to the ledger offer.</summary>
    private static string AfterDeciding(ReviewAnswers answers) =>
        answers.Accepted && answers.Problems.Any(p => p.LedgerId is null) ? "OfferingLedger" : "Decided";

    private static Text DecidedText(FlowStep<ReviewAnswers> step)
    {
        var turned = step.Answers.Problems.Where(p => p.LedgerId is not null).Select(p => p.LedgerId!).ToList();
        return turned.Count > 0 ? ExaminationTexts.OnTheLedger(turned)
            : step.Answers.Problems.Count > 0 ? ExaminationTexts.NoneToTheLedger
            : step.Answers.Accepted ? ExaminationTexts.AcceptedDone : ExaminationTexts.ReturnedDone;
    }

    private static FoundProblem? Chosen(ReviewAnswers answers) =>
        answers.Turning is { } i && i >= 0 && i < answers.Problems.Count ? answers.Problems[i] : null;

    private static Prompt OfferPrompt(FlowStep<ReviewAnswers> step)
    {
        var problems = step.Answers.Problems;
        var open = problems.Select((p, i) => (p, i)).Where(x => x.p.LedgerId is null)
            .Select((x, shown) => new Choice(ExaminationTexts.ProblemEntry(shown + 1, x.p.Text), Pressed.Value('q', x.i)));
        IReadOnlyList<IReadOnlyList<Choice>> rows = [.. open.InRows(1), [new Choice(ExaminationTexts.LedgerFinished, "done")]];
        var turned = problems.Count(p => p.LedgerId is not null);
        var text = turned == 0 ? ExaminationTexts.OfferLedger(problems.Count) : ExaminationTexts.OfferMore(problems.Count - turned);
        return new Prompt(text, rows);
    }

    /// <summary>A problem's button (a typed number presses it); one already on the ledger (here or by anyone) is said so and not asked again.</summary>
    private async Task<Read<ReviewAnswers>> OfferAsync(string input, FlowStep<ReviewAnswers> step, CancellationToken cancellationToken)
    {
        var answers = step.Answers;
        if (input is "done" or "完成")
        {
            return answers with { LedgerDone = true };
        }

        if (Pressed.Index(input, 'q', answers.Problems.Count) is not { } index)
        {
            return ExaminationTexts.ChooseProblem;
        }

        var problem = answers.Problems[index];
        var existing = problem.LedgerId ?? (await ledger.FindBySourceAsync(answers.UnitId ?? string.Empty, SourceRef(answers.Chosen!, problem.ItemCode), cancellationToken))?.Id;
        if (existing is not null)
        {
            step.Context.Reply(ExaminationTexts.AlreadyOnLedger(existing));
            return WithLedgerId(answers, index, existing) with { Turning = null };
        }

        return answers with { Turning = index, Measures = null };
    }

    private Read<string> ReadMeasures(string input)
    {
        var text = input.Trim();
        return text.Length < 2 ? ExaminationTexts.MeasuresTooShort : text.Length > ledger.MaxText ? ExaminationTexts.MeasuresTooLong(ledger.MaxText) : text;
    }

    /// <summary>Creates the item through the ledger's port (a refusal, such as a deadline outside the campaign, asks again).</summary>
    private async Task<Read<ReviewAnswers>> TurnAsync(string input, FlowStep<ReviewAnswers> step, CancellationToken cancellationToken)
    {
        var answers = step.Answers;
        if (Chosen(answers) is not { } problem || answers.Chosen is not { } memberId || answers.UnitId is not { } unitId)
        {
            return Read<ReviewAnswers>.Back;
        }

        var sourceRef = SourceRef(memberId, problem.ItemCode);
        var request = new LedgerRequest(unitId, problem.Text, problem.Category, ProblemSource.Examination, [sourceRef], answers.Measures ?? string.Empty, memberId, input.Trim());
        var (item, refusal) = await ledger.CreateAsync(request, step.Context.Member!, "exam/" + sourceRef, step.Now, cancellationToken);
        if (item is null)
        {
            return refusal ?? ExaminationTexts.ChooseProblem;
        }

        await ledger.NotifyAssignedAsync(step.Context, item, cancellationToken);
        await TellSecretariesAsync(step.Context, item, cancellationToken);
        step.Context.Reply(ExaminationTexts.TurnedInto(item.Id));
        return WithLedgerId(answers, answers.Turning!.Value, item.Id) with { Turning = null, Measures = null };
    }

    /// <summary>The unit sees the new item: its active secretaries are told, unless the reviewer is one of them.</summary>
    private async Task TellSecretariesAsync(FlowContext context, LedgerItem item, CancellationToken cancellationToken)
    {
        foreach (var secretary in (await members.ListAsync(item.UnitId, cancellationToken)).Where(m => m is { Role: Roles.Secretary, IsActive: true } && m.Id != context.Member?.Id && m.Id != item.LeadLeaderId))
        {
            context.Notify(secretary.PrivateChat, TextMessage.In(ExaminationTexts.UnitToldOfItem(item.Id, item.LeadLeaderName, item.Problem), secretary.Language));
        }
    }

    private static ReviewAnswers WithLedgerId(ReviewAnswers answers, int index, string ledgerId) =>
        answers with { Problems = [.. answers.Problems.Select((p, i) => i == index ? p with { LedgerId = ledgerId } : p)] };

    /// <summary>Names one checklist item of one member's self-examination among a ledger item's sources.</summary>
    public static string SourceRef(string memberId, string itemCode) => $"exam:{memberId}:{itemCode}";

    /// <summary>The items answered 存在 or 部分存在, as problem texts with the category their prompt names (or 其他).</summary>
    public static IReadOnlyList<FoundProblem> ProblemsFound(CampaignDefinition campaign, SelfExamination exam, int maxText)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(exam);
        if (campaign.FindChecklist(exam.ChecklistCode) is not { } checklist)
        {
            return [];
        }

        var categories = ProblemCategories.All(campaign);
        return [.. checklist.Items
            .Where(item => exam.Answers.GetValueOrDefault(item.Code) is { Choice: ChecklistChoices.Exists or ChecklistChoices.Partly })
            .Select(item =>
            {
                var answer = exam.Answers[item.Code];
                var text = $"{ExaminationTexts.Short(item.Prompt)}（{ChecklistChoices.Name(answer.Choice)}）" + (string.IsNullOrWhiteSpace(answer.Text) ? string.Empty : "：" + answer.Text.Trim());
                var category = categories.FirstOrDefault(c => c.Code != ProblemCategories.Other && item.Prompt.StartsWith(c.Name, StringComparison.Ordinal))?.Code ?? ProblemCategories.Other;
                return new FoundProblem(item.Code, text.Length <= maxText ? text : text[..(maxText - 1)] + "…", category);
            })];
    }

    /// <summary>After a choice: the chosen one, or (it went stale) the fresh list, or nothing left.</summary>
    private static string AfterChoosing(ReviewAnswers answers) =>
        answers.Chosen is not null ? "Reading" : answers.Pending.Count > 0 ? "Choosing" : "NothingPending";

    protected override async Task<Opening<ReviewAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        if (context.Member is not { } reviewer
            || (reviewer.Role is not (Roles.Secretary or Roles.Supervisor or Roles.CampaignOffice) && (await reviewers.AdditionalUnitsAsync(reviewer, cancellationToken)).Count == 0))
        {
            return Opening<ReviewAnswers>.Refuse(ExaminationTexts.OnlyReviewers);
        }

        var pending = await PendingAsync(context, reviewer, cancellationToken);
        return pending.Count == 0
            ? Opening<ReviewAnswers>.Refuse(ExaminationTexts.NothingToReview)
            : Opening<ReviewAnswers>.Proceed(answers: new ReviewAnswers { Pending = pending });
    }

    private async Task<IReadOnlyList<PendingExamination>> PendingAsync(FlowContext context, Member reviewer, CancellationToken cancellationToken)
    {
        var additional = await reviewers.AdditionalUnitsAsync(reviewer, cancellationToken);
        return (await store.ListAsync(null, cancellationToken))
            .Where(e => e.Status == ExaminationStatus.Submitted && reviewers.MayReview(reviewer, e, additional))
            .OrderBy(e => e.SubmittedAt)
            .Take(ListLength)
            .Select(e => new PendingExamination(e.MemberId, e.MemberName, context.Campaign.FindUnit(e.UnitId)?.Name ?? e.UnitId, e.Submissions))
            .ToList();
    }

    /// <summary>Says <paramref name="why"/> and loads the list again; the list is empty when nothing waits any more.</summary>
    private async Task<ReviewAnswers> FreshListAsync(FlowStep<ReviewAnswers> step, Text why, CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(step.Context, step.Context.Member!, cancellationToken);
        step.Context.Reply(why);
        if (pending.Count > 0)
        {
            step.Context.Reply(ExaminationTexts.FreshList);
        }

        return new ReviewAnswers { Pending = pending };
    }

    private async Task<Read<ReviewAnswers>> ChooseAsync(string input, FlowStep<ReviewAnswers> step, CancellationToken cancellationToken)
    {
        var pending = step.Answers.Pending;
        if (Pressed.Index(input, 'p', pending.Count) is not { } index)
        {
            return ExaminationTexts.ChooseFromList;
        }

        var exam = await WaitingAsync(pending[index].MemberId, step.Context.Member!, cancellationToken);
        if (exam is null)
        {
            return await FreshListAsync(step, ExaminationTexts.NoLongerWaiting, cancellationToken);
        }

        var checklist = step.Campaign.FindChecklist(exam.ChecklistCode);
        var reviews = await store.ListReviewsAsync(exam.MemberId, cancellationToken);
        var earlier = string.Concat(reviews.Where(r => !r.Accepted).Select(r => step.Context.Text(ExaminationTexts.EarlierReturn(r.Number, r.ReviewerName, r.Comment))));
        var shown = step.Context.Text(ExaminationTexts.ExaminationOf(exam.MemberName, exam.Submissions))
            + (checklist is null ? string.Empty : ExaminationTexts.Summary(checklist, exam.Answers, step.Language == Language.English)) + earlier;
        return step.Answers with { Chosen = exam.MemberId, Shown = shown, UnitId = exam.UnitId };
    }

    private async Task<SelfExamination?> WaitingAsync(string memberId, Member reviewer, CancellationToken cancellationToken)
    {
        var exam = await store.GetAsync(memberId, cancellationToken);
        return exam is { Status: ExaminationStatus.Submitted } && reviewers.MayReview(reviewer, exam, await reviewers.AdditionalUnitsAsync(reviewer, cancellationToken)) ? exam : null;
    }

    /// <summary>"Return" goes on to the comment (what is shown is kept); "accept" decides at once.</summary>
    private async Task<Read<ReviewAnswers>> DecideAsync(string input, FlowStep<ReviewAnswers> step, CancellationToken cancellationToken) => input switch
    {
        "back" or "返回" => Read<ReviewAnswers>.Back,
        "return" or "退回" => step.Answers,
        "accept" or "通过" => await RecordAsync(step, accepted: true, comment: null, cancellationToken),
        _ => ExaminationTexts.AcceptOrReturn,
    };

    private async Task<Read<ReviewAnswers>> CommentAsync(string input, FlowStep<ReviewAnswers> step, CancellationToken cancellationToken)
    {
        var comment = input.Trim();
        return CommentLength.Fits(comment)
            ? await RecordAsync(step, accepted: false, comment, cancellationToken)
            : ExaminationTexts.CommentLength(CommentLength.Min, CommentLength.Max, comment.Length);
    }

    /// <summary>Stores the decision once; when someone else decided first, says so and shows the fresh list.</summary>
    private async Task<ReviewAnswers> RecordAsync(FlowStep<ReviewAnswers> step, bool accepted, string? comment, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var reviewer = context.Member!;
        var exam = step.Answers.Chosen is { } id ? await store.GetAsync(id, cancellationToken) : null;
        var mine = exam is not null && reviewers.MayReview(reviewer, exam, await reviewers.AdditionalUnitsAsync(reviewer, cancellationToken)) && exam.Status == ExaminationStatus.Submitted
            && await store.AddReviewAsync(new ExaminationReview(exam.MemberId, exam.UnitId, exam.Submissions, reviewer.Id, reviewer.Name, accepted, comment, context.Now), cancellationToken);

        // The same decision already stored by this reviewer means this update is being handled again: repeat its effects.
        mine = mine || (exam is not null && (await store.ListReviewsAsync(exam.MemberId, cancellationToken))
            .Any(r => r.Number == exam.Submissions && r.ReviewerId == reviewer.Id && r.Accepted == accepted && r.Comment == comment));
        if (!mine || exam is null)
        {
            return await FreshListAsync(step, ExaminationTexts.DecidedBySomeoneElse, cancellationToken);
        }

        await store.SaveAsync(exam with { Status = accepted ? ExaminationStatus.Accepted : ExaminationStatus.Returned, CurrentItem = 0, UpdatedAt = context.Now }, cancellationToken);

        // Member ids are "channel:user id" (Member.IdFor), and a private chat's id is the user's id. Told in their language.
        var parts = exam.MemberId.Split(':', 2);
        var language = await members.GetAsync(exam.MemberId, cancellationToken) is { } member ? member.Language : Language.Chinese;
        var notice = accepted ? ExaminationTexts.AcceptedNotice(exam.Submissions, reviewer.Name) : ExaminationTexts.ReturnedNotice(exam.Submissions, reviewer.Name, comment);
        context.Notify(new ChatRef(parts[0], parts[^1], ChatKind.Private), accepted ? TextMessage.In(notice, language) : TextMessage.In(notice, language, "examine", ExaminationTexts.OpenRevision));
        return step.Answers with { Accepted = accepted, Shown = null, Problems = accepted ? ProblemsFound(step.Campaign, exam, ledger.MaxText) : [] };
    }
}
