namespace CampaignBot.Core.Features.Ledger;

/// <summary>What /ledger add has gathered: the unit, the problem, its category, the measures, the lead leader, the deadline.</summary>
public sealed record LedgerAddAnswers
{
    public string? UnitId { get; init; }

    public string? Problem { get; init; }

    public string? Category { get; init; }

    public string? Measures { get; init; }

    public string? LeaderId { get; init; }

    public string? LeaderName { get; init; }

    public DateOnly? Deadline { get; init; }

    /// <summary>The unit's registered people (id, name) offered as lead leaders, loaded when the flow opens.</summary>
    public IReadOnlyList<string> People { get; init; } = [];

    public string? ItemId { get; init; }
}

/// <summary>
/// /ledger add (a secretary for their unit; the office or a supervisor with /ledger add &lt;unit&gt;): the problem, its
/// category, the measures, the lead leader, the deadline, then confirm. 三落实 is asked step by step, so nothing is saved
/// without all three.
/// </summary>
public sealed class LedgerAddFlow(LedgerService service, IMemberStore members)
    : DeclaredFlow<LedgerAddAnswers>("ledgeradd", "ledger_add", LedgerTexts.AddTitle)
{
    protected override void Declare(FlowBuilder<LedgerAddAnswers> flow)
    {
        flow.Step<string>("AskingProblem", "asks what the problem is")
            .Prompt(step => LedgerTexts.AskProblem(service.MaxText))
            .Read((input, _) => ReadText(input, service.MaxText))
            .Keep((a, problem) => a with { Problem = problem })
            .Next("AskingCategory", "ProblemGiven");

        flow.Step<string>("AskingCategory", "asks the category: the four winds, the ten problem areas or other")
            .Prompt(step => new Prompt(LedgerTexts.AskCategory, ProblemCategories.All(step.Campaign)
                .Select((c, i) => new Choice(new Text($"{i + 1}. {c.Name}", $"{i + 1}. {c.NameIn(Language.English)}"), Pressed.Value('c', i + 1)))
                .InRows()))
            .Read((input, step) => ProblemCategories.Read(step.Campaign, input))
            .Keep((a, category) => a with { Category = category })
            .Next("AskingMeasures", "CategoryChosen");

        flow.Step<string>("AskingMeasures", "asks the measures (整改措施)")
            .Prompt(step => LedgerTexts.AskMeasures(service.MaxText))
            .Read((input, _) => ReadText(input, service.MaxText))
            .Keep((a, measures) => a with { Measures = measures })
            .Next("AskingLeader", "MeasuresGiven");

        flow.Step<(string Id, string Name)>("AskingLeader", "asks the lead leader: a button per member of the unit, or a name")
            .Prompt(step => new Prompt(LedgerTexts.AskLeader, step.Answers.People.Take(ChoiceRows.MaxListed)
                .Select((p, i) => new Choice(p[(p.IndexOf('\t', StringComparison.Ordinal) + 1)..], Pressed.Value('p', i)))
                .InRows()))
            .Read((input, step) => ReadLeader(input, step.Answers.People))
            .Keep((a, leader) => a with { LeaderId = leader.Id, LeaderName = leader.Name })
            .Next("AskingDeadline", "LeaderChosen");

        flow.Step<DateOnly>("AskingDeadline", "asks the deadline, between today and the campaign's end")
            .Prompt(step => LedgerTexts.AskDeadline(LedgerTexts.Date(step.Campaign.End)))
            .Read((input, step) => service.ParseDeadline(input, step.Now) is { } date ? date : LedgerTexts.BadDeadline(LedgerTexts.Date(step.Campaign.End)))
            .Keep((a, deadline) => a with { Deadline = deadline })
            .Next("Confirming", "DeadlineGiven");

        flow.Step<string>("Confirming", "shows the item to save, or go back and change it")
            .Prompt(step => new Prompt(LedgerTexts.Confirm(step.Answers.Problem, step.Answers.Measures, step.Answers.LeaderName, step.Answers.Deadline is { } d ? LedgerTexts.Date(d) : "?"),
                [[new Choice(LedgerTexts.Save, "ok"), new Choice(LedgerTexts.Change, "back")]]))
            .ReadConfirmationAsync(LedgerTexts.PressSave, SaveAsync)
            .Keep((a, id) => a with { ItemId = id })
            .Next("Saved", "Confirmed");

        flow.Finish("Saved", "names the new item", step => LedgerTexts.Saved(step.Answers.ItemId ?? string.Empty))
            .Cancelled(LedgerTexts.AddCancelled)
            .TimedOut(LedgerTexts.AddTimedOut);
    }

    public static Read<string> ReadText(string input, int max)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Trim();
        return text.Length switch
        {
            < 2 => LedgerTexts.TooShort,
            _ when text.Length > max => LedgerTexts.TooLong(max),
            _ => text,
        };
    }

    /// <summary>A pressed member button ("p3") or a name or member id among the unit's people.</summary>
    public static Read<(string Id, string Name)> ReadLeader(string input, IReadOnlyList<string> people)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(people);
        var entries = people.Select(p => (Id: p[..p.IndexOf('\t', StringComparison.Ordinal)], Name: p[(p.IndexOf('\t', StringComparison.Ordinal) + 1)..])).ToList();
        if (Pressed.Index(input, 'p', entries.Count) is { } index)
        {
            return entries[index];
        }

        var matches = entries.Where(e => e.Id == input || e.Name == input).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => LedgerTexts.NoLeader(input.Length <= 24 ? input : input[..24] + "…"),
            _ => LedgerTexts.AmbiguousLeader(input),
        };
    }

    protected override async Task<Opening<LedgerAddAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var words = context.Update.Content is CommandInput command ? command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        var named = words.FirstOrDefault(w => context.Campaign.FindUnit(w) is not null);
        var unitId = named ?? context.Member?.UnitId;
        if (context.Member is null || unitId is null || !context.Campaign.Manages(context.Member, unitId))
        {
            return Opening<LedgerAddAnswers>.Refuse(LedgerTexts.NotAllowed);
        }

        var people = (await members.ListAsync(unitId, cancellationToken)).Where(m => m.Role != Roles.CampaignOffice).OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => $"{m.Id}\t{m.Name}").ToList();
        return Opening<LedgerAddAnswers>.Proceed(LedgerTexts.AddGreeting(context.Campaign.FindUnit(unitId)?.Name ?? unitId), new LedgerAddAnswers { UnitId = unitId, People = people });
    }

    private async Task<Read<string>> SaveAsync(FlowStep<LedgerAddAnswers> step, CancellationToken cancellationToken)
    {
        var a = step.Answers;
        var source = step.Context.Member!.Role == Roles.Supervisor ? ProblemSource.Supervisor : ProblemSource.Examination;
        var request = new LedgerRequest(a.UnitId!, a.Problem ?? string.Empty, a.Category ?? ProblemCategories.Other, source, [], a.Measures ?? string.Empty, a.LeaderId ?? string.Empty, a.Deadline is { } d ? LedgerTexts.Date(d) : string.Empty);
        var (item, refusal) = await service.CreateAsync(request, step.Context.Member!, step.Context.Update.UpdateId, step.Now, cancellationToken);
        if (item is null)
        {
            return refusal!;
        }

        await service.NotifyAssignedAsync(step.Context, item, cancellationToken);
        return item.Id;
    }
}
