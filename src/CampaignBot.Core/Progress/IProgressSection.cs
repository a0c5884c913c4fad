using CampaignBot.Core.Members;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Progress;

/// <summary>Whose progress /progress shows: the caller's own, one unit's members, or every unit in one line each.</summary>
public enum ProgressScope
{
    Own,
    Unit,
    AllUnits,
}

/// <summary>
/// One part of /progress (study, examinations, pledges, …), contributed by the feature that owns the data. The command
/// checks roles and picks the scope; a section renders its text, or null when it has nothing to say.
/// </summary>
public interface IProgressSection
{
    /// <summary>Sections appear in ascending order.</summary>
    int Order { get; }

    /// <param name="unitId">The unit shown (Unit scope), the viewer's unit (Own), or null (AllUnits).</param>
    Task<string?> RenderAsync(Member viewer, string? unitId, ProgressScope scope, Language language, CancellationToken cancellationToken);
}
