using CampaignBot.Core.Features.Study;

namespace CampaignBot.Storage.Mongo;

/// <summary>Activity entries keyed by id; dates as ISO text so they sort and read the same everywhere.</summary>
internal sealed class MongoActivityLogStore(IMongoCollection<BsonDocument> entries) : IActivityLogStore
{
    public Task<bool> AddAsync(ActivityEntry entry, CancellationToken cancellationToken)
    {
        Check(entry);
        return TryInsertAsync(entries, ToDocument(entry), cancellationToken);
    }

    public async Task<bool> ReplaceAsync(ActivityEntry entry, CancellationToken cancellationToken)
    {
        Check(entry);
        var result = await entries.ReplaceOneAsync(ById(entry.Id), ToDocument(entry), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return entries.DeleteByIdAsync(id, cancellationToken);
    }

    public Task<ActivityEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return entries.FindOneAsync(ById(id), FromDocument, cancellationToken);
    }

    public Task<IReadOnlyList<ActivityEntry>> ListAsync(string? unitId, string? memberId, ActivityKind? kind, CancellationToken cancellationToken)
    {
        var filters = new List<FilterDefinition<BsonDocument>> { FilterDefinition<BsonDocument>.Empty };
        if (unitId is not null)
        {
            filters.Add(Filter.Eq("unitId", unitId));
        }

        if (memberId is not null)
        {
            filters.Add(Filter.Eq("memberId", memberId));
        }

        if (kind is { } k)
        {
            filters.Add(Filter.Eq("kind", k.ToString()));
        }

        return entries.FindAllAsync(Filter.And(filters), Sort.Ascending("date").Ascending("recordedAt").Ascending("_id"), FromDocument, cancellationToken);
    }

    internal static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Check(ActivityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Id, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.MemberId, nameof(entry));
        ArgumentOutOfRangeException.ThrowIfNegative(entry.HalfDays, nameof(entry));
    }

    private static BsonDocument ToDocument(ActivityEntry e) => new()
    {
        { "_id", e.Id },
        { "kind", e.Kind.ToString() },
        { "memberId", e.MemberId },
        { "unitId", e.UnitId },
        { "date", DateText(e.Date) },
        { "halfDays", e.HalfDays },
        { "form", Text(e.Form) },
        { "topic", Text(e.Topic) },
        { "place", Text(e.Place) },
        { "note", Text(e.Note) },
        { "opinions", Text(e.Opinions) },
        { "confirmed", e.Confirmed },
        { "recordedBy", e.RecordedBy },
        { "recordedAt", Date(e.RecordedAt) },
    };

    private static ActivityEntry FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        Kind = doc.GetEnum<ActivityKind>("kind"),
        MemberId = doc["memberId"].AsString,
        UnitId = doc["unitId"].AsString,
        Date = ParseDate(doc["date"].AsString),
        HalfDays = doc.GetInt("halfDays"),
        Form = doc.GetNullableString("form"),
        Topic = doc.GetNullableString("topic"),
        Place = doc.GetNullableString("place"),
        Note = doc.GetNullableString("note"),
        Opinions = doc.GetNullableString("opinions"),
        Confirmed = doc["confirmed"].AsBoolean,
        RecordedBy = doc["recordedBy"].AsString,
        RecordedAt = doc.GetDate("recordedAt"),
    };
}
