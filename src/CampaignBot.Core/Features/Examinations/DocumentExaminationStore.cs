namespace CampaignBot.Core.Features.Examinations;

/// <summary>The examination store over three document tables; every store implementation shares it.</summary>
public sealed class DocumentExaminationStore(IDocumentTable examinations, IDocumentTable versions, IDocumentTable reviews) : IExaminationStore
{
    public const string Table = "examinations";
    public const string VersionTable = "examination_versions";
    public const string ReviewTable = "examination_reviews";

    private readonly IDocumentTable _examinations = examinations;
    private readonly IDocumentTable _versions = versions;
    private readonly IDocumentTable _reviews = reviews;

    public async Task<SelfExamination?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        return await _examinations.GetAsync(memberId, cancellationToken) is { } body ? MessageJson.Deserialize<SelfExamination>(body) : null;
    }

    public Task SaveAsync(SelfExamination examination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examination);
        ArgumentException.ThrowIfNullOrWhiteSpace(examination.MemberId, nameof(examination));
        return _examinations.UpsertAsync(examination.MemberId, examination.MemberId, examination.UnitId, MessageJson.Serialize(examination), cancellationToken);
    }

    public async Task<IReadOnlyList<SelfExamination>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        [.. (await _examinations.ListAsync(unitId, cancellationToken)).Select(MessageJson.Deserialize<SelfExamination>)];

    public Task<bool> AddVersionAsync(ExaminationVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentOutOfRangeException.ThrowIfLessThan(version.Number, 1);
        return _versions.TryInsertAsync(Key(version.MemberId, version.Number), version.MemberId, version.UnitId, MessageJson.Serialize(version), cancellationToken);
    }

    public async Task<IReadOnlyList<ExaminationVersion>> ListVersionsAsync(string memberId, CancellationToken cancellationToken) =>
        [.. (await _versions.ListByMemberAsync(memberId, cancellationToken)).Select(MessageJson.Deserialize<ExaminationVersion>).OrderBy(v => v.Number)];

    public Task<bool> AddReviewAsync(ExaminationReview review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentOutOfRangeException.ThrowIfLessThan(review.Number, 1);
        return _reviews.TryInsertAsync(Key(review.MemberId, review.Number), review.MemberId, review.UnitId, MessageJson.Serialize(review), cancellationToken);
    }

    public async Task<IReadOnlyList<ExaminationReview>> ListReviewsAsync(string memberId, CancellationToken cancellationToken) =>
        [.. (await _reviews.ListByMemberAsync(memberId, cancellationToken)).Select(MessageJson.Deserialize<ExaminationReview>).OrderBy(r => r.Number)];

    /// <summary>Zero-padded so that ids sort in version order.</summary>
    public static string Key(string memberId, int number) => $"{memberId}#{number.ToString("D4", CultureInfo.InvariantCulture)}";
}
