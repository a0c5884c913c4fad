using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Features.Progress;

/// <summary>campaignbot export examinations|pledges [--unit 单位ID]: the campaign's own tables, the same as /export in chat.</summary>
public static class CampaignExportCommand
{
    public static IReadOnlyList<ExportKind> Kinds { get; } = ExportKind.ForUnits(
        (request, kind, ct) => new CampaignTables(request.Stores.Members, request.Stores.Examinations, request.Stores.Pledges, request.Campaign, new CampaignCalendar(request.Campaign))
            .BuildAsync(kind, request.UnitId, ct),
        ("examinations", "对照检查：每人每项的选择和具体表现、审核意见"),
        ("pledges", "公开承诺：承诺内容、发布时间、履约情况"));
}
