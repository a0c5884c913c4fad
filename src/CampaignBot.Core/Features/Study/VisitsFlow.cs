namespace CampaignBot.Core.Features.Study;

/// <summary>What /visits has gathered so far.</summary>
public sealed record VisitsAnswers
{
    /// <summary>"pair", "visit", "manage" (rename or remove a pairing) or "rename".</summary>
    public string Mode { get; init; } = "pair";

    public IReadOnlyList<ListedItem> Houses { get; init; } = [];

    public ListedItem? House { get; init; }

    public DateOnly? Date { get; init; }
}

/// <summary>
/// /visits (leaders, 走亲连心): pair with a household under a short label, log a visit to a paired household with its
/// date and what was done, or rename or remove a pairing; shows the count against the minimum and the visits in the
/// set periods. Ids derive from the update, so a re-run stores nothing twice.
/// </summary>
public sealed class VisitsFlow(StudyServices services) : DeclaredFlow<VisitsAnswers>("visits", "visits", StudyTexts.VisitsTitle)
{
    protected override void Declare(FlowBuilder<VisitsAnswers> flow)
    {
        flow.Opens(StudySteps.LeadersOnly<VisitsAnswers>(rank => rank.HouseholdVisits, StudyTexts.VisitsNotForYou));

        flow.Step<VisitsAnswers>("Choosing", "offers to log a visit, pair with a household, or rename or remove one")
            .Prompt(new Prompt(StudyTexts.VisitsMenu, StudySteps.Column([
                new Choice(StudyTexts.LogVisit, "visit"), new Choice(StudyTexts.PairHousehold, "pair"), new Choice(StudyTexts.ManageHouseholds, "manage")])))
            .ReadAsync(ChooseAsync)
            .Keep((_, answers) => answers)
            .Next((_, answers) => answers.Mode == "pair" ? "AwaitingLabel" : "PickingHousehold", "AwaitingLabel", "PickingHousehold")
            .AsksNothingOfTheUser();

        flow.Step<string>("AwaitingLabel", "asks a short label for the household; pairs or renames")
            .Prompt(StudyTexts.AskLabel(Household.MaxLabelLength))
            .ReadAsync(PairOrRenameAsync)
            .Next("Done", "Paired")
            .BackGoesTo("Choosing");

        flow.Step<ListedItem>("PickingHousehold", "lists the paired households to pick one")
            .Prompt(step => new Prompt(
                step.Answers.Mode == "visit" ? StudyTexts.WhichHousehold : StudyTexts.WhichHouseholdToChange,
                StudySteps.Column(step.Answers.Houses.Select((h, i) => new Choice(h.Line, Pressed.Value('h', i))))))
            .Read((input, step) => StudySteps.Picked(input, 'h', step.Answers.Houses) is { } house ? house : StudyTexts.ChooseWithButtons)
            .Keep((answers, house) => answers with { House = house })
            .Next((step, _) => step.Answers.Mode == "visit" ? "AwaitingDate" : "HouseholdAction", "AwaitingDate", "HouseholdAction")
            .BackGoesTo("Choosing");

        flow.Step<string>("HouseholdAction", "asks whether to rename or remove the pairing")
            .Prompt(step => new Prompt(StudyTexts.HouseholdAction(step.Answers.House?.Line ?? "-"), [[new Choice(StudyTexts.Rename, "rename"), new Choice(StudyTexts.RemovePairing, "remove")]]))
            .ReadAsync(RenameOrRemoveAsync)
            .Keep((answers, action) => answers with { Mode = action })
            .Next((_, action) => action == "rename" ? "AwaitingLabel" : "Done", "AwaitingLabel", "Done")
            .BackGoesTo("PickingHousehold");

        flow.Step<DateOnly>("AwaitingDate", "asks the day of the visit")
            .Prompt(StudySteps.DatePrompt(StudyTexts.AskVisitDate))
            .Read((input, step) => StudySteps.ReadDate(input, step.Context, services.Calendar))
            .Keep((answers, date) => answers with { Date = date })
            .Next("AwaitingWhatDone", "DateGiven")
            .BackGoesTo("PickingHousehold");

        flow.Step<string>("AwaitingWhatDone", "asks what was done; saves the visit")
            .Prompt(StudyTexts.AskWhatDone)
            .ReadAsync(StudySteps.NoteThen<VisitsAnswers>(optional: false, SaveVisitAsync))
            .Next("Done", "Saved");

        flow.Finish("Done", "the pairing or visit is saved (said by the step)")
            .Cancelled(StudyTexts.Cancelled)
            .TimedOut(StudyTexts.VisitsTimedOut);
    }

    /// <summary>A household's label: short, saying which household it is, and holding no phone or ID number.</summary>
    public static Read<string> ReadLabel(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var label = input.Trim();
        Text? problem = label switch
        {
            "" => StudyTexts.LabelEmpty,
            { Length: > Household.MaxLabelLength } => StudyTexts.LabelTooLong(Household.MaxLabelLength),
            _ when label.Count(char.IsAsciiDigit) >= 6 => StudyTexts.LabelHoldsNumber,
            _ when label.StartsWith('/') || label.Any(char.IsControl) => StudyTexts.LabelBadCharacters,
            _ when !StudySteps.SaysSomething(label) => StudyTexts.LabelSaysNothing,
            _ => null,
        };
        return problem is null ? label : StudyTexts.LabelRefused(problem);
    }

    private async Task<Read<VisitsAnswers>> ChooseAsync(string input, FlowStep<VisitsAnswers> step, CancellationToken cancellationToken)
    {
        if (input is "pair")
        {
            return new VisitsAnswers { Mode = "pair" };
        }

        if (input is not ("visit" or "manage"))
        {
            return StudyTexts.ChooseWithButtons;
        }

        var houses = (await services.Households.ListAsync(null, step.Context.Member!.Id, cancellationToken).ConfigureAwait(false)).Take(ChoiceRows.MaxListed).ToList();
        return houses.Count == 0
            ? StudyTexts.NoHouseholds
            : new VisitsAnswers { Mode = input, Houses = [.. houses.Select(h => new ListedItem(h.Id, h.Label))] };
    }

    private async Task<Read<string>> PairOrRenameAsync(string input, FlowStep<VisitsAnswers> step, CancellationToken cancellationToken)
    {
        var read = ReadLabel(input);
        if (!read.IsAccepted)
        {
            return read;
        }

        var label = read.Value!;
        var context = step.Context;
        var member = context.Member!;
        if (step.Answers is { Mode: "rename", House: { } house })
        {
            if (!await services.Households.RenameAsync(house.Id, label, cancellationToken).ConfigureAwait(false))
            {
                return StudyTexts.LabelAlreadyUsed;
            }

            await ReportAsync(context, StudyTexts.Renamed(house.Line, label), cancellationToken).ConfigureAwait(false);
            return label;
        }

        var id = $"house:{context.Update.UpdateId}";
        var added = await services.Households.AddAsync(
            new Household { Id = id, MemberId = member.Id, UnitId = member.PrimaryUnitId, Label = label, PairedAt = context.Now },
            cancellationToken).ConfigureAwait(false);
        if (!added && (await services.Households.ListAsync(null, member.Id, cancellationToken).ConfigureAwait(false)).All(h => h.Id != id))
        {
            return StudyTexts.LabelAlreadyUsed;
        }

        await ReportAsync(context, StudyTexts.Paired(label), cancellationToken).ConfigureAwait(false);
        return label;
    }

    private async Task<Read<string>> RenameOrRemoveAsync(string input, FlowStep<VisitsAnswers> step, CancellationToken cancellationToken)
    {
        switch (input)
        {
            case "rename" or "改称呼":
                return "rename";
            case "remove" or "解除结对" when step.Answers.House is { } house:
                var member = step.Context.Member!;
                var visits = (await services.Log.ListAsync(null, member.Id, ActivityKind.Visit, cancellationToken).ConfigureAwait(false)).Where(v => v.Place == house.Id).ToList();
                foreach (var visit in visits)
                {
                    await services.Log.RemoveAsync(visit.Id, cancellationToken).ConfigureAwait(false);
                }

                await services.Households.RemoveAsync(house.Id, cancellationToken).ConfigureAwait(false);
                await ReportAsync(step.Context, StudyTexts.HouseholdRemoved(house.Line, visits.Count), cancellationToken).ConfigureAwait(false);
                return "remove";
            default:
                return StudyTexts.ChooseWithButtons;
        }
    }

    private async Task SaveVisitAsync(string whatDone, FlowStep<VisitsAnswers> step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var (house, date) = (step.Answers.House!, step.Answers.Date!.Value);
        await services.Log.AddAsync(StudySteps.OwnEntry(context, ActivityKind.Visit, date) with { Place = house.Id, Note = whatDone }, cancellationToken).ConfigureAwait(false);
        var inWindow = services.Progress.InWindow(context.Member!.PrimaryUnitId, date);
        await ReportAsync(context, StudyTexts.VisitLogged(StudySteps.DateText(date), house.Line, inWindow), cancellationToken).ConfigureAwait(false);
    }

    private async Task ReportAsync(FlowContext context, Text what, CancellationToken cancellationToken)
    {
        var standing = await services.Progress.ForMemberAsync(context.Member!, cancellationToken).ConfigureAwait(false);
        context.Reply(StudyTexts.VisitReport(what, standing, new Text(
            string.Join("、", context.Campaign.VisitWindows.Select(w => w.Name)), string.Join(", ", context.Campaign.VisitWindows.Select(w => w.NameIn(Language.English))))));
    }
}
