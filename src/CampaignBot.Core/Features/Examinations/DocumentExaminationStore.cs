namespace CampaignBot.Core.Features.Examinations;

/// <summary>The examination store over three document tables; every store implementation shares it.</summary>
public sealed class DocumentExaminationStore(IDocumentTable examinations, IDocumentTable versions, IDocumentTable reviews) : IExaminationStore
{
    public const string Table = "examinations";
    public const string VersionTable = "examination_versions";
    public const string ReviewTable = "examination_reviews";

    private readonly DocumentTable<SelfExamination> _examinations = new(examinations, e => new(e.MemberId, e.MemberId, e.UnitId), Check);
    private readonly HistoryTable<ExaminationVersion> _versions = new(versions, v => v.MemberId, v => v.Number, v => v.UnitId);
    private readonly HistoryTable<ExaminationReview> _reviews = new(reviews, r => r.MemberId, r => r.Number, r => r.UnitId);

    public Task<SelfExamination?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        return _examinations.GetAsync(memberId, cancellationToken);
    }

    public Task SaveAsync(SelfExamination examination, CancellationToken cancellationToken) => _examinations.SaveAsync(examination, cancellationToken);

    public Task<IReadOnlyList<SelfExamination>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        _examinations.ListAsync(unitId, cancellationToken);

    public Task<bool> AddVersionAsync(ExaminationVersion version, CancellationToken cancellationToken) => _versions.TryAppendAsync(version, cancellationToken);

    public Task<IReadOnlyList<ExaminationVersion>> ListVersionsAsync(string memberId, CancellationToken cancellationToken) => _versions.ListAsync(memberId, cancellationToken);

    public Task<bool> AddReviewAsync(ExaminationReview review, CancellationToken cancellationToken) => _reviews.TryAppendAsync(review, cancellationToken);

    public Task<IReadOnlyList<ExaminationReview>> ListReviewsAsync(string memberId, CancellationToken cancellationToken) => _reviews.ListAsync(memberId, cancellationToken);

    /// <summary>An examination is filed under its member, so it needs one.</summary>
    private static void Check(SelfExamination examination) => ArgumentException.ThrowIfNullOrWhiteSpace(examination.MemberId, nameof(examination));
}
