namespace CampaignBot.Core.Features.Opinions;

/// <summary>Opinion collections, opinions, the per-giver quota slots and who was asked; SQLite and MongoDB alike.</summary>
public interface IOpinionStore
{
    /// <summary>False when a collection with its id or its code exists already.</summary>
    Task<bool> CreateCollectionAsync(OpinionCollection collection, CancellationToken cancellationToken);

    Task<OpinionCollection?> GetCollectionAsync(string id, CancellationToken cancellationToken);

    Task<OpinionCollection?> FindCollectionByCodeAsync(string code, CancellationToken cancellationToken);

    Task<IReadOnlyList<OpinionCollection>> ListCollectionsAsync(string? unitId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new opinion; false when its id is taken (nothing replaced). <paramref name="receiptHash"/>, a keyed hash of the
    /// receipt code only the giver was shown, finds it again for <see cref="FindByReceiptAsync"/>; the opinion does not hold it.
    /// </summary>
    Task<bool> AddAsync(Opinion opinion, string? receiptHash, CancellationToken cancellationToken);

    Task<Opinion?> FindByReceiptAsync(string receiptHash, CancellationToken cancellationToken);

    /// <summary>Replaces an existing opinion (a status change).</summary>
    Task UpdateAsync(Opinion opinion, CancellationToken cancellationToken);

    Task<Opinion?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>A unit's opinions, or all when null, by id.</summary>
    Task<IReadOnlyList<Opinion>> ListAsync(string? unitId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes one of <paramref name="max"/> places of a giver (a keyed hash of collection and giver, never the giver's id) in a
    /// collection; false when all are taken. A unique key per place makes racing takes count once each.
    /// </summary>
    Task<bool> TryTakePlaceAsync(string collectionId, string giverHash, int max, CancellationToken cancellationToken);

    Task RecordAskedAsync(OpinionAsked asked, CancellationToken cancellationToken);

    Task<IReadOnlyList<OpinionAsked>> ListAskedAsync(string memberId, CancellationToken cancellationToken);
}
