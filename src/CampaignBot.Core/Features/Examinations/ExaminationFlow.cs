namespace CampaignBot.Core.Features.Examinations;

/// <summary>What the self-examination has gathered: the checklist, the item at hand and each item's answer.</summary>
public sealed record ExaminationAnswers
{
    public string? Checklist { get; init; }

    /// <summary>The item at hand; the number of items means the summary (总览).</summary>
    public int Item { get; init; }

    public IReadOnlyDictionary<string, ExaminationAnswer> Given { get; init; } = new Dictionary<string, ExaminationAnswer>(StringComparer.Ordinal);

    /// <summary>The item was opened from the summary: once it is answered, the summary again (not the next item).</summary>
    public bool BackToSummary { get; init; }

    /// <summary>The version submitted (0 when nothing was submitted by this run).</summary>
    public int Submitted { get; init; }

    public bool ReviewerTold { get; init; }

    public ExaminationAnswer AnswerOf(string code) => Given.GetValueOrDefault(code) ?? new ExaminationAnswer(null, null);

    public ExaminationAnswers With(string code, ExaminationAnswer answer)
    {
        var given = new Dictionary<string, ExaminationAnswer>(Given, StringComparer.Ordinal);
        if (answer.IsEmpty)
        {
            given.Remove(code);
        }
        else
        {
            given[code] = answer;
        }

        return this with { Given = given };
    }
}

/// <summary>Where an examination step goes, with the answers it leaves.</summary>
public sealed record ExaminationMove(ExaminationAnswers Answers, string To);

/// <summary>
/// /examine: the member's self-examination (对照检查), one checklist item at a time, then the summary and submission.
/// Answers are saved to the store after every step, so "save and leave", a timeout or a restart all resume at the same
/// item. After submission it is read-only until a reviewer returns it.
/// </summary>
public sealed class ExaminationFlow(IExaminationStore store, ExaminationReviewers reviewers)
    : DeclaredFlow<ExaminationAnswers>("exam", "examine", ExaminationTexts.Title)
{
    public const int MaxTextLength = 800;

    /// <summary>A text answer needs at least this many letters (Chinese characters count as letters).</summary>
    public const int MinLetters = 2;

    private const string Choosing = "AskingChoice";
    private const string Writing = "AskingText";
    private const string Summary = "Reviewing";

    protected override void Declare(FlowBuilder<ExaminationAnswers> flow)
    {
        Move(flow, Choosing, "asks an item's choice: exists, partly, does not exist", ChoicePrompt, (input, step, ct) => ReadAsync(input, step, ReadChoiceAsync, ct))
            .Next((_, move) => move.To, Choosing, Writing, Summary, "Saved", "Submitted");
        Move(flow, Writing, "asks an item's text, or the evidence for its choice", TextPrompt, (input, step, ct) => ReadAsync(input, step, ReadTextAsync, ct))
            .Next((_, move) => move.To, Choosing, Writing, Summary, "Saved", "Submitted");
        Move(flow, Summary, "shows every answer: change an item or submit", SummaryPrompt, ReadSummaryAsync)
            .Next((_, move) => move.To, Choosing, Writing, "Saved", "Submitted");

        flow.Finish("Saved", "says where it will continue", step => ExaminationTexts.SavedAt(step.Answers.Item + 1))
            .Finish("Submitted", "says it was submitted and who was told", step => step.Answers.Submitted > 0 ? ExaminationTexts.Submitted(step.Answers.Submitted, step.Answers.ReviewerTold) : null)
            .Cancelled(ExaminationTexts.ExamCancelled)
            .TimedOut(ExaminationTexts.ExamTimedOut);
    }

    /// <summary>
    /// A step of the examination: its reader returns the answers as they now are and where to go (another item, the
    /// summary, saved, submitted); /back goes to the previous item.
    /// </summary>
    private static StepBuilder<ExaminationAnswers, ExaminationMove> Move(
        FlowBuilder<ExaminationAnswers> flow,
        string state,
        string asks,
        Func<FlowStep<ExaminationAnswers>, Prompt> prompt,
        Func<string, FlowStep<ExaminationAnswers>, CancellationToken, Task<Read<ExaminationMove>>> read) =>
        flow.Step<ExaminationMove>(state, asks)
            .Prompt(prompt)
            .ReadAsync(read)
            .Keep((_, move) => move.Answers)
            .BackGoesTo(Back, Choosing, Writing);

    /// <summary>A text answer: trimmed, at most <see cref="MaxTextLength"/>, and saying something (not only a number, punctuation or one character).</summary>
    public static Read<string> ReadText(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Trim();
        return text switch
        {
            { Length: > MaxTextLength } => ExaminationTexts.TooLong(text.Length, MaxTextLength),
            _ when text.Count(char.IsLetter) < MinLetters => ExaminationTexts.SaysNothing,
            _ => text,
        };
    }

    private static IReadOnlyList<ChecklistItem> Items(FlowStep<ExaminationAnswers> step) =>
        step.Campaign.FindChecklist(step.Answers.Checklist ?? string.Empty)?.Items ?? [];

    private static ChecklistItem? Current(FlowStep<ExaminationAnswers> step) =>
        Items(step) is var items && step.Answers.Item < items.Count ? items[step.Answers.Item] : null;

    private static string StateAt(IReadOnlyList<ChecklistItem> items, int index) => index >= items.Count
        ? Summary
        : items[index].Answer == ChecklistAnswerKind.Text ? Writing : Choosing;

    /// <summary>Going back lands on an item's last part: its text when it has one.</summary>
    private static string LastPartOf(IReadOnlyList<ChecklistItem> items, int index) =>
        index < items.Count && items[index].Answer == ChecklistAnswerKind.Choice ? Choosing : Writing;

    private static Backward<ExaminationAnswers> Back(FlowStep<ExaminationAnswers> step)
    {
        var answers = step.Answers;
        if (step.Context.Session.State == Writing && Current(step) is { Answer: ChecklistAnswerKind.Both })
        {
            return Backward<ExaminationAnswers>.To(Choosing, answers);
        }

        var items = Items(step);
        var item = Math.Min(answers.Item, items.Count);
        return item == 0
            ? Backward<ExaminationAnswers>.Refuse(ExaminationTexts.FirstItem)
            : Backward<ExaminationAnswers>.To(LastPartOf(items, item - 1), answers with { Item = item - 1 });
    }

    protected override async Task<Opening<ExaminationAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        if (context.Member is not { } member)
        {
            return Opening<ExaminationAnswers>.Refuse(ExaminationTexts.NotRegistered);
        }

        var existing = await store.GetAsync(member.Id, cancellationToken);
        var checklist = existing is not null ? context.Campaign.FindChecklist(existing.ChecklistCode) : context.Campaign.ChecklistFor(member.Rank, member.UnitId);
        if (checklist is null)
        {
            return Opening<ExaminationAnswers>.Refuse(ExaminationTexts.NoChecklist);
        }

        if (existing is { IsEditable: false })
        {
            return Opening<ExaminationAnswers>.Refuse(ReadOnly(existing, checklist));
        }

        var resumeAt = existing is null ? 0 : Math.Clamp(existing.CurrentItem, 0, checklist.Items.Count);
        Text greeting;
        if (existing is { Status: ExaminationStatus.Returned })
        {
            var review = (await store.ListReviewsAsync(member.Id, cancellationToken)).LastOrDefault();
            greeting = ExaminationTexts.WasReturned(existing.Submissions, review?.Comment);
            resumeAt = checklist.Items.Count;
        }
        else
        {
            greeting = existing is null
                ? ExaminationTexts.Starting(checklist.Names(), checklist.Items.Count)
                : ExaminationTexts.Continuing(checklist.Names(), Math.Min(resumeAt + 1, checklist.Items.Count));
        }

        var answers = new ExaminationAnswers
        {
            Checklist = checklist.Code,
            Item = resumeAt,
            Given = new Dictionary<string, ExaminationAnswer>(existing?.Answers ?? new Dictionary<string, ExaminationAnswer>(), StringComparer.Ordinal),
        };
        await SaveDraftAsync(context, answers, cancellationToken);
        return Opening<ExaminationAnswers>.ProceedAt(StateAt(checklist.Items, resumeAt), greeting, answers);
    }

    private static Text ReadOnly(SelfExamination examination, ChecklistDefinition checklist) => ExaminationTexts.ReadOnly(
        examination.Submissions,
        examination.Status == ExaminationStatus.Accepted ? ExaminationTexts.StatusAccepted : ExaminationTexts.StatusWaiting,
        checklist,
        examination.Answers);

    /// <summary>What every item step understands besides its answer: save and leave, the summary, submit.</summary>
    private async Task<Read<ExaminationMove>> ReadAsync(
        string input,
        FlowStep<ExaminationAnswers> step,
        Func<string, FlowStep<ExaminationAnswers>, ChecklistItem, CancellationToken, Task<Read<ExaminationMove>>> answer,
        CancellationToken cancellationToken)
    {
        switch (input)
        {
            case "save" or "保存" or "保存退出":
                return await SaveAndGoAsync(step, step.Answers, "Saved", cancellationToken);
            case "review" or "总览":
                return await SaveAndGoAsync(step, step.Answers with { Item = Items(step).Count, BackToSummary = false }, Summary, cancellationToken);
            case "submit" or "提交":
                return await SubmitOrShowMissingAsync(step, cancellationToken);
        }

        return Current(step) is { } item ? await answer(input, step, item, cancellationToken) : ExaminationTexts.SubmitOrChange;
    }

    private async Task<Read<ExaminationMove>> ReadChoiceAsync(string input, FlowStep<ExaminationAnswers> step, ChecklistItem item, CancellationToken cancellationToken)
    {
        if (input is "skip" or "跳过" or "keep" or "保留")
        {
            return await SkipAsync(step, item, textPart: false, input is "keep" or "保留", cancellationToken);
        }

        if (ChecklistChoices.Parse(input) is not { } choice)
        {
            return ExaminationTexts.ChooseWithButtons;
        }

        var answers = step.Answers.With(item.Code, step.Answers.AnswerOf(item.Code) with { Choice = choice });
        return item.Answer == ChecklistAnswerKind.Both
            ? await SaveAndGoAsync(step, answers, Writing, cancellationToken)
            : await NextItemAsync(step, answers, cancellationToken);
    }

    private async Task<Read<ExaminationMove>> ReadTextAsync(string input, FlowStep<ExaminationAnswers> step, ChecklistItem item, CancellationToken cancellationToken)
    {
        if (input is "skip" or "跳过" or "keep" or "保留")
        {
            return await SkipAsync(step, item, textPart: true, input is "keep" or "保留", cancellationToken);
        }

        var text = ReadText(input);
        return text.IsAccepted
            ? await NextItemAsync(step, step.Answers.With(item.Code, step.Answers.AnswerOf(item.Code) with { Text = text.Value }), cancellationToken)
            : Read<ExaminationMove>.Refuse(text.Refusal!);
    }

    private async Task<Read<ExaminationMove>> SkipAsync(FlowStep<ExaminationAnswers> step, ChecklistItem item, bool textPart, bool keep, CancellationToken cancellationToken)
    {
        var answer = step.Answers.AnswerOf(item.Code);
        var hasIt = textPart ? !string.IsNullOrEmpty(answer.Text) : answer.Choice is not null;
        var mayOmit = !item.Required || (textPart && answer.Choice == ChecklistChoices.None);
        if (!hasIt && !mayOmit)
        {
            return ExaminationTexts.Required;
        }

        var answers = !keep && textPart && !hasIt && item.Answer == ChecklistAnswerKind.Text ? step.Answers.With(item.Code, answer with { Text = null }) : step.Answers;
        return !textPart && item.Answer == ChecklistAnswerKind.Both && hasIt
            ? await SaveAndGoAsync(step, answers, Writing, cancellationToken)
            : await NextItemAsync(step, answers, cancellationToken);
    }

    private async Task<Read<ExaminationMove>> ReadSummaryAsync(string input, FlowStep<ExaminationAnswers> step, CancellationToken cancellationToken)
    {
        var items = Items(step);
        if (input.StartsWith("go", StringComparison.Ordinal) && int.TryParse(input.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= items.Count)
        {
            return await SaveAndGoAsync(step, step.Answers with { Item = number - 1, BackToSummary = true }, StateAt(items, number - 1), cancellationToken);
        }

        return input switch
        {
            "save" or "保存" or "保存退出" => await SaveAndGoAsync(step, step.Answers, "Saved", cancellationToken),
            "submit" or "提交" when Missing(step) is { Count: > 0 } missing => ExaminationTexts.MissingItems(missing),
            "submit" or "提交" => await SubmitAsync(step, cancellationToken),
            _ => ExaminationTexts.SubmitOrChange,
        };
    }

    /// <summary>Submit typed at an item: submits as the summary's button does, or says what is missing and shows the summary.</summary>
    private async Task<Read<ExaminationMove>> SubmitOrShowMissingAsync(FlowStep<ExaminationAnswers> step, CancellationToken cancellationToken)
    {
        if (Missing(step) is { Count: > 0 } missing)
        {
            step.Context.Reply(ExaminationTexts.MissingItems(missing));
            return await SaveAndGoAsync(step, step.Answers with { Item = Items(step).Count, BackToSummary = false }, Summary, cancellationToken);
        }

        return await SubmitAsync(step, cancellationToken);
    }

    /// <summary>The item after this one, or the summary again when the item was opened from it.</summary>
    private Task<ExaminationMove> NextItemAsync(FlowStep<ExaminationAnswers> step, ExaminationAnswers answers, CancellationToken cancellationToken)
    {
        var items = Items(step);
        var next = answers.BackToSummary ? items.Count : Math.Min(answers.Item + 1, items.Count);
        return SaveAndGoAsync(step, answers with { Item = next, BackToSummary = false }, StateAt(items, next), cancellationToken);
    }

    private async Task<ExaminationMove> SaveAndGoAsync(FlowStep<ExaminationAnswers> step, ExaminationAnswers answers, string to, CancellationToken cancellationToken)
    {
        await SaveDraftAsync(step.Context, answers, cancellationToken);
        return new ExaminationMove(answers, to);
    }

    private static List<(int Number, ChecklistItem Item)> Missing(FlowStep<ExaminationAnswers> step) =>
        Items(step).Select((item, i) => (Number: i + 1, Item: item))
            .Where(x => x.Item.Required && !ExaminationTexts.IsComplete(x.Item, step.Answers.AnswerOf(x.Item.Code)))
            .ToList();

    private async Task SaveDraftAsync(FlowContext context, ExaminationAnswers answers, CancellationToken cancellationToken)
    {
        if (context.Member is not { } member || context.Campaign.FindChecklist(answers.Checklist ?? string.Empty) is not { } checklist)
        {
            return;
        }

        var existing = await store.GetAsync(member.Id, cancellationToken);
        if (existing is { IsEditable: false })
        {
            return;
        }

        await store.SaveAsync(
            new SelfExamination
            {
                MemberId = member.Id,
                MemberName = member.Name,
                UnitId = member.UnitId,
                ChecklistCode = checklist.Code,
                Status = existing?.Status ?? ExaminationStatus.Draft,
                Answers = answers.Given,
                CurrentItem = Math.Min(answers.Item, checklist.Items.Count - 1),
                Submissions = existing?.Submissions ?? 0,
                SubmittedAt = existing?.SubmittedAt,
                UpdatedAt = context.Now,
            },
            cancellationToken);
    }

    private async Task<ExaminationMove> SubmitAsync(FlowStep<ExaminationAnswers> step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var member = context.Member!;
        var checklist = context.Campaign.FindChecklist(step.Answers.Checklist ?? string.Empty)!;
        var existing = await store.GetAsync(member.Id, cancellationToken);
        if (existing is { Status: ExaminationStatus.Accepted })
        {
            context.Reply(ReadOnly(existing, checklist));
            return new ExaminationMove(step.Answers with { Submitted = 0 }, "Submitted");
        }

        // Submitted already means this update is being handled again (a save conflict): tell the same things again,
        // under the same derived ids, so nothing is sent twice and nothing is lost.
        var submitted = existing is { Status: ExaminationStatus.Submitted } ? existing : await StoreSubmissionAsync(context, member, checklist, step.Answers, existing, cancellationToken);
        var reviewersOfIt = await reviewers.ForAsync(submitted, cancellationToken);
        var unit = context.Campaign.FindUnit(member.UnitId);
        foreach (var reviewer in reviewersOfIt)
        {
            var language = reviewer.Language;
            context.Notify(reviewer.PrivateChat, TextMessage.In(ExaminationTexts.SubmittedNotice(member.Name, unit?.NameIn(language) ?? member.UnitId, submitted.Submissions), language, "review", ExaminationTexts.OpenReview));
        }

        return new ExaminationMove(step.Answers with { Submitted = submitted.Submissions, ReviewerTold = reviewersOfIt.Count > 0 }, "Submitted");
    }

    private async Task<SelfExamination> StoreSubmissionAsync(FlowContext context, Member member, ChecklistDefinition checklist, ExaminationAnswers answers, SelfExamination? existing, CancellationToken cancellationToken)
    {
        var number = (existing?.Submissions ?? 0) + 1;
        await store.AddVersionAsync(new ExaminationVersion(member.Id, member.UnitId, number, answers.Given, context.Now), cancellationToken);
        var submitted = new SelfExamination
        {
            MemberId = member.Id,
            MemberName = member.Name,
            UnitId = member.UnitId,
            ChecklistCode = checklist.Code,
            Status = ExaminationStatus.Submitted,
            Answers = answers.Given,
            CurrentItem = 0,
            Submissions = number,
            SubmittedAt = context.Now,
            UpdatedAt = context.Now,
        };
        await store.SaveAsync(submitted, cancellationToken);
        return submitted;
    }

    private static Prompt ChoicePrompt(FlowStep<ExaminationAnswers> step)
    {
        var items = Items(step);
        if (Current(step) is not { } item)
        {
            return ExaminationTexts.SubmitOrChange;
        }

        var choice = step.Answers.AnswerOf(item.Code).Choice;
        var text = ExaminationTexts.ItemWithChoice(step.Answers.Item + 1, items.Count, item, ChecklistChoices.Name(choice), ChecklistChoices.Name(choice, true));
        var skip = choice is not null ? new Choice(ExaminationTexts.KeepAnswer, "keep") : item.Required ? null : new Choice(ExaminationTexts.Skip, "skip");
        return new Prompt(text, [
            ChecklistChoices.All.Select(c => new Choice(new Text(c.Chinese, c.English), c.Code)).ToList(),
            skip is null ? Navigation() : [skip, .. Navigation()],
        ]);
    }

    private static Prompt TextPrompt(FlowStep<ExaminationAnswers> step)
    {
        var items = Items(step);
        if (Current(step) is not { } item)
        {
            return ExaminationTexts.SubmitOrChange;
        }

        var answer = step.Answers.AnswerOf(item.Code);
        var ask = item.Answer == ChecklistAnswerKind.Both
            ? ExaminationTexts.EvidenceFor(step.Answers.Item + 1, items.Count, answer.Choice, MaxTextLength)
            : ExaminationTexts.TextItem(step.Answers.Item + 1, items.Count, item, MaxTextLength);
        var shown = string.IsNullOrEmpty(answer.Text) ? null : ExaminationTexts.CurrentText(answer.Text);
        var first = !string.IsNullOrEmpty(answer.Text) ? new Choice(ExaminationTexts.KeepText, "keep")
            : !item.Required || answer.Choice == ChecklistChoices.None ? new Choice(ExaminationTexts.Skip, "skip")
            : null;
        return new Prompt(
            new Text(ask.Chinese + shown?.Chinese, ask.English + shown?.English),
            [first is null ? Navigation() : [first, .. Navigation()]]);
    }

    private static Prompt SummaryPrompt(FlowStep<ExaminationAnswers> step)
    {
        var checklist = step.Campaign.FindChecklist(step.Answers.Checklist ?? string.Empty);
        var items = checklist?.Items ?? [];
        var summary = checklist is null
            ? new Text(string.Empty, string.Empty)
            : new Text(ExaminationTexts.Summary(checklist, step.Answers.Given, false), ExaminationTexts.Summary(checklist, step.Answers.Given, true));
        var rows = Enumerable.Range(1, items.Count)
            .Select(n => new Choice(n.ToString(CultureInfo.InvariantCulture), "go" + n.ToString(CultureInfo.InvariantCulture)))
            .InRows(5);
        return new Prompt(new Text(summary.Chinese + ExaminationTexts.SummaryHint.Chinese, summary.English + ExaminationTexts.SummaryHint.English), [.. rows, [new Choice(ExaminationTexts.Submit, "submit"), new Choice(ExaminationTexts.SaveAndLeave, "save")]]);
    }

    private static List<Choice> Navigation() => [new Choice(ExaminationTexts.ToSummary, "review"), new Choice(ExaminationTexts.SaveAndLeave, "save")];
}
