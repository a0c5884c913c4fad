namespace CampaignBot.Core.Features.Examinations;

/// <summary>
/// The problems a unit's self-examinations found, as other features reach them (the 查摆问题评议 ballot shows them to the
/// masses): counts per category only, never who found what.
/// </summary>
public interface IExaminationProblems
{
    /// <summary>The problems found (存在 / 部分存在) in the unit's accepted self-examinations, counted per category, most first.</summary>
    Task<IReadOnlyList<(string Category, int Count)>> CountByCategoryAsync(string unitId, CancellationToken cancellationToken);
}

/// <summary>Reads the problems found from the accepted self-examinations; the review's ledger step offers the same list.</summary>
public sealed class ExaminationProblems(IExaminationStore store, CampaignDefinition campaign) : IExaminationProblems
{
    public async Task<IReadOnlyList<(string Category, int Count)>> CountByCategoryAsync(string unitId, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(unitId, cancellationToken))
            .Where(e => e.Status == ExaminationStatus.Accepted)
            .SelectMany(e => ReviewFlow.ProblemsFound(campaign, e, int.MaxValue))
            .GroupBy(p => p.Category)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(c => c.Item2)
            .ThenBy(c => c.Key, StringComparer.Ordinal)];
}
