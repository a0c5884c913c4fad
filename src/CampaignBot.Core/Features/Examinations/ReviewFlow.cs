namespace CampaignBot.Core.Features.Examinations;

/// <summary>One submitted self-examination in the reviewer's list.</summary>
public sealed record PendingExamination(string MemberId, string MemberName, string UnitName, int Version);

/// <summary>What the review has gathered: the list shown, the one chosen and what it reads, the decision.</summary>
public sealed record ReviewAnswers
{
    public IReadOnlyList<PendingExamination> Pending { get; init; } = [];

    public string? Chosen { get; init; }

    /// <summary>The chosen examination as the reviewer reads it, loaded when it is chosen (prompts read no store).</summary>
    public string? Shown { get; init; }

    public bool Accepted { get; init; }
}

/// <summary>
/// /review: a secretary, supervisor or the office chooses a submitted self-examination, reads it, accepts it or
/// returns it with a comment. A version is reviewed once (the store refuses a second review), so two reviewers cannot
/// both decide; one that is no longer waiting (decided or withdrawn meanwhile) is said so, with the fresh list.
/// </summary>
public sealed class ReviewFlow(IExaminationStore store, ExaminationReviewers reviewers, IMemberStore members)
    : DeclaredFlow<ReviewAnswers>("rev", "review", ExaminationTexts.ReviewTitle)
{
    public const int MinCommentLength = 5;
    public const int MaxCommentLength = 500;
    private const int ListLength = 20;

    protected override void Declare(FlowBuilder<ReviewAnswers> flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        flow.Opens(OpenAsync);

        flow.Step<ReviewAnswers>("Choosing", "lists the submissions waiting for this reviewer")
            .Prompt(step => new Prompt(
                ExaminationTexts.ChooseToReview,
                step.Answers.Pending.Select((p, i) => (IReadOnlyList<Choice>)[new Choice(ExaminationTexts.ListEntry(i + 1, p.MemberName, p.UnitName, p.Version), "p" + i.ToString(CultureInfo.InvariantCulture))]).ToList()))
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
            .Next((_, decided) => decided.Chosen is null ? AfterChoosing(decided) : decided.Shown is null ? "Decided" : "AwaitingComment", "AwaitingComment", "Decided", "Choosing", "NothingPending");

        flow.Step<ReviewAnswers>("AwaitingComment", "asks for the comment to return it with")
            .Prompt(ExaminationTexts.AskComment(MinCommentLength, MaxCommentLength))
            .ReadAsync(CommentAsync)
            .Keep((_, decided) => decided)
            .Next((_, decided) => decided.Chosen is null ? AfterChoosing(decided) : "Decided", "Decided", "Choosing", "NothingPending");

        flow.Finish("Decided", "says the decision was stored and the member told", step => step.Answers.Accepted ? ExaminationTexts.AcceptedDone : ExaminationTexts.ReturnedDone)
            .Finish("NothingPending", "says nothing is waiting any more", _ => ExaminationTexts.NothingToReview)
            .Cancelled(ExaminationTexts.ReviewCancelled)
            .TimedOut(ExaminationTexts.ReviewTimedOut);
    }

    /// <summary>After a choice: the chosen one, or (it went stale) the fresh list, or nothing left.</summary>
    private static string AfterChoosing(ReviewAnswers answers) =>
        answers.Chosen is not null ? "Reading" : answers.Pending.Count > 0 ? "Choosing" : "NothingPending";

    private async Task<Opening<ReviewAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        if (context.Member is not { Role: Roles.Secretary or Roles.Supervisor or Roles.CampaignOffice } reviewer)
        {
            return Opening<ReviewAnswers>.Refuse(ExaminationTexts.OnlyReviewers);
        }

        var pending = await PendingAsync(context, reviewer, cancellationToken);
        return pending.Count == 0
            ? Opening<ReviewAnswers>.Refuse(ExaminationTexts.NothingToReview)
            : Opening<ReviewAnswers>.Proceed(answers: new ReviewAnswers { Pending = pending });
    }

    private async Task<IReadOnlyList<PendingExamination>> PendingAsync(FlowContext context, Member reviewer, CancellationToken cancellationToken) =>
        (await store.ListAsync(null, cancellationToken))
            .Where(e => e.Status == ExaminationStatus.Submitted && reviewers.MayReview(reviewer, e))
            .OrderBy(e => e.SubmittedAt)
            .Take(ListLength)
            .Select(e => new PendingExamination(e.MemberId, e.MemberName, context.Campaign.FindUnit(e.UnitId)?.Name ?? e.UnitId, e.Submissions))
            .ToList();

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
        if (!(input.StartsWith('p') && int.TryParse(input.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < pending.Count))
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
        return step.Answers with { Chosen = exam.MemberId, Shown = shown };
    }

    private async Task<SelfExamination?> WaitingAsync(string memberId, Member reviewer, CancellationToken cancellationToken)
    {
        var exam = await store.GetAsync(memberId, cancellationToken);
        return exam is { Status: ExaminationStatus.Submitted } && reviewers.MayReview(reviewer, exam) ? exam : null;
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
        return comment.Length is < MinCommentLength or > MaxCommentLength
            ? ExaminationTexts.CommentLength(MinCommentLength, MaxCommentLength, comment.Length)
            : await RecordAsync(step, accepted: false, comment, cancellationToken);
    }

    /// <summary>Stores the decision once; when someone else decided first, says so and shows the fresh list.</summary>
    private async Task<ReviewAnswers> RecordAsync(FlowStep<ReviewAnswers> step, bool accepted, string? comment, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var reviewer = context.Member!;
        var exam = step.Answers.Chosen is { } id ? await store.GetAsync(id, cancellationToken) : null;
        var mine = exam is not null && reviewers.MayReview(reviewer, exam) && exam.Status == ExaminationStatus.Submitted
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
        var language = await members.GetAsync(exam.MemberId, cancellationToken) is { } member ? new UserRef(member.UserId, null, member.LanguageCode).Language : Language.Chinese;
        var notice = accepted ? ExaminationTexts.AcceptedNotice(exam.Submissions, reviewer.Name) : ExaminationTexts.ReturnedNotice(exam.Submissions, reviewer.Name, comment);
        context.Notify(new ChatRef(parts[0], parts[^1], ChatKind.Private), new TextMessage(notice.In(language)));
        return step.Answers with { Accepted = accepted, Shown = null };
    }
}
