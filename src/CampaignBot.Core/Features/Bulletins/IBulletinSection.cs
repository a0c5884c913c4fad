namespace CampaignBot.Core.Features.Bulletins;

/// <summary>
/// A part of the monthly bulletin contributed by the feature that owns the data (contact visits, …): unit-level lines
/// only, since the public version goes to the units' groups. Null when it has nothing to say for the month.
/// </summary>
public interface IBulletinSection
{
    /// <summary>Sections follow the ranking in ascending order.</summary>
    int Order { get; }

    Task<Text?> RenderAsync(string month, CancellationToken cancellationToken);
}
