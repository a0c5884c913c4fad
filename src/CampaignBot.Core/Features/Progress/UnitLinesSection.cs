namespace CampaignBot.Core.Features.Progress;

/// <summary>
/// A part of /progress that reads one feature's records and shows a line per unit (<see cref="SectionLines.PerUnit"/>):
/// the feature says only its order, its heading, how it lists its records, whose unit a record is and what a unit's line
/// says, in both languages.
/// </summary>
public abstract class UnitLinesSection<T>(
    int order,
    Text heading,
    CampaignDefinition campaign,
    Func<string?, CancellationToken, Task<IReadOnlyList<T>>> list,
    Func<T, string> unitOf,
    Func<string, IReadOnlyList<T>, Text> line) : IProgressSection
{
    public int Order => order;

    public async Task<string?> RenderAsync(Member viewer, string? unitId, Language language, CancellationToken cancellationToken) =>
        SectionLines.PerUnit(heading.In(language), language, campaign, unitId, await list(unitId, cancellationToken), unitOf, (name, records) => line(name, records).In(language));
}
