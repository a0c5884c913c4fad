namespace CampaignBot.Core.Features.Examinations;

/// <summary>
/// Self-examinations with every submitted version and every review. Versions are unique per (member, number)
/// and reviews per (member, number): a version is reviewed once, so two reviewers racing cannot both decide.
/// </summary>
public interface IExaminationStore
{
    Task<SelfExamination?> GetAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces by member id.</summary>
    Task SaveAsync(SelfExamination examination, CancellationToken cancellationToken);

    /// <summary>All self-examinations, or those of one unit, by member id.</summary>
    Task<IReadOnlyList<SelfExamination>> ListAsync(string? unitId, CancellationToken cancellationToken);

    /// <summary>Stores a submitted version; false when that (member, number) is already stored (a re-run changes nothing).</summary>
    Task<bool> AddVersionAsync(ExaminationVersion version, CancellationToken cancellationToken);

    /// <summary>A member's versions, oldest first.</summary>
    Task<IReadOnlyList<ExaminationVersion>> ListVersionsAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Stores the review of a version; false when that version has been reviewed already.</summary>
    Task<bool> AddReviewAsync(ExaminationReview review, CancellationToken cancellationToken);

    /// <summary>A member's reviews, oldest first.</summary>
    Task<IReadOnlyList<ExaminationReview>> ListReviewsAsync(string memberId, CancellationToken cancellationToken);
}
