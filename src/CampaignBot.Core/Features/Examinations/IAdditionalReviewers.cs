namespace CampaignBot.Core.Features.Examinations;

/// <summary>
/// People who review a unit's leadership examinations (the checklists supervisors review) besides its supervisors:
/// contact leaders, when the campaign says so. Another feature implements it; examinations only ask.
/// </summary>
public interface IAdditionalReviewers
{
    /// <summary>The member ids who also review leadership examinations of <paramref name="unitId"/>.</summary>
    Task<IReadOnlyList<string>> ReviewersOfAsync(string unitId, CancellationToken cancellationToken);

    /// <summary>The units whose leadership examinations <paramref name="memberId"/> also reviews.</summary>
    Task<IReadOnlyList<string>> UnitsReviewedByAsync(string memberId, CancellationToken cancellationToken);
}
