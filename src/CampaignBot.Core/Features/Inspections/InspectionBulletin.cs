using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Inspections;

/// <summary>An inspection with its completed checklists and the drawn units' handling decisions: what its bulletin says.</summary>
public sealed record InspectionReport(Inspection Inspection, IReadOnlyList<UnitInspection> Checklists, IReadOnlyList<HandlingDecision> Decisions);

/// <summary>
/// The inspection bulletin (随机抽查通报): the office's version (every line, correction, finding, inspector and ledger item)
/// and the public version for the units' groups (the units, their ratings and how many problems were found; no person named).
/// </summary>
public static class InspectionBulletin
{
    public static string OfficeText(InspectionReport report, CampaignDefinition campaign, TimeZoneInfo zone, Language language = Language.Chinese) =>
        Compose(
            report,
            campaign,
            zone,
            office: true,
            language,
            i => InspectionTexts.BulletinDrawnForOffice(i.DrawnByName, i.Candidates.Count, i.ExcludeWeeks, i.Excluded.Count, i.Seed, i.Id),
            (text, checklist) =>
            {
                text.Append(InspectionTexts.BulletinRatedForOffice(Ratings.Name(checklist.Rating), checklist.InspectorName, CampaignTable.Time(checklist.CompletedAt, zone)).In(language));
                foreach (var line in checklist.Lines)
                {
                    var walked = line.Correction is { } c ? InspectionTexts.BulletinLineCorrected(line.Label, line.Found, c) : InspectionTexts.BulletinLineConfirmed(line.Label, line.Found);
                    text.Append("\n  · ").Append(walked.In(language));
                }

                foreach (var (finding, i) in checklist.Findings.Select((f, i) => (f, i)))
                {
                    var problem = finding.LedgerItemId is { } item ? InspectionTexts.BulletinFindingInLedger(i + 1, finding.Text, item) : InspectionTexts.BulletinFinding(i + 1, finding.Text);
                    text.Append("\n  ").Append(problem.In(language));
                }
            });

    /// <summary>The version for the drawn units' groups (which read the Chinese): units, ratings and counts; no person named.</summary>
    public static string PublicText(InspectionReport report, CampaignDefinition campaign, TimeZoneInfo zone, Language language = Language.Chinese) =>
        Compose(
            report,
            campaign,
            zone,
            office: false,
            language,
            i => InspectionTexts.BulletinDrawnForPublic(i.Candidates.Count, i.Units.Count, i.Seed),
            (text, checklist) => text.Append(InspectionTexts.BulletinRatedForPublic(
                Ratings.Name(checklist.Rating), checklist.Findings.Count, checklist.Findings.Count(f => f.LedgerItemId is not null)).In(language)));

    /// <summary>Both versions: the heading, the version's introduction, a numbered line per drawn unit, then the handling decisions.</summary>
    private static string Compose(
        InspectionReport report,
        CampaignDefinition campaign,
        TimeZoneInfo zone,
        bool office,
        Language language,
        Func<Inspection, Text> introduction,
        Action<StringBuilder, UnitInspection> inspected)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(campaign);
        var inspection = report.Inspection;
        var text = new StringBuilder(Heading(inspection, campaign, zone).In(language)).Append('\n').Append(introduction(inspection).In(language));
        foreach (var (unitId, i) in inspection.Units.Select((u, i) => (u, i)))
        {
            var unit = new StringBuilder();
            if (report.Checklists.FirstOrDefault(c => c.UnitId == unitId) is { } checklist)
            {
                inspected(unit, checklist);
            }
            else
            {
                unit.Append(InspectionTexts.BulletinNotYetInspected.In(language));
            }

            text.Append('\n').Append(InspectionTexts.BulletinUnit(i + 1, UnitName(campaign, unitId), unit.ToString()).In(language));
        }

        AppendDecisions(text, report, campaign, office, language);
        return text.ToString();
    }

    private static void AppendDecisions(StringBuilder text, InspectionReport report, CampaignDefinition campaign, bool office, Language language)
    {
        if (report.Decisions.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(InspectionTexts.BulletinHandlingHeading.In(language));
        foreach (var decision in report.Decisions.OrderBy(d => d.DecidedOn))
        {
            var decidedOn = decision.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var line = office
                ? InspectionTexts.BulletinDecisionForOffice(UnitName(campaign, decision.UnitId), decidedOn, decision.Decision, decision.ReasonText())
                : InspectionTexts.BulletinDecisionForPublic(UnitName(campaign, decision.UnitId), decidedOn);
            text.Append('\n').Append(line.In(language));
        }
    }

    private static Text Heading(Inspection inspection, CampaignDefinition campaign, TimeZoneInfo zone) =>
        InspectionTexts.BulletinHeading(inspection.Id, CampaignTable.Time(inspection.DrawnAt, zone)[..10], KindNamesText(inspection, campaign));

    /// <summary>The unit kinds a draw was among (in Chinese, for the export and the campaign file's names).</summary>
    public static string KindNames(Inspection inspection, CampaignDefinition campaign) => KindNamesText(inspection, campaign).Chinese;

    public static Text KindNamesText(Inspection inspection, CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(campaign);
        if (inspection.Kinds.Count == 0)
        {
            return InspectionTexts.AllUnitKinds;
        }

        // Each language reads the kinds' own names (村社区 / Village or community); a kind no longer in the file reads as its code.
        var kinds = inspection.Kinds.Select(k => (Code: k, Kind: campaign.UnitKinds.FirstOrDefault(u => u.Code == k))).ToList();
        return new Text(
            string.Join("、", kinds.Select(k => k.Kind?.Name ?? k.Code)),
            string.Join(", ", kinds.Select(k => k.Kind?.NameIn(Language.English) ?? k.Code)));
    }

    internal static string UnitName(CampaignDefinition campaign, string unitId) => campaign.FindUnit(unitId)?.Name ?? unitId;
}

/// <summary>Inspections as one table (the bulletin's XLSX, campaignbot export inspections): a row per drawn unit.</summary>
public static class InspectionTable
{
    public static CampaignTable Build(IEnumerable<InspectionReport> reports, CampaignDefinition campaign, TimeZoneInfo zone, string sheet = "随机调研")
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(campaign);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var report in reports.OrderBy(r => r.Inspection.DrawnAt).ThenBy(r => r.Inspection.Id, StringComparer.Ordinal))
        {
            var inspection = report.Inspection;
            foreach (var (unitId, i) in inspection.Units.Select((u, i) => (u, i)))
            {
                var checklist = report.Checklists.FirstOrDefault(c => c.UnitId == unitId);
                var lines = checklist?.Lines.ToDictionary(l => l.Code, StringComparer.Ordinal) ?? [];
                rows.Add(
                [
                    inspection.Id, CampaignTable.Time(inspection.DrawnAt, zone), inspection.DrawnByName, InspectionBulletin.KindNames(inspection, campaign),
                    inspection.Seed, inspection.Candidates.Count.ToString(CultureInfo.InvariantCulture), (i + 1).ToString(CultureInfo.InvariantCulture),
                    unitId, InspectionBulletin.UnitName(campaign, unitId), checklist is null ? "尚未调研" : "已调研", checklist?.InspectorName ?? string.Empty,
                    CampaignTable.Time(checklist?.CompletedAt, zone), checklist is null ? string.Empty : Ratings.Name(checklist.Rating).Chinese,
                    .. LineCodes.Select(code => lines.TryGetValue(code, out var line) ? line.Found.Chinese + (line.Correction is { } c ? "；实地核查：" + c : "（属实）") : string.Empty),
                    string.Join("\n", checklist?.Findings.Select((f, n) => $"{n + 1}. {f.Text}") ?? []),
                    string.Join("、", checklist?.Findings.Select(f => f.LedgerItemId).OfType<string>() ?? []),
                ]);
            }
        }

        return new CampaignTable(
            sheet,
            ["调研编号", "抽取时间", "抽取人", "范围", "随机种子", "候选单位数", "抽取顺序", "单位ID", "单位", "状态", "调研人", "完成时间", "评定",
             "学习教育", "对照检查", "公开承诺", "征求意见", "整改台帐", "群众评议", "发现问题", "整改台帐编号"],
            rows);
    }

    /// <summary>The checklist's lines in the table's column order.</summary>
    private static readonly string[] LineCodes =
        [InspectionFacts.Study, InspectionFacts.Examinations, InspectionFacts.Pledges, InspectionFacts.Opinions, InspectionFacts.Ledger, InspectionFacts.Evaluations];

    /// <summary>The reports of every inspection (or the given ones) from the store.</summary>
    public static async Task<IReadOnlyList<InspectionReport>> ReportsAsync(IInspectionStore store, IEnumerable<Inspection>? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var decisions = await store.ListDecisionsAsync(null, cancellationToken);
        var reports = new List<InspectionReport>();
        foreach (var inspection in only ?? await store.ListAsync(cancellationToken))
        {
            reports.Add(new InspectionReport(
                inspection,
                await store.ListChecklistsAsync(inspection.Id, cancellationToken),
                [.. decisions.Where(d => inspection.Units.Contains(d.UnitId))]));
        }

        return reports;
    }
}

/// <summary>Sends an inspection's bulletin: the preview to whoever asks; on publishing, the office's version to every office member and the public one to each drawn unit's group, once.</summary>
public sealed class InspectionBulletinPublisher(IInspectionStore store, IMemberStore members, IAudiences audiences, CampaignDefinition campaign, CampaignCalendar calendar, IEnumerable<ITableWriter> tables)
{
    public async Task<IReadOnlyList<Outbound>> OfficeMessagesAsync(Inspection inspection, CancellationToken cancellationToken, Language language = Language.Chinese)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var report = (await InspectionTable.ReportsAsync(store, [inspection], cancellationToken))[0];
        var messages = new List<Outbound> { new TextMessage(InspectionBulletin.OfficeText(report, campaign, calendar.Zone, language)) };
        if (tables.FirstOrDefault() is { } writer)
        {
            messages.Add(new DocumentMessage($"随机抽查通报-{inspection.Id}.xlsx", writer.Write(InspectionTable.Build([report], campaign, calendar.Zone, "随机抽查通报"), TableFormat.Xlsx), InspectionTexts.BulletinSpreadsheetCaption(inspection.Id).In(language)));
        }

        return messages;
    }

    public async Task PublishAsync(FlowContext context, Inspection inspection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inspection);
        if ((await store.ListChecklistsAsync(inspection.Id, cancellationToken)).Count == 0)
        {
            context.Reply(InspectionTexts.NothingInspectedYet(inspection.Id));
            return;
        }

        if (!await store.TryRecordBulletinAsync(new InspectionBulletinRecord(inspection.Id, context.Member!.Id, context.Now), cancellationToken))
        {
            context.Reply(InspectionTexts.AlreadyPublished(inspection.Id));
            return;
        }

        var office = (await members.ListAsync(null, cancellationToken)).Where(m => m.Role == Roles.CampaignOffice && m.IsActive).ToList();
        foreach (var person in office)
        {
            var language = person.Language;
            var bodies = await OfficeMessagesAsync(inspection, cancellationToken, language);
            for (var i = 0; i < bodies.Count; i++)
            {
                context.Notify(person.PrivateChat, bodies[i].For(language), $"inspection-bulletin:{inspection.Id}:{person.Id}:{i}");
            }
        }

        var report = (await InspectionTable.ReportsAsync(store, [inspection], cancellationToken))[0];
        var text = InspectionBulletin.PublicText(report, campaign, calendar.Zone);
        var groups = 0;
        foreach (var unitId in inspection.Units)
        {
            if (await audiences.GroupOfAsync(context, unitId, cancellationToken) is { Kind: ChatKind.Group } group)
            {
                context.Notify(group, new TextMessage(text), $"inspection-bulletin:{inspection.Id}:group:{group.Channel}:{group.Id}");
                groups++;
            }
        }

        context.Reply(InspectionTexts.Published(inspection.Id, office.Count, groups));
    }
}
