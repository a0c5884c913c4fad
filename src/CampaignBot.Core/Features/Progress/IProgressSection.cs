namespace CampaignBot.Core.Features.Progress;

/// <summary>
/// One part of /progress contributed by the feature that owns the data (study, research, visits, …). The command
/// checks the caller's role and picks the unit first; a section renders one unit's members, or one line per unit
/// when <paramref name="unitId"/> is null (all units, for the office), or returns null when it has nothing to say.
/// </summary>
public interface IProgressSection
{
    /// <summary>Sections appear in ascending order, after the command's own table.</summary>
    int Order { get; }

    Task<string?> RenderAsync(Member viewer, string? unitId, Language language, CancellationToken cancellationToken);
}
