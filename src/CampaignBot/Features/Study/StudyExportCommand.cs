using CampaignBot.Core.Features.Study;
using CampaignBot.Exports;

namespace CampaignBot.Features.Study;

/// <summary>campaignbot export &lt;study|research|visits&gt;: one row per entry.</summary>
public static class StudyExportCommand
{
    public static IReadOnlyList<ExportKind> Kinds { get; } =
    [
        new("study", "学习记录：日期、天数、形式、专题、是否确认", (request, ct) => BuildAsync(ActivityKind.Study, "学习记录", request, ct)),
        new("research", "调研记录：日期、天数、地点、发现、群众意见", (request, ct) => BuildAsync(ActivityKind.Research, "调研记录", request, ct)),
        new("visits", "走访记录：结对户、走访内容、是否在规定时段内", (request, ct) => BuildAsync(ActivityKind.Visit, "走访记录", request, ct)),
    ];

    private static async Task<ExportData> BuildAsync(ActivityKind kind, string name, ExportRequest request, CancellationToken cancellationToken)
    {
        var columns = await ColumnsAsync(kind, request, cancellationToken);
        var entries = await request.Stores.ActivityLog.ListAsync(null, null, kind, cancellationToken);
        return new ExportData(ExportColumns.Table(name, entries, columns, request.Zone));
    }

    private static async Task<IReadOnlyList<ExportColumn<ActivityEntry>>> ColumnsAsync(ActivityKind kind, ExportRequest request, CancellationToken cancellationToken)
    {
        var (campaign, stores) = (request.Campaign, request.Stores);
        var members = (await stores.Members.ListAsync(null, cancellationToken)).ToDictionary(m => m.Id, m => m.Name, StringComparer.Ordinal);
        var houses = (await stores.Households.ListAsync(null, null, cancellationToken)).ToDictionary(h => h.Id, h => h.Label, StringComparer.Ordinal);
        var progress = new StudyProgressService(campaign, new CampaignCalendar(campaign), stores.ActivityLog, stores.Households);
        List<ExportColumn<ActivityEntry>> columns =
        [
            new("memberId", "成员ID", e => e.MemberId),
            new("name", "姓名", e => members.GetValueOrDefault(e.MemberId)),
            new("unitId", "单位ID", e => e.UnitId),
            new("unit", "单位", e => campaign.FindUnit(e.UnitId)?.Name ?? e.UnitId),
            new("date", "日期", e => e.Date),
        ];
        columns.AddRange(kind switch
        {
            ActivityKind.Study =>
            [
                new("days", "天数", e => e.HalfDays / 2m),
                new("form", "形式", e => StudyForms.FormName(e.Form)),
                new("topic", "专题", e => StudyForms.TopicName(campaign, e.Topic)),
                new("note", "内容", e => e.Note),
                new("confirmed", "已确认", e => e.Confirmed),
            ],
            ActivityKind.Research =>
            [
                new("days", "天数", e => e.HalfDays / 2m),
                new("place", "地点", e => e.Place),
                new("findings", "发现", e => e.Note),
                new("opinions", "群众意见", e => e.Opinions),
                new("confirmed", "已确认", e => e.Confirmed),
            ],
            _ =>
            [
                new("household", "结对户", e => e.Place is { } id ? houses.GetValueOrDefault(id) : null),
                new("done", "走访内容", e => e.Note),
                new("inWindow", "在规定时段内", e => progress.InWindow(e.UnitId, e.Date)),
            ],
        });
        columns.Add(new("recordedAt", "记录时间", e => e.RecordedAt));
        return columns;
    }
}
