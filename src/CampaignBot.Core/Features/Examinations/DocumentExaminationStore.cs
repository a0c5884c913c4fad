namespace CampaignBot.Core.Features.Examinations;

/// <summary>The examination store over three document tables; every store implementation shares it.</summary>
public sealed class DocumentExaminationStore(IDocumentTable examinations, IDocumentTable versions, IDocumentTable reviews) : IExaminationStore
{
    public const string Table = "examinations";
    public const string VersionTable = "examination_versions";
    public const string ReviewTable = "examination_reviews";

    private readonly DocumentTable<SelfExamination> _examinations = new(examinations, e => new(e.MemberId, e.MemberId, e.UnitId));
    private readonly DocumentTable<ExaminationVersion> _versions = new(versions, v => new(Key(v.MemberId, v.Number), v.MemberId, v.UnitId));
    private readonly DocumentTable<ExaminationReview> _reviews = new(reviews, r => new(Key(r.MemberId, r.Number), r.MemberId, r.UnitId));

    public Task<SelfExamination?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        return _examinations.GetAsync(memberId, cancellationToken);
    }

    public Task SaveAsync(SelfExamination examination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examination);
        ArgumentException.ThrowIfNullOrWhiteSpace(examination.MemberId, nameof(examination));
        return _examinations.SaveAsync(examination, cancellationToken);
    }

    public Task<IReadOnlyList<SelfExamination>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        _examinations.ListAsync(unitId, cancellationToken);

    public Task<bool> AddVersionAsync(ExaminationVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentOutOfRangeException.ThrowIfLessThan(version.Number, 1);
        return _versions.TryAddAsync(version, cancellationToken);
    }

    public async Task<IReadOnlyList<ExaminationVersion>> ListVersionsAsync(string memberId, CancellationToken cancellationToken) =>
        [.. (await _versions.ListByMemberAsync(memberId, cancellationToken)).OrderBy(v => v.Number)];

    public Task<bool> AddReviewAsync(ExaminationReview review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentOutOfRangeException.ThrowIfLessThan(review.Number, 1);
        return _reviews.TryAddAsync(review, cancellationToken);
    }

    public async Task<IReadOnlyList<ExaminationReview>> ListReviewsAsync(string memberId, CancellationToken cancellationToken) =>
        [.. (await _reviews.ListByMemberAsync(memberId, cancellationToken)).OrderBy(r => r.Number)];

    /// <summary>Zero-padded so that ids sort in version order.</summary>
    public static string Key(string memberId, int number) => $"{memberId}#{number.ToString("D4", CultureInfo.InvariantCulture)}";
}
