using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Opinions;

namespace CampaignBot.Features.Ledger;

/// <summary>campaignbot export opinions|ledger [--unit 单位ID]: the same tables as /export in chat.</summary>
public static class OpinionLedgerExportCommand
{
    public static IReadOnlyList<ExportKind> Kinds { get; } = ExportKind.ForUnits(
        (request, kind, ct) => new OpinionAndLedgerTables(new LedgerTable(request.Stores.Ledger, request.Campaign), new OpinionTable(request.Stores.Opinions, request.Campaign))
            .BuildAsync(kind, request.UnitId, ct),
        ("opinions", "征求意见：方式、类别、日期、内容、处理状态和答复（匿名意见不含提意见人）"),
        ("ledger", "整改台帐：问题、措施、牵头领导、时限、状态、佐证、建章立制和全部历史"));
}
