using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Features.Progress;

/// <summary>campaignbot export examinations|pledges [--unit 单位ID]: the campaign's own tables, the same as /export in chat.</summary>
public static class CampaignExportCommand
{
    public static IReadOnlyList<ExportKind> Kinds { get; } =
    [
        new("examinations", "对照检查：每人每项的选择和具体表现、审核意见", (request, ct) => BuildAsync("examinations", request, ct), ByUnit: true),
        new("pledges", "公开承诺：承诺内容、发布时间、履约情况", (request, ct) => BuildAsync("pledges", request, ct), ByUnit: true),
    ];

    private static async Task<ExportData> BuildAsync(string kind, ExportRequest request, CancellationToken cancellationToken) =>
        new(await new CampaignTables(request.Stores.Members, request.Stores.Examinations, request.Stores.Pledges, request.Campaign, new CampaignCalendar(request.Campaign)).BuildAsync(kind, request.UnitId, cancellationToken));
}
