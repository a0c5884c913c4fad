using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Features.Evaluations;

/// <summary>campaignbot export evaluations: every unit's stages, by their latest round (the /results spreadsheet).</summary>
public static class EvaluationExportCommand
{
    public static IReadOnlyList<ExportKind> Kinds { get; } =
    [
        new("evaluations", "群众评议结果：每个单位每个阶段最新一轮的结论、票数、满意率", BuildAsync),
    ];

    private static async Task<ExportData> BuildAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var rows = EvaluationReport.Rows(await request.Stores.EvaluationRounds.ListAsync(null, cancellationToken), new EvaluationText(request.Campaign));
        return new ExportData(EvaluationReport.ToTable(rows));
    }
}
