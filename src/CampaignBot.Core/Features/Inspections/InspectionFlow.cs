using CampaignBot.Core.Features.Ledger;

namespace CampaignBot.Core.Features.Inspections;

/// <summary>What the inspector has gathered for one drawn unit: the checklist lines, the findings, the rating.</summary>
public sealed record InspectionAnswers
{
    public string? InspectionId { get; init; }

    public string? UnitId { get; init; }

    public string? UnitName { get; init; }

    public IReadOnlyList<ChecklistLine> Lines { get; init; } = [];

    /// <summary>The line at hand.</summary>
    public int Index { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>The finding (from 0) a ledger item is being opened for.</summary>
    public int? Current { get; init; }

    public string? Rating { get; init; }
}

/// <summary>
/// /inspect check &lt;id&gt; &lt;unit&gt;: the inspector (the office, or a supervisor of the unit) walks the unit's checklist, pre-filled
/// from the data, confirming or correcting each line; writes the findings; may open a ledger item (source: inspection) for
/// each; rates the unit; and submits. Submitting again replaces the unit's earlier checklist of the inspection.
/// </summary>
public sealed class InspectionFlow(IInspectionStore store, InspectionFacts facts, ILedgerIntake ledger, CampaignDefinition campaign)
    : DeclaredFlow<InspectionAnswers>("inspect", "inspect_check", InspectionTexts.FlowTitle)
{
    public const int MaxFindings = 10;
    public const int MaxTextLength = 300;

    private static readonly ConfirmWords SubmitOrChange = ConfirmWords.OrChange("submit", "提交");

    protected override void Declare(FlowBuilder<InspectionAnswers> flow)
    {
        flow.Step<InspectionAnswers>("CheckingLine", "shows one checklist line with what the data says: confirm it, or type what was found")
            .Prompt(LinePrompt)
            .Read((input, step) => ReadLine(input, step.Answers))
            .Keep((_, answers) => answers)
            .Next((_, answers) => answers.Index < answers.Lines.Count ? "CheckingLine" : "AddingFindings", ("CheckingLine", "LineChecked"), ("AddingFindings", "LastLineChecked"))
            .BackGoesTo(
                step => step.Answers.Index == 0
                    ? Backward<InspectionAnswers>.Refuse(InspectionTexts.FirstLine)
                    : Backward<InspectionAnswers>.To("CheckingLine", step.Answers with { Index = step.Answers.Index - 1 }),
                "CheckingLine");

        flow.Step<(InspectionAnswers Answers, bool Done)>("AddingFindings", "asks for the problems found, one a message, until done")
            .Prompt(step => new Prompt(InspectionTexts.AskFindings(step.Answers.Findings, MaxFindings, MaxTextLength), [[new Choice(InspectionTexts.Done, "done")]]))
            .Read((input, step) => ReadFinding(input, step.Answers))
            .Keep((_, value) => value.Answers)
            .Next(
                (_, value) => !value.Done ? "AddingFindings" : value.Answers.Findings.Count > 0 ? "ChoosingLedger" : "Rating",
                ("AddingFindings", "FindingAdded"), ("ChoosingLedger", "FindingsDone"), ("Rating", "NoFindings"))
            .BackGoesTo(step => Backward<InspectionAnswers>.To("CheckingLine", step.Answers with { Index = step.Answers.Lines.Count - 1 }), "CheckingLine");

        flow.Step<(InspectionAnswers Answers, bool Open)>("ChoosingLedger", "lists the findings: open a ledger item for one, or go on")
            .Prompt(LedgerChoicePrompt)
            .Read((input, step) => ReadLedgerChoice(input, step.Answers))
            .Keep((_, value) => value.Answers)
            .Next((_, value) => value.Open ? "AskingLedgerItem" : "Rating", ("AskingLedgerItem", "OpenItem"), ("Rating", "GoOn"))
            .BackGoesTo("AddingFindings");

        flow.Step<InspectionAnswers>("AskingLedgerItem", "asks the lead leader, the deadline and the measures; opens the ledger item")
            .Prompt(step => new Prompt(
                InspectionTexts.AskLedgerItem(step.Answers.Findings[step.Answers.Current ?? 0].Text, LedgerTexts.Date(step.Campaign.End)),
                [[new Choice(InspectionTexts.NoItem, "skip")]]))
            .ReadAsync(OpenLedgerItemAsync)
            .Keep((_, answers) => answers)
            .Next("ChoosingLedger", "ItemOpened")
            .BackGoesTo("ChoosingLedger");

        flow.Step<string>("Rating", "asks for the unit's rating: good, fairly good, average, poor")
            .Prompt(new Prompt(InspectionTexts.AskRating, [[.. Ratings.All.Select(r => new Choice(r.Name, r.Code))]]))
            .Read((input, _) => Ratings.All.FirstOrDefault(r => r.Code == input || r.Name.Chinese == input).Code is { } code ? code : InspectionTexts.PressRating)
            .Keep((a, rating) => a with { Rating = rating })
            .Next("Confirming", "Rated")
            .BackGoesTo("AddingFindings");

        flow.Step<bool>("Confirming", "shows the whole checklist to submit, or change the rating")
            .Prompt(step => new Prompt(
                InspectionTexts.Summary(step.Answers),
                [[new Choice(InspectionTexts.Submit, "submit"), new Choice(InspectionTexts.Change, "change")]]))
            .ReadConfirmationAsync(InspectionTexts.PressSubmit, SubmitAsync, SubmitOrChange)
            .Next("Submitted", "Submit");

        flow.Finish("Submitted", "confirms the checklist is saved", step => InspectionTexts.Submitted(step.Answers.UnitName ?? string.Empty, step.Answers.InspectionId ?? string.Empty))
            .Cancelled(InspectionTexts.FlowCancelled)
            .TimedOut(InspectionTexts.FlowTimedOut);
    }

    /// <summary>"ok"/属实 confirms the line; any other text (up to 300 characters) is what was found instead.</summary>
    public static Read<InspectionAnswers> ReadLine(string input, InspectionAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Index >= answers.Lines.Count)
        {
            return InspectionTexts.PressDone;
        }

        var line = answers.Lines[answers.Index];
        ChecklistLine walked;
        if (input is "ok" or "属实")
        {
            walked = line with { Confirmed = true, Correction = null };
        }
        else if (input.Length < 2)
        {
            return InspectionTexts.TooShort;
        }
        else if (input.Length > MaxTextLength)
        {
            return InspectionTexts.TooLong(MaxTextLength);
        }
        else
        {
            walked = line with { Confirmed = false, Correction = input };
        }

        return answers with { Lines = [.. answers.Lines.Select((l, i) => i == answers.Index ? walked : l)], Index = answers.Index + 1 };
    }

    public static Read<(InspectionAnswers, bool)> ReadFinding(string input, InspectionAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(answers);
        if (input is "done" or "完成")
        {
            return (answers, true);
        }

        if (answers.Findings.Count >= MaxFindings)
        {
            return InspectionTexts.TooManyFindings(MaxFindings);
        }

        if (input.Length < 4)
        {
            return InspectionTexts.TooShort;
        }

        return input.Length > MaxTextLength
            ? InspectionTexts.TooLong(MaxTextLength)
            : (answers with { Findings = [.. answers.Findings, new Finding(input)] }, false);
    }

    private static Read<(InspectionAnswers, bool)> ReadLedgerChoice(string input, InspectionAnswers answers)
    {
        if (input is "next" or "继续")
        {
            return (answers with { Current = null }, false);
        }

        if (input.StartsWith('f') && int.TryParse(input.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= answers.Findings.Count && answers.Findings[n - 1].LedgerItemId is null)
        {
            return (answers with { Current = n - 1 }, true);
        }

        return InspectionTexts.PressFinding;
    }

    private static Prompt LedgerChoicePrompt(FlowStep<InspectionAnswers> step)
    {
        var open = step.Answers.Findings.Select((f, i) => (f, i)).Where(x => x.f.LedgerItemId is null)
            .Select(x => new Choice(InspectionTexts.OpenItemFor(x.i + 1), Pressed.Value('f', x.i + 1)))
            .InRows();
        return new Prompt(InspectionTexts.ChooseLedger(step.Answers.Findings), [.. open, [new Choice(InspectionTexts.GoOn, "next")]]);
    }

    private static Prompt LinePrompt(FlowStep<InspectionAnswers> step)
    {
        var a = step.Answers;
        if (a.Index >= a.Lines.Count)
        {
            return InspectionTexts.PressDone;
        }

        var line = a.Lines[a.Index];
        return new Prompt(InspectionTexts.Line(a.Index + 1, a.Lines.Count, line), [[new Choice(InspectionTexts.Confirm, "ok")]]);
    }

    /// <summary>"牵头领导 yyyy-MM-dd 整改措施": the ledger's own rules (三落实, the deadline's range, a registered leader) decide.</summary>
    private async Task<Read<InspectionAnswers>> OpenLedgerItemAsync(string input, FlowStep<InspectionAnswers> step, CancellationToken cancellationToken)
    {
        var a = step.Answers;
        if (input is "skip" or "不立项")
        {
            return a with { Current = null };
        }

        var parts = input.Split([' ', '　'], 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 3 || a.Current is not { } index || index >= a.Findings.Count)
        {
            return InspectionTexts.LedgerFormat;
        }

        var finding = a.Findings[index];
        var request = new LedgerRequest(a.UnitId!, finding.Text, "other", ProblemSource.Inspection, [$"{a.InspectionId}/{a.UnitId}"], parts[2], parts[0], parts[1]);
        var (item, refusal) = await ledger.CreateAsync(request, step.Context.Member!, $"inspection/{a.InspectionId}/{a.UnitId}/{index}", step.Now, cancellationToken);
        if (item is null)
        {
            return Read<InspectionAnswers>.Refuse(refusal ?? LedgerTexts.NeedsThreeFixes);
        }

        step.Context.Reply(InspectionTexts.ItemOpened(item.Id, item.LeadLeaderName, LedgerTexts.Date(item.Deadline)));
        await ledger.NotifyAssignedAsync(step.Context, item, cancellationToken);
        return a with
        {
            Current = null,
            Findings = [.. a.Findings.Select((f, i) => i == index ? f with { LedgerItemId = item.Id } : f)],
        };
    }

    private async Task<Read<bool>> SubmitAsync(FlowStep<InspectionAnswers> step, CancellationToken cancellationToken)
    {
        var a = step.Answers;
        var member = step.Context.Member!;
        await store.SaveChecklistAsync(
            new UnitInspection
            {
                InspectionId = a.InspectionId!,
                UnitId = a.UnitId!,
                Lines = a.Lines,
                Findings = a.Findings,
                Rating = a.Rating ?? Ratings.Average,
                InspectorId = member.Id,
                InspectorName = member.Name,
                CompletedAt = step.Now,
            },
            cancellationToken);
        return true;
    }

    protected override async Task<Opening<InspectionAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var words = (context.Update.Content is CommandInput command ? command.Arguments : string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w == "check").ToArray();
        if (!InspectionAccess.MayInspect(context.Member))
        {
            return Opening<InspectionAnswers>.Refuse(InspectionTexts.NotAllowed);
        }

        if (words.Length < 2)
        {
            return Opening<InspectionAnswers>.Refuse(InspectionTexts.CheckUsage);
        }

        if (await store.GetAsync(words[0], cancellationToken) is not { } inspection)
        {
            return Opening<InspectionAnswers>.Refuse(InspectionTexts.NoSuchInspection);
        }

        var unitId = words[1];
        if (!inspection.Units.Contains(unitId))
        {
            return Opening<InspectionAnswers>.Refuse(InspectionTexts.NotDrawn(inspection.Id));
        }

        if (!campaign.Manages(context.Member, unitId))
        {
            return Opening<InspectionAnswers>.Refuse(InspectionTexts.NotYourUnit);
        }

        var lines = await facts.ChecklistAsync(unitId, context.Now, cancellationToken);
        var unitName = campaign.FindUnit(unitId)?.Name ?? unitId;
        var earlier = await store.GetChecklistAsync(inspection.Id, unitId, cancellationToken);
        return Opening<InspectionAnswers>.Proceed(
            InspectionTexts.CheckGreeting(unitName, inspection.Id, lines.Count, earlier is not null),
            new InspectionAnswers { InspectionId = inspection.Id, UnitId = unitId, UnitName = unitName, Lines = lines });
    }
}
