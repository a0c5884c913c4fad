namespace CampaignBot.Core.Features.Pledges;

/// <summary>One published pledge to report on.</summary>
public sealed record PledgeToReport(string Area, string Text);

/// <summary>What the check-in has gathered: the pledges to report on, the one at hand and its outcome.</summary>
public sealed record CheckInAnswers
{
    public IReadOnlyList<PledgeToReport> Pledges { get; init; } = [];

    public int Index { get; init; }

    public string? Outcome { get; init; }

    /// <summary>The month reported on ("2027-03"); this month when unset.</summary>
    public string? Period { get; init; }
}

/// <summary>
/// /checkin: keeping pledges (履约践诺), also started monthly by the scheduler. For each published pledge: kept,
/// partly or not yet, then a note (or skip). Each answer is recorded at once, one per pledge and month; answering
/// again in the month replaces it. "/checkin 2027-03" reports on last month (the scheduler asks so when it catches up
/// on a month missed during downtime); any other argument is ignored. Only the campaign's months are reported on: in
/// the month after its last, a /checkin reports on that last month; later, or before its first month, it is refused.
/// </summary>
public sealed class CheckInFlow(IPledgeStore store, CampaignCalendar calendar)
    : DeclaredFlow<CheckInAnswers>("checkin", "checkin", PledgeTexts.CheckInTitle)
{
    public const int MaxNoteLength = 300;

    protected override void Declare(FlowBuilder<CheckInAnswers> flow)
    {
        flow.Step<string>("AskingOutcome", "asks how one pledge was kept this month")
            .Prompt(OutcomePrompt)
            .Read((input, _) => PledgeOutcomes.All.FirstOrDefault(o => input == o.Code || input == o.Chinese).Code is { } code ? code : PledgeTexts.PressAnOutcome)
            .Keep((answers, outcome) => answers with { Outcome = outcome })
            .Next("AskingNote", "OutcomeGiven")
            .BackGoesTo(_ => Backward<CheckInAnswers>.Refuse(PledgeTexts.FirstStepOfPledge));

        flow.Step<CheckInAnswers>("AskingNote", "asks for a note on it, or skip")
            .Prompt(new Prompt(PledgeTexts.AskNote(MaxNoteLength), [[new Choice(PledgeTexts.Skip, "skip")]]))
            .ReadAsync(RecordAsync)
            .Keep((_, answers) => answers)
            .Next((_, answers) => answers.Index < answers.Pledges.Count ? "AskingOutcome" : "Done", ("AskingOutcome", "NoteGiven"), ("Done", "LastRecorded"));

        flow.Finish("Done", "thanks for the month's report", Done)
            .Cancelled(PledgeTexts.CheckInCancelled)
            .TimedOut(PledgeTexts.CheckInTimedOut);
    }

    protected override async Task<Opening<CheckInAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        if (context.Member is not { } member)
        {
            return Opening<CheckInAnswers>.Refuse(PledgeTexts.NotRegistered);
        }

        var areas = context.Campaign.PledgeAreas.Select(a => a.Code).ToList();
        var published = (await store.ListByMemberAsync(member.Id, cancellationToken)).Where(p => p.Status == PledgeStatus.Published).OrderBy(p => AreaOrder(areas, p.Area)).ToList();
        var period = RequestedPeriod(context) ?? PledgeCheckIns.PeriodOf(calendar, context.Now);
        var (first, last) = (MonthOf(context.Campaign.Start), MonthOf(context.Campaign.End));
        if (string.CompareOrdinal(period, last) > 0)
        {
            // The month after the last one may still report on it; later, or about a month after it, nobody does.
            var lastMonth = MonthOf(calendar.Today(context.Now).AddMonths(-1));
            if (lastMonth != last)
            {
                return Opening<CheckInAnswers>.Refuse(PledgeTexts.CheckInAfterCampaign(Day(context.Campaign.End)));
            }

            period = last;
        }

        if (string.CompareOrdinal(period, first) < 0)
        {
            return Opening<CheckInAnswers>.Refuse(PledgeTexts.CheckInBeforeCampaign(Day(context.Campaign.Start)));
        }

        return published.Count == 0
            ? Opening<CheckInAnswers>.Refuse(PledgeTexts.NothingPublished)
            : Opening<CheckInAnswers>.Proceed(
                PledgeTexts.CheckInIntroduction(period),
                new CheckInAnswers { Pledges = published.Select(p => new PledgeToReport(p.Area, p.Text)).ToList(), Period = period });
    }

    /// <summary>The month named after /checkin when it is this month or the one before; null otherwise.</summary>
    private string? RequestedPeriod(FlowContext context)
    {
        var today = calendar.Today(context.Now);
        var thisMonth = CampaignCalendar.MonthStart(today);
        return context.Update.Content is CommandInput { Arguments: var arguments }
            && DateOnly.TryParseExact(arguments.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && (first == thisMonth || first == thisMonth.AddMonths(-1))
                ? first.ToString("yyyy-MM", CultureInfo.InvariantCulture)
                : null;
    }

    private static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int AreaOrder(List<string> areas, string area) => areas.IndexOf(area) is var i and >= 0 ? i : areas.Count;

    /// <summary>Thanks for this month's report, or names the month a late report was filed under.</summary>
    private Text Done(FlowStep<CheckInAnswers> step) =>
        step.Answers.Period is { } period && period != PledgeCheckIns.PeriodOf(calendar, step.Now) ? PledgeTexts.CheckInDoneFor(period) : PledgeTexts.CheckInDone;

    private Prompt OutcomePrompt(FlowStep<CheckInAnswers> step)
    {
        var answers = step.Answers;
        if (answers.Index >= answers.Pledges.Count)
        {
            return Done(step);
        }

        var pledge = answers.Pledges[answers.Index];
        var name = step.Campaign.PledgeAreas.FirstOrDefault(a => a.Code == pledge.Area).NamesOr(pledge.Area);
        return new Prompt(
            PledgeTexts.AskOutcome(answers.Index + 1, answers.Pledges.Count, name, pledge.Text),
            [PledgeOutcomes.All.Select(o => new Choice(new Text(o.Chinese, o.English), o.Code)).ToList()]);
    }

    private async Task<Read<CheckInAnswers>> RecordAsync(string input, FlowStep<CheckInAnswers> step, CancellationToken cancellationToken)
    {
        var note = input is "skip" or "跳过" ? null : input.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            return PledgeTexts.NoteTooLong(MaxNoteLength);
        }

        var answers = step.Answers;
        var member = step.Context.Member!;
        var area = answers.Pledges[answers.Index].Area;
        await store.RecordCheckInAsync(new PledgeCheckIn(member.Id, member.UnitId, area, answers.Period ?? PledgeCheckIns.PeriodOf(calendar, step.Now), answers.Outcome!, note, step.Now), cancellationToken);
        return answers with { Index = answers.Index + 1, Outcome = null };
    }
}
