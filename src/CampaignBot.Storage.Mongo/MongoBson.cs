namespace CampaignBot.Storage.Mongo;

/// <summary>The BSON conventions every Mongo store shares: UTC dates, enums as names, duplicate keys, free leases.</summary>
internal static class MongoBson
{
    public const int DuplicateKeyCode = 11000;

    public static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    public static UpdateDefinitionBuilder<BsonDocument> Update => Builders<BsonDocument>.Update;

    public static SortDefinitionBuilder<BsonDocument> Sort => Builders<BsonDocument>.Sort;

    /// <summary>BSON dates hold UTC milliseconds; the offset is normalised to zero on the way back.</summary>
    public static BsonValue Date(DateTimeOffset value) => new BsonDateTime(value.UtcDateTime);

    public static BsonValue Date(DateTimeOffset? value) => value is { } v ? Date(v) : BsonNull.Value;

    public static BsonValue Text(string? value) => value is null ? BsonNull.Value : new BsonString(value);

    public static DateTimeOffset GetDate(this BsonDocument doc, string name) =>
        new(DateTime.SpecifyKind(doc[name].ToUniversalTime(), DateTimeKind.Utc));

    public static DateTimeOffset? GetNullableDate(this BsonDocument doc, string name) =>
        doc.TryGetValue(name, out var value) && !value.IsBsonNull ? new DateTimeOffset(DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc)) : null;

    public static string? GetNullableString(this BsonDocument doc, string name) =>
        doc.TryGetValue(name, out var value) && !value.IsBsonNull ? value.AsString : null;

    public static int GetInt(this BsonDocument doc, string name) =>
        doc.TryGetValue(name, out var value) && !value.IsBsonNull ? value.ToInt32() : 0;

    public static long GetLong(this BsonDocument doc, string name) =>
        doc.TryGetValue(name, out var value) && !value.IsBsonNull ? value.ToInt64() : 0;

    public static TEnum GetEnum<TEnum>(this BsonDocument doc, string name)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(doc[name].AsString);

    /// <summary>A lease nobody holds, or whose time has run out by <paramref name="now"/>.</summary>
    public static FilterDefinition<BsonDocument> LeaseFree(DateTimeOffset now) =>
        Filter.Or(Filter.Eq("leaseUntil", BsonNull.Value), Filter.Lte("leaseUntil", Date(now)));

    public static UpdateDefinition<BsonDocument> ClearLease() =>
        Update.Set("leaseOwner", BsonNull.Value).Set("leaseUntil", BsonNull.Value);

    /// <summary>True when every write error is a duplicate key, whichever exception type carries it.</summary>
    public static bool IsDuplicateKey(Exception exception) => exception switch
    {
        MongoWriteException write => write.WriteError?.Code == DuplicateKeyCode,
        MongoBulkWriteException bulk => bulk.WriteConcernError is null && bulk.WriteErrors.Count > 0 && bulk.WriteErrors.All(e => e.Code == DuplicateKeyCode),
        MongoCommandException command => command.Code == DuplicateKeyCode,
        _ => false,
    };

    /// <summary>Inserts the document; false when its unique key is already taken.</summary>
    public static async Task<bool> TryInsertAsync(IMongoCollection<BsonDocument> collection, BsonDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await collection.InsertOneAsync(document, options: null, cancellationToken);
            return true;
        }
        catch (MongoException ex) when (IsDuplicateKey(ex))
        {
            return false;
        }
    }

    public static FilterDefinition<BsonDocument> ById(string id) => Filter.Eq("_id", id);

    /// <summary>The first document that matches, read with <paramref name="read"/>; null when none does.</summary>
    public static async Task<T?> FindOneAsync<T>(
        this IMongoCollection<BsonDocument> collection, FilterDefinition<BsonDocument> filter, Func<BsonDocument, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var doc = await collection.Find(filter).FirstOrDefaultAsync(cancellationToken);
        return doc is null ? null : read(doc);
    }

    /// <summary>Every document that matches, in <paramref name="sort"/> order, each read with <paramref name="read"/>.</summary>
    public static async Task<IReadOnlyList<T>> FindAllAsync<T>(
        this IMongoCollection<BsonDocument> collection,
        FilterDefinition<BsonDocument> filter,
        SortDefinition<BsonDocument> sort,
        Func<BsonDocument, T> read,
        CancellationToken cancellationToken)
    {
        var docs = await collection.Find(filter).Sort(sort).ToListAsync(cancellationToken);
        return docs.ConvertAll(doc => read(doc));
    }

    /// <summary>Deletes the document with this _id; true when there was one.</summary>
    public static async Task<bool> DeleteByIdAsync(this IMongoCollection<BsonDocument> collection, string id, CancellationToken cancellationToken) =>
        (await collection.DeleteOneAsync(ById(id), cancellationToken)).DeletedCount == 1;
}
