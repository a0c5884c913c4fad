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
    public static string OfficeText(InspectionReport report, CampaignDefinition campaign, TimeZoneInfo zone) =>
        Compose(
            report,
            campaign,
            zone,
            office: true,
            i => $"抽取：{i.DrawnByName}；候选单位 {i.Candidates.Count} 个，近 {i.ExcludeWeeks} 周已调研未参加抽取 {i.Excluded.Count} 个；随机种子 {i.Seed}（/inspect verify {i.Id} 可复核）",
            (text, checklist) =>
            {
                text.Append($"评定 {Ratings.Name(checklist.Rating).Chinese}（调研人 {checklist.InspectorName}，{CampaignTable.Time(checklist.CompletedAt, zone)}）");
                foreach (var line in checklist.Lines)
                {
                    text.Append($"\n  · {line.Label.Chinese}：{line.Found.Chinese}").Append(line.Correction is { } c ? $"；实地核查：{c}" : "（属实）");
                }

                foreach (var (finding, i) in checklist.Findings.Select((f, i) => (f, i)))
                {
                    text.Append($"\n  问题{i + 1}：{finding.Text}").Append(finding.LedgerItemId is { } item ? $"（整改台帐 {item}）" : string.Empty);
                }
            });

    public static string PublicText(InspectionReport report, CampaignDefinition campaign, TimeZoneInfo zone) =>
        Compose(
            report,
            campaign,
            zone,
            office: false,
            i => $"按“不打招呼、随机选点”的要求，从 {i.Candidates.Count} 个单位中随机抽取 {i.Units.Count} 个（随机种子 {i.Seed}）。",
            (text, checklist) => text.Append(
                $"评定 {Ratings.Name(checklist.Rating).Chinese}；发现问题 {checklist.Findings.Count} 个，列入整改台帐 {checklist.Findings.Count(f => f.LedgerItemId is not null)} 个"));

    /// <summary>Both versions: the heading, the version's introduction, a numbered line per drawn unit, then the handling decisions.</summary>
    private static string Compose(
        InspectionReport report,
        CampaignDefinition campaign,
        TimeZoneInfo zone,
        bool office,
        Func<Inspection, string> introduction,
        Action<StringBuilder, UnitInspection> inspected)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(campaign);
        var inspection = report.Inspection;
        var text = new StringBuilder(Heading(inspection, campaign, zone)).Append('\n').Append(introduction(inspection));
        foreach (var (unitId, i) in inspection.Units.Select((u, i) => (u, i)))
        {
            text.Append($"\n{i + 1}. {UnitName(campaign, unitId)}：");
            if (report.Checklists.FirstOrDefault(c => c.UnitId == unitId) is { } checklist)
            {
                inspected(text, checklist);
            }
            else
            {
                text.Append("尚未调研");
            }
        }

        AppendDecisions(text, report, campaign, office);
        return text.ToString();
    }

    private static void AppendDecisions(StringBuilder text, InspectionReport report, CampaignDefinition campaign, bool office)
    {
        if (report.Decisions.Count == 0)
        {
            return;
        }

        text.Append("\n组织处理：");
        foreach (var decision in report.Decisions.OrderBy(d => d.DecidedOn))
        {
            text.Append($"\n· {UnitName(campaign, decision.UnitId)} {decision.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}：")
                .Append(office ? $"{decision.Decision}（{decision.Reason}）" : "已作出组织处理");
        }
    }

    private static string Heading(Inspection inspection, CampaignDefinition campaign, TimeZoneInfo zone) =>
        $"【随机抽查通报】{inspection.Id}（{CampaignTable.Time(inspection.DrawnAt, zone)[..10]} 抽取，范围：{KindNames(inspection, campaign)}）";

    public static string KindNames(Inspection inspection, CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(campaign);
        return inspection.Kinds.Count == 0 ? "全部单位" : string.Join("、", inspection.Kinds.Select(k => campaign.UnitKinds.FirstOrDefault(u => u.Code == k)?.Name ?? k));
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
    public async Task<IReadOnlyList<Outbound>> OfficeMessagesAsync(Inspection inspection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var report = (await InspectionTable.ReportsAsync(store, [inspection], cancellationToken))[0];
        var messages = new List<Outbound> { new TextMessage(InspectionBulletin.OfficeText(report, campaign, calendar.Zone)) };
        if (tables.FirstOrDefault() is { } writer)
        {
            messages.Add(new DocumentMessage($"随机抽查通报-{inspection.Id}.xlsx", writer.Write(InspectionTable.Build([report], campaign, calendar.Zone, "随机抽查通报"), TableFormat.Xlsx), $"随机抽查通报 {inspection.Id}"));
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

        var bodies = await OfficeMessagesAsync(inspection, cancellationToken);
        var office = (await members.ListAsync(null, cancellationToken)).Where(m => m.Role == Roles.CampaignOffice && m.IsActive).ToList();
        foreach (var person in office)
        {
            for (var i = 0; i < bodies.Count; i++)
            {
                context.Notify(person.PrivateChat, bodies[i], $"inspection-bulletin:{inspection.Id}:{person.Id}:{i}");
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
