namespace CampaignBot.Core.Features.Opinions;

/// <summary>
/// The opinion store over document tables; every store implementation shares it. An anonymous opinion's row has the
/// collection in the member column and nothing of the giver; the quota places hold only the keyed hash.
/// </summary>
public sealed class DocumentOpinionStore(IDocumentTable collections, IDocumentTable opinions, IDocumentTable places, IDocumentTable asked) : IOpinionStore
{
    public const string CollectionTable = "opinion_collections";
    public const string Table = "opinions";
    public const string PlaceTable = "opinion_places";
    public const string AskedTable = "opinion_asked";

    /// <summary>The member column of a face-to-face opinion's row: the recorder is in the document, not the key.</summary>
    public const string FaceToFace = "face-to-face";

    // Collections share their table with rows that map a code to a collection id; those are read raw.
    private readonly DocumentTable<OpinionCollection> _collections = new(collections, c => new(c.Id, c.OpenedBy, c.UnitId));
    private readonly DocumentTable<Opinion> _opinions = new(opinions, o => new(o.Id, MemberColumn(o), o.UnitId));
    private readonly DocumentTable<OpinionAsked> _asked = new(asked, a => new($"{a.CollectionId}#{a.MemberId}", a.MemberId, a.UnitId));

    public async Task<bool> CreateCollectionAsync(OpinionCollection collection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (collection.Code is { } code && !await collections.TryInsertAsync(CodeKey(code), "code", collection.UnitId, collection.Id, cancellationToken))
        {
            return false;
        }

        return await _collections.TryAddAsync(collection, cancellationToken);
    }

    public async Task<OpinionCollection?> GetCollectionAsync(string id, CancellationToken cancellationToken) =>
        id.StartsWith("code:", StringComparison.Ordinal) ? null : await _collections.GetAsync(id, cancellationToken);

    public async Task<OpinionCollection?> FindCollectionByCodeAsync(string code, CancellationToken cancellationToken) =>
        await collections.GetAsync(CodeKey(code), cancellationToken) is { } id ? await GetCollectionAsync(id, cancellationToken) : null;

    public async Task<IReadOnlyList<OpinionCollection>> ListCollectionsAsync(string? unitId, CancellationToken cancellationToken) =>
        [.. (await collections.ListAsync(unitId, cancellationToken)).Where(b => b.StartsWith('{')).Select(MessageJson.Deserialize<OpinionCollection>)];

    public async Task<bool> AddAsync(Opinion opinion, string? receiptHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opinion);
        if (!await _opinions.TryAddAsync(opinion, cancellationToken))
        {
            return false;
        }

        if (receiptHash is not null)
        {
            await places.TryInsertAsync(ReceiptKey(receiptHash), "receipt", "receipt", opinion.Id, cancellationToken);
        }

        return true;
    }

    public async Task<Opinion?> FindByReceiptAsync(string receiptHash, CancellationToken cancellationToken) =>
        await places.GetAsync(ReceiptKey(receiptHash), cancellationToken) is { } id ? await GetAsync(id, cancellationToken) : null;

    public Task UpdateAsync(Opinion opinion, CancellationToken cancellationToken) => _opinions.SaveAsync(opinion, cancellationToken);

    public Task<Opinion?> GetAsync(string id, CancellationToken cancellationToken) => _opinions.GetAsync(id.ToUpperInvariant(), cancellationToken);

    public Task<IReadOnlyList<Opinion>> ListAsync(string? unitId, CancellationToken cancellationToken) => _opinions.ListAsync(unitId, cancellationToken);

    public async Task<bool> TryTakePlaceAsync(string collectionId, string giverHash, int max, CancellationToken cancellationToken)
    {
        for (var place = 1; place <= max; place++)
        {
            var id = $"{giverHash}#{place.ToString("D3", CultureInfo.InvariantCulture)}";
            if (await places.TryInsertAsync(id, collectionId, collectionId, "{}", cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    public Task RecordAskedAsync(OpinionAsked asked, CancellationToken cancellationToken) => _asked.SaveAsync(asked, cancellationToken);

    public Task<IReadOnlyList<OpinionAsked>> ListAskedAsync(string memberId, CancellationToken cancellationToken) => _asked.ListByMemberAsync(memberId, cancellationToken);

    private static string MemberColumn(Opinion opinion) => opinion.CollectionId ?? FaceToFace;

    private static string ReceiptKey(string hash) => "receipt:" + hash;

    private static string CodeKey(string code) => "code:" + code.ToUpperInvariant();
}
