using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Pledges;

namespace CampaignBot.Core.Features.Progress;

/// <summary>
/// Which units a caller may look at: a secretary their own; a supervisor their unit and those below it;
/// the office any unit, or all (null) when none is named.
/// </summary>
internal static class ProgressScope
{
    /// <summary>(allowed, unit id or null for all); a refusal has already been replied.</summary>
    public static (bool Allowed, string? UnitId) Resolve(FlowContext context, ExaminationReviewers units, IReadOnlyCollection<string>? tableKinds = null, bool ignoreArguments = false)
    {
        // "/export pledges csv <unit>": the unit is the word that is not a table kind or a format.
        var words = !ignoreArguments && context.Update.Content is CommandInput { Arguments: { Length: > 0 } args } ? args.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        bool IsKeyword(string w) => w is "examinations" or "pledges" or "csv" or "xlsx" || tableKinds?.Contains(w) == true;
        var requested = words.FirstOrDefault(w => !IsKeyword(w)) ?? words.FirstOrDefault();
        if (requested is not null && !IsKeyword(requested) && context.Campaign.FindUnit(requested) is null)
        {
            context.Reply(ProgressTexts.UnitNotInCampaign(requested.Length > 40 ? requested[..40] : requested));
            return (false, null);
        }

        var unit = requested is null || IsKeyword(requested) ? null : requested;
        switch (context.Member)
        {
            case { Role: Roles.CampaignOffice }:
                return (true, unit);
            case { Role: Roles.Supervisor } supervisor when unit is null || units.UnitAndAncestors(unit).Contains(supervisor.UnitId):
                return (true, unit ?? supervisor.UnitId);
            case { Role: Roles.Secretary } secretary when unit is null || unit == secretary.UnitId:
                return (true, secretary.UnitId);
            case { Role: Roles.Secretary or Roles.Supervisor }:
                context.Reply(ProgressTexts.YouCanOnlySee);
                return (false, null);
            default:
                context.Reply(ProgressTexts.OnlySecretariesSupervisorsCampaign);
                return (false, null);
        }
    }
}

/// <summary>
/// /progress [unit|page]: who has submitted, been returned, accepted, not started; pledges made and kept. For all units
/// (the office) the names give way to one line per unit, units behind first, a phone screen per page
/// (<see cref="UnitsPerPage"/>): <c>/progress 2</c> or the page buttons turn the pages. A supervisor's own unit lists the
/// units below it the same way, a shorter page (<see cref="UnitsBelowPerPage"/>).
/// </summary>
public sealed class ProgressCommand(IMemberStore memberStore, IExaminationStore examinations, IPledgeStore pledgeStore, ExaminationReviewers units, Campaign.CampaignCalendar calendar, IEnumerable<IProgressSection> sections) : ICommandHandler, IButtonHandler
{
    public const int UnitsPerPage = 12;

    /// <summary>Units below a supervisor's own unit on one page: fewer than city-wide, as the page also holds the unit's own standing.</summary>
    public const int UnitsBelowPerPage = 8;

    /// <summary>A unit is behind when its examinations are not all in and its deadline is this close (or past).</summary>
    public const int BehindWithinDays = 7;

    public const string PagePrefix = "progress";

    public string Command => "progress";

    public string Prefix => PagePrefix;

    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public static string PagePayload(int page) => $"{PagePrefix}:page:{page.ToString(CultureInfo.InvariantCulture)}";

    public Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // "/progress 2": a page of the all-units view (a word that names no unit and is a number).
        var words = context.Update.Content is CommandInput { Arguments: var args } ? args.Trim() : string.Empty;
        if (words.Length is > 0 and <= 4 && context.Campaign.FindUnit(words) is null && int.TryParse(words, NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            return PageAsync(context, page, cancellationToken);
        }

        var (allowed, unitId) = ProgressScope.Resolve(context, units);
        return allowed ? ReplyAsync(context, unitId, 1, cancellationToken) : Task.CompletedTask;
    }

    public Task HandleAsync(FlowContext context, ButtonPress press, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(press);
        if (press.Payload.Split(':') is not [PagePrefix, "page", var number] || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            context.RefusePress(ProgressTexts.BadPageButton);
            return Task.CompletedTask;
        }

        return PageAsync(context, page, cancellationToken);
    }

    private Task PageAsync(FlowContext context, int page, CancellationToken cancellationToken)
    {
        var (allowed, unitId) = ProgressScope.Resolve(context, units, tableKinds: null, ignoreArguments: true);
        return allowed ? ReplyAsync(context, unitId, Math.Max(1, page), cancellationToken) : Task.CompletedTask;
    }

    private async Task ReplyAsync(FlowContext context, string? unitId, int page, CancellationToken cancellationToken)
    {
        var members = (await memberStore.ListAsync(unitId, cancellationToken)).Where(m => m.IsActive && m.TakesPart).ToList();
        var exams = (await MemberRecords.OfAsync(members, unitId, u => examinations.ListAsync(u, cancellationToken), e => e.MemberId)).ToDictionary(e => e.MemberId, StringComparer.Ordinal);
        var title = unitId is null ? context.Text(ProgressTexts.AllUnits) : context.Campaign.FindUnit(unitId)?.NameIn(context.Language) ?? unitId;
        var text = new StringBuilder(context.Text(ProgressTexts.Heading(title, members.Count)));
        ExaminationStatus?[] order = [ExaminationStatus.Accepted, ExaminationStatus.Submitted, ExaminationStatus.Returned, ExaminationStatus.Draft, null];
        foreach (var status in order)
        {
            // Names are listed only when few (StatusLine); city-wide the unit lines below say where to look.
            var names = members.Where(m => exams.GetValueOrDefault(m.Id)?.Status == status).Select(m => m.Name).ToList();
            text.Append(context.Text(ProgressTexts.StatusLine(ExaminationTexts.StatusName(status).Chinese, ExaminationTexts.StatusName(status).English, names)));
        }

        if (unitId is not null)
        {
            text.Append(context.Text(ProgressTexts.Deadline(ExaminationDeadline(unitId))));
        }

        if (page == 1)
        {
            var pledges = (await MemberRecords.OfAsync(members, unitId, u => pledgeStore.ListAsync(u, cancellationToken), p => p.MemberId)).Where(p => p.Status == PledgeStatus.Published).ToList();
            var period = PledgeCheckIns.PeriodOf(calendar, context.Now);
            var checkIns = (await MemberRecords.OfAsync(members, unitId, u => pledgeStore.ListCheckInsAsync(u, cancellationToken), c => c.MemberId)).Where(c => c.Period == period).ToList();
            text.Append(context.Text(ProgressTexts.Pledges(pledges.Select(p => p.MemberId).Distinct().Count(), pledges.Count)));
            text.Append(context.Text(ProgressTexts.CheckIns(period, checkIns.Count, PledgeOutcomes.All.Select(o => (o.Chinese, o.English, checkIns.Count(c => c.Outcome == o.Code))))));
        }

        IReadOnlyList<IReadOnlyList<Button>>? buttons = null;
        var unitsBelow = false;
        if (unitId is null)
        {
            buttons = AppendUnitPage(context, text, members, exams, page);
        }
        else if (context.Member is { Role: Roles.Supervisor } supervisor && supervisor.UnitId == unitId)
        {
            (unitsBelow, buttons) = await AppendUnitsBelowAsync(context, text, unitId, page, cancellationToken);
        }

        if (page > 1)
        {
            context.Reply(new TextMessage(text.ToString().TrimEnd(), buttons));
            return;
        }

        // Other features' parts (study, research, visits, …) for the same unit, or every unit: below the examinations in
        // one message; city-wide, where the page buttons edit the unit list in place, and under a supervisor's list of the
        // units below (which would not fit a phone screen with them), a message of their own after it.
        var parts = new StringBuilder();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.RenderAsync(context.Member!, unitId, context.Language, cancellationToken) is { Length: > 0 } part)
            {
                parts.Append(parts.Length > 0 ? "\n\n" : string.Empty).Append(part);
            }
        }

        if (buttons is null && !unitsBelow && parts.Length > 0)
        {
            context.Reply(new TextMessage(text.ToString().TrimEnd() + "\n\n" + parts));
            return;
        }

        context.Reply(new TextMessage(text.ToString().TrimEnd(), buttons));
        if (parts.Length > 0)
        {
            context.Reply(new TextMessage(parts.ToString()));
        }
    }

    /// <summary>
    /// A supervisor's own unit holds only its leaders: the units they supervise are below it. One line for each (behind first,
    /// with its id for <c>/progress &lt;unit-id&gt;</c>), <see cref="UnitsBelowPerPage"/> a page so that the reply fits a phone
    /// screen; <c>/progress 2</c> or the page buttons turn the pages. Whether any were listed, and the page buttons.
    /// </summary>
    private async Task<(bool Listed, IReadOnlyList<IReadOnlyList<Button>>? Buttons)> AppendUnitsBelowAsync(FlowContext context, StringBuilder text, string unitId, int page, CancellationToken cancellationToken)
    {
        var below = context.Campaign.Units.Where(u => u.Active && u.Id != unitId && units.UnitAndAncestors(u.Id).Contains(unitId)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        if (below.Count == 0)
        {
            return (false, null);
        }

        var members = (await memberStore.ListAsync(null, cancellationToken)).Where(m => m.IsActive && m.TakesPart && below.Contains(m.PrimaryUnitId)).ToList();
        var exams = (await MemberRecords.OfAsync(members, null, u => examinations.ListAsync(u, cancellationToken), e => e.MemberId)).ToDictionary(e => e.MemberId, StringComparer.Ordinal);
        var byUnit = members.GroupBy(m => m.PrimaryUnitId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var lines = UnitLines(context.Campaign, byUnit, exams, calendar.Today(context.Now), Deadline).Where(l => below.Contains(l.Id)).ToList();
        var pages = Math.Max(1, (lines.Count + UnitsBelowPerPage - 1) / UnitsBelowPerPage);
        page = Math.Min(page, pages);
        text.Append('\n').Append(context.Text(page == 1 ? ProgressTexts.UnitsBelowHeading(lines.Count) : ProgressTexts.UnitsBelowPageHeading(lines.Count, page, pages)));
        foreach (var line in lines.Skip((page - 1) * UnitsBelowPerPage).Take(UnitsBelowPerPage))
        {
            var name = context.Campaign.FindUnit(line.Id)?.NameIn(context.Language) ?? line.Name;
            var named = context.Language == Language.English ? $"{name} ({line.Id})" : $"{name}（{line.Id}）";
            text.Append('\n').Append(context.Text(ProgressTexts.UnitLine(line.Behind, named, line.Done, line.Members, line.Returned, line.Deadline)));
        }

        if (lines.Count > page * UnitsBelowPerPage)
        {
            text.Append('\n').Append(context.Text(ProgressTexts.MoreUnitsBelow(lines.Count - (page * UnitsBelowPerPage), page + 1)));
        }

        return (true, pages == 1 ? null : PageButtons(context, page, pages));
    }

    /// <summary>One line per unit, behind first, a page at a time; the page buttons (none when one page holds all).</summary>
    private IReadOnlyList<IReadOnlyList<Button>>? AppendUnitPage(FlowContext context, StringBuilder text, IReadOnlyList<Member> members, Dictionary<string, SelfExamination> exams, int page)
    {
        var today = calendar.Today(context.Now);
        var byUnit = members.GroupBy(m => m.PrimaryUnitId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var lines = UnitLines(context.Campaign, byUnit, exams, today, Deadline);
        var pages = Math.Max(1, (lines.Count + UnitsPerPage - 1) / UnitsPerPage);
        page = Math.Min(page, pages);
        text.Append('\n').Append(context.Text(ProgressTexts.UnitPageHeading(page, pages, lines.Count(l => l.Behind))));
        foreach (var line in lines.Skip((page - 1) * UnitsPerPage).Take(UnitsPerPage))
        {
            text.Append('\n').Append(context.Text(ProgressTexts.UnitLine(line.Behind, line.Name, line.Done, line.Members, line.Returned, line.Deadline)));
        }

        return pages == 1 ? null : PageButtons(context, page, pages);
    }

    private static IReadOnlyList<IReadOnlyList<Button>> PageButtons(FlowContext context, int page, int pages)
    {
        var row = new List<Button>();
        if (page > 1)
        {
            row.Add(new Button(context.Text(ProgressTexts.PreviousPage), PagePayload(page - 1)));
        }

        if (page < pages)
        {
            row.Add(new Button(context.Text(ProgressTexts.NextPage), PagePayload(page + 1)));
        }

        return [row];
    }

    /// <summary>Every active unit's examination standing, the units behind first (nearest deadline first), then the least done.</summary>
    public static IReadOnlyList<UnitStanding> UnitLines(
        CampaignDefinition campaign,
        IReadOnlyDictionary<string, List<Member>> byUnit,
        IReadOnlyDictionary<string, SelfExamination> exams,
        DateOnly today,
        Func<string, DateOnly?> deadlineOf)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(deadlineOf);
        ArgumentNullException.ThrowIfNull(byUnit);
        ArgumentNullException.ThrowIfNull(exams);
        var lines = new List<UnitStanding>();
        foreach (var unit in campaign.Units.Where(u => u.Active))
        {
            var inUnit = byUnit.GetValueOrDefault(unit.Id) ?? [];
            var statuses = inUnit.Select(m => exams.GetValueOrDefault(m.Id)?.Status).ToList();
            var done = statuses.Count(s => s is ExaminationStatus.Accepted or ExaminationStatus.Submitted);
            var deadline = deadlineOf(unit.Id);
            var behind = done < inUnit.Count && deadline is { } d && d.DayNumber - today.DayNumber <= BehindWithinDays;
            lines.Add(new UnitStanding(unit.Id, unit.Name, inUnit.Count, done, statuses.Count(s => s == ExaminationStatus.Returned), deadline, behind));
        }

        return [.. lines
            .OrderByDescending(l => l.Behind)
            .ThenBy(l => l.Behind ? l.Deadline?.DayNumber ?? 0 : 0)
            .ThenBy(l => l.Members == 0 ? 1m : (decimal)l.Done / l.Members)
            .ThenBy(l => l.Id, StringComparer.Ordinal)];
    }

    private DateOnly? Deadline(string unitId)
    {
        try
        {
            return calendar.PhaseEnd(unitId, ExaminationReminders.PhaseCode);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private string ExaminationDeadline(string unitId) =>
        Deadline(unitId)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}

/// <summary>One unit's line in the all-units /progress: members taking part, examinations in (submitted or accepted), returned.</summary>
public sealed record UnitStanding(string Id, string Name, int Members, int Done, int Returned, DateOnly? Deadline, bool Behind);

/// <summary>
/// /export examinations|pledges|opinions|ledger [csv|xlsx] [unit]: the same table as the command-line export, as a document
/// in the chat; a supervisor without a unit gets every unit they supervise in one table.
/// </summary>
public sealed class ExportChatCommand(CampaignTables tables, ExaminationReviewers units, ITableWriter writer, IEnumerable<ITableSource> sources) : ICommandHandler
{
    private readonly IReadOnlyList<ITableSource> _sources = [.. sources];

    public string Command => "export";

    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var words = context.Update.Content is CommandInput { Arguments: var args } ? args.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        var extra = _sources.SelectMany(s => s.Kinds).ToList();
        var kind = words.FirstOrDefault(w => CampaignTables.Kinds.Contains(w) || extra.Contains(w));
        if (context.Member?.Role is not (Roles.CampaignOffice or Roles.Supervisor or Roles.Secretary))
        {
            // Those who may not export are told so, not shown how to.
            context.Reply(ProgressTexts.OnlySecretariesSupervisorsCampaign);
            return;
        }

        if (kind is null)
        {
            context.Reply(ProgressTexts.UsageExportExaminationsPledges);
            return;
        }

        var (allowed, unitId) = ProgressScope.Resolve(context, units, extra);
        if (!allowed)
        {
            return;
        }

        // A supervisor who names no unit exports every unit they supervise (their own and those below), as /progress and
        // /review see them; a named unit, or anyone else, that one unit (or, for the office, all).
        var supervised = context.Member is { Role: Roles.Supervisor } supervisor && !words.Any(w => context.Campaign.FindUnit(w) is not null)
            ? context.Campaign.ManagedUnits(supervisor)
            : null;
        var table = supervised is null ? await BuildAsync(kind, unitId, cancellationToken) : await BuildAcrossAsync(kind, supervised, cancellationToken);
        var format = words.Contains("csv") ? TableFormat.Csv : TableFormat.Xlsx;
        var day = new Campaign.CampaignCalendar(context.Campaign).Today(context.Now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var name = $"{table.Name}-{unitId ?? "全部"}-{day}.{(format == TableFormat.Csv ? "csv" : "xlsx")}";
        context.Reply(new DocumentMessage(name, writer.Write(table, format), context.Text(ProgressTexts.ExportCaption(table.Name, table.Rows.Count))));
    }

    private Task<CampaignTable> BuildAsync(string kind, string? unitId, CancellationToken cancellationToken) =>
        _sources.FirstOrDefault(s => s.Kinds.Contains(kind)) is { } source
            ? source.BuildAsync(kind, unitId, cancellationToken)
            : tables.BuildAsync(kind, unitId, cancellationToken);

    /// <summary>One table of several units' rows, unit by unit; a row a unit shares with one before it (a mobile member hosted there) comes once.</summary>
    private async Task<CampaignTable> BuildAcrossAsync(string kind, IReadOnlyList<string> unitIds, CancellationToken cancellationToken)
    {
        CampaignTable? first = null;
        var rows = new List<IReadOnlyList<string>>();
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unitId in unitIds)
        {
            var part = await BuildAsync(kind, unitId, cancellationToken);
            first ??= part;
            var keys = part.Rows.Select(r => string.Join('\u001f', r)).ToList();
            rows.AddRange(part.Rows.Where((_, i) => !earlier.Contains(keys[i])));
            earlier.UnionWith(keys);
        }

        return first is null ? await BuildAsync(kind, null, cancellationToken) with { Rows = [] } : first with { Rows = rows };
    }
}
