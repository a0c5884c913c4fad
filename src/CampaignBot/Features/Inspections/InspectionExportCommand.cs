using CampaignBot.Core.Features.Inspections;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Features.Inspections;

/// <summary>campaignbot export inspections|handling: every inspection's drawn units and checklists; the cases for organisational handling.</summary>
public static class InspectionExportCommand
{
    public static IReadOnlyList<ExportKind> Kinds { get; } =
    [
        new("inspections", "随机调研：抽取时间、随机种子、候选单位数、抽中的单位、规定动作核查、发现问题、评定和整改台帐编号", InspectionsAsync),
        new("handling", "组织处理：两次评议未通过、整改逾期督办后仍未整改的单位，以及活动办的处理决定", HandlingAsync),
    ];

    private static async Task<ExportData> InspectionsAsync(ExportRequest request, CancellationToken cancellationToken) =>
        new(InspectionTable.Build(await InspectionTable.ReportsAsync(request.Stores.Inspections, null, cancellationToken), request.Campaign, request.Zone));

    private static async Task<ExportData> HandlingAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var calendar = new CampaignCalendar(request.Campaign);
        var cases = new HandlingCases(request.Stores.Inspections, request.Stores.EvaluationRounds, request.Stores.Ledger, request.Campaign, calendar, Options.Create(new LedgerOptions()));
        var rows = (await cases.ListAsync(null, TimeProvider.System.GetUtcNow(), cancellationToken))
            .Select(c => (IReadOnlyList<string>)
            [
                c.Case.Code, c.Case.UnitId, request.Campaign.FindUnit(c.Case.UnitId)?.Name ?? c.Case.UnitId, c.Case.Reason.Chinese,
                c.Case.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Decision is null ? "待处理" : "已处理",
                c.Decision?.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, c.Decision?.Decision ?? string.Empty,
                CampaignTable.Time(c.Decision?.RecordedAt, request.Zone),
            ])
            .ToList();
        return new(new CampaignTable("组织处理", ["案件编号", "单位ID", "单位", "原因", "起始日期", "状态", "处理日期", "处理决定", "记录时间"], rows));
    }
}
