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
    public static (bool Allowed, string? UnitId) Resolve(FlowContext context, ExaminationReviewers units, IReadOnlyCollection<string>? tableKinds = null)
    {
        // "/export pledges csv <unit>": the unit is the word that is not a table kind or a format.
        var words = context.Update.Content is CommandInput { Arguments: { Length: > 0 } args } ? args.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
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

/// <summary>/progress [unit]: who has submitted, been returned, accepted, not started; pledges made and kept.</summary>
public sealed class ProgressCommand(IMemberStore memberStore, IExaminationStore examinations, IPledgeStore pledgeStore, ExaminationReviewers units, Campaign.CampaignCalendar calendar, IEnumerable<IProgressSection> sections) : ICommandHandler
{
    public string Command => "progress";

    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (allowed, unitId) = ProgressScope.Resolve(context, units);
        if (!allowed)
        {
            return;
        }

        var members = (await memberStore.ListAsync(unitId, cancellationToken)).Where(m => m.IsActive && CampaignTables.Takes(m)).ToList();
        var exams = (await examinations.ListAsync(unitId, cancellationToken)).ToDictionary(e => e.MemberId, StringComparer.Ordinal);
        var pledges = (await pledgeStore.ListAsync(unitId, cancellationToken)).Where(p => p.Status == PledgeStatus.Published).ToList();
        var period = PledgeCheckIns.PeriodOf(calendar, context.Now);
        var checkIns = (await pledgeStore.ListCheckInsAsync(unitId, cancellationToken)).Where(c => c.Period == period).ToList();

        var title = unitId is null ? context.Text(ProgressTexts.AllUnits) : context.Campaign.FindUnit(unitId)?.Name ?? unitId;
        var text = new StringBuilder(context.Text(ProgressTexts.Heading(title, members.Count)));
        ExaminationStatus?[] order = [ExaminationStatus.Accepted, ExaminationStatus.Submitted, ExaminationStatus.Returned, ExaminationStatus.Draft, null];
        foreach (var status in order)
        {
            var names = members.Where(m => exams.GetValueOrDefault(m.Id)?.Status == status).Select(m => m.Name).ToList();
            text.Append(context.Text(ProgressTexts.StatusLine(ExaminationTexts.StatusName(status), ExaminationTexts.StatusName(status, english: true), names)));
        }

        if (unitId is not null)
        {
            text.Append(context.Text(ProgressTexts.Deadline(ExaminationDeadline(unitId))));
        }

        text.Append(context.Text(ProgressTexts.Pledges(pledges.Select(p => p.MemberId).Distinct().Count(), pledges.Count)));
        text.Append(context.Text(ProgressTexts.CheckIns(period, checkIns.Count, PledgeOutcomes.All.Select(o => (o.Chinese, o.English, checkIns.Count(c => c.Outcome == o.Code))))));

        // Other features' parts (study, research, visits, …) for the same unit, or every unit.
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.RenderAsync(context.Member!, unitId, context.Language, cancellationToken) is { Length: > 0 } part)
            {
                text.Append("\n\n").Append(part);
            }
        }

        context.Reply(new TextMessage(text.ToString()));
    }

    private string ExaminationDeadline(string unitId)
    {
        var phase = ExaminationReminders.PhaseCode;
        try
        {
            return calendar.PhaseEnd(unitId, phase).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (ArgumentException)
        {
            return "—";
        }
    }
}

/// <summary>/export examinations|pledges [csv|xlsx]: the same table as the command-line export, as a document in the chat.</summary>
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

        var table = _sources.FirstOrDefault(s => s.Kinds.Contains(kind)) is { } source
            ? await source.BuildAsync(kind, unitId, cancellationToken)
            : await tables.BuildAsync(kind, unitId, cancellationToken);
        var format = words.Contains("csv") ? TableFormat.Csv : TableFormat.Xlsx;
        var name = $"{table.Name}-{unitId ?? "全部"}-{context.Now:yyyyMMdd}.{(format == TableFormat.Csv ? "csv" : "xlsx")}";
        context.Reply(new DocumentMessage(name, writer.Write(table, format), $"{table.Name}（{table.Rows.Count} 行）"));
    }
}
