namespace CampaignBot.Core.Features.Study;

/// <summary>What /research has gathered so far.</summary>
public sealed record ResearchAnswers
{
    /// <summary>The entry being corrected, or null for a new one.</summary>
    public string? FixId { get; init; }

    public DateOnly? Date { get; init; }

    public int HalfDays { get; init; }

    public string? Place { get; init; }

    public string? Findings { get; init; }

    public IReadOnlyList<ListedItem> Recent { get; init; } = [];

    public ListedItem? Picked { get; init; }
}

/// <summary>
/// /research (leaders): a field-research stay (蹲点调研): date, days, place, findings, opinions collected there; recent
/// entries can be corrected or deleted. Ids derive from the update, so a re-run stores nothing twice.
/// </summary>
public sealed class ResearchFlow(StudyServices services) : DeclaredFlow<ResearchAnswers>("research", "research", StudyTexts.ResearchTitle)
{
    private const int RecentShown = 5;

    protected override void Declare(FlowBuilder<ResearchAnswers> flow)
    {
        flow.Opens(StudySteps.LeadersOnly<ResearchAnswers>(rank => rank.FieldResearchDays, StudyTexts.ResearchNotForYou));

        flow.Step<(string Next, ResearchAnswers Answers)>("AwaitingDate", "asks the first day, or offers recent entries to correct")
            .Prompt(StudySteps.DatePrompt(StudyTexts.AskResearchDate, new Choice(StudyTexts.RecentResearch, "list")))
            .ReadAsync(ReadDateOrListAsync)
            .Keep((_, read) => read.Answers)
            .Next((_, read) => read.Next, "AwaitingLength", "PickingEntry");

        flow.Step<int>("AwaitingLength", "asks the number of days in half-day steps")
            .Prompt(StudySteps.LengthPrompt(StudyTexts.AskResearchLength))
            .Read((input, _) => StudySteps.ReadLength(input, StudyTexts.ResearchLength))
            .Keep((answers, halfDays) => answers with { HalfDays = halfDays })
            .Next("AwaitingPlace");

        flow.Step<string>("AwaitingPlace", "asks where")
            .Prompt(StudyTexts.AskPlace)
            .Read((input, _) => StudySteps.ReadNote(input, optional: false))
            .Keep((answers, place) => answers with { Place = place })
            .Next("AwaitingFindings");

        flow.Step<string>("AwaitingFindings", "asks what was found")
            .Prompt(StudyTexts.AskFindings)
            .Read((input, _) => StudySteps.ReadNote(input, optional: false))
            .Keep((answers, findings) => answers with { Findings = findings })
            .Next("AwaitingOpinions");

        flow.Step<string>("AwaitingOpinions", "asks the opinions collected or skip; saves the entry")
            .Prompt(StudySteps.NotePrompt(StudyTexts.AskOpinions))
            .ReadAsync(StudySteps.NoteThen<ResearchAnswers>(optional: true, SaveAsync))
            .Next("Done", "Saved");

        flow.Step<string>("PickingEntry", "lists recent entries to pick one")
            .Prompt(step => new Prompt(StudyFlow.Numbered(StudyTexts.RecentResearchEntries, step.Answers.Recent), StudyFlow.NumberButtons(step.Answers.Recent.Count)))
            .Read((input, step) => StudySteps.Picked(input, 'e', step.Answers.Recent) is { } item ? item.Id : StudyTexts.ChooseWithButtons)
            .Keep((answers, id) => answers with { Picked = answers.Recent.First(r => r.Id == id) })
            .Next("EntryAction", "EntryPicked")
            .BackGoesTo("AwaitingDate");

        flow.Step<string>("EntryAction", "asks whether to correct or delete the picked entry")
            .Prompt(step => new Prompt(StudyTexts.WhatToDoWith(step.Answers.Picked?.Line ?? "-"), [[new Choice(StudyTexts.Correct, "fix"), new Choice(StudyTexts.Delete, "delete")]]))
            .ReadAsync(CorrectOrDeleteAsync)
            .Keep((answers, action) => action == "fix" ? new ResearchAnswers { FixId = answers.Picked?.Id } : answers)
            .Next((_, action) => action == "fix" ? "AwaitingDate" : "Done", "AwaitingDate", "Done")
            .BackGoesTo("PickingEntry");

        flow.Finish("Done", "the entry is saved or deleted (said by the step)")
            .Cancelled(StudyTexts.Cancelled)
            .TimedOut(StudyTexts.ResearchTimedOut);
    }

    private async Task<Read<(string, ResearchAnswers)>> ReadDateOrListAsync(string input, FlowStep<ResearchAnswers> step, CancellationToken cancellationToken)
    {
        if (input is "list")
        {
            var recent = (await services.Log.ListAsync(null, step.Context.Member!.Id, ActivityKind.Research, cancellationToken).ConfigureAwait(false)).TakeLast(RecentShown).Reverse().ToList();
            return recent.Count == 0
                ? StudyTexts.NoResearchEntries
                : ("PickingEntry", step.Answers with { Recent = [.. recent.Select(e => new ListedItem(e.Id, StudySteps.Line(e, step.Campaign, step.Language)))] });
        }

        var date = StudySteps.ReadDate(input, step.Context, services.Calendar);
        return date.IsAccepted ? ("AwaitingLength", step.Answers with { Date = date.Value }) : date.Refusal!;
    }

    private async Task SaveAsync(string opinions, FlowStep<ResearchAnswers> step, CancellationToken cancellationToken)
    {
        var (context, answers) = (step.Context, step.Answers);
        var entry = StudySteps.OwnEntry(context, ActivityKind.Research, answers.Date!.Value) with
        {
            HalfDays = answers.HalfDays,
            Place = answers.Place,
            Note = answers.Findings,
            Opinions = opinions is { Length: > 0 } ? opinions : null,
        };
        var corrected = answers.FixId is { } fixId && await services.Log.ReplaceAsync(entry with { Id = fixId }, cancellationToken).ConfigureAwait(false);
        if (!corrected)
        {
            await services.Log.AddAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        var standing = await services.Progress.ForMemberAsync(context.Member!, cancellationToken).ConfigureAwait(false);
        context.Reply(corrected ? StudyTexts.ResearchCorrected : StudyTexts.ResearchLogged(standing));
    }

    private async Task<Read<string>> CorrectOrDeleteAsync(string input, FlowStep<ResearchAnswers> step, CancellationToken cancellationToken)
    {
        switch (input)
        {
            case "fix" or "更正":
                return "fix";
            case "delete" or "删除" when step.Answers.Picked is { } picked:
                await services.Log.RemoveAsync(picked.Id, cancellationToken).ConfigureAwait(false);
                var standing = await services.Progress.ForMemberAsync(step.Context.Member!, cancellationToken).ConfigureAwait(false);
                step.Context.Reply(StudyTexts.EntryDeleted(standing));
                return "delete";
            default:
                return StudyTexts.ChooseWithButtons;
        }
    }
}
