using CampaignBot.Core.Features.Study;

namespace CampaignBot.Storage.Mongo;

/// <summary>Activity entries keyed by id; dates as ISO text so they sort and read the same everywhere.</summary>
internal sealed class MongoActivityLogStore(IMongoCollection<BsonDocument> entries) : IActivityLogStore
{
    private static readonly MongoRecords<ActivityEntry> Records = new(nameof(ActivityEntry.Id));

    public Task<bool> AddAsync(ActivityEntry entry, CancellationToken cancellationToken)
    {
        Check(entry);
        return TryInsertAsync(entries, Records.ToDocument(entry), cancellationToken);
    }

    public async Task<bool> ReplaceAsync(ActivityEntry entry, CancellationToken cancellationToken)
    {
        Check(entry);
        var result = await entries.ReplaceOneAsync(ById(entry.Id), Records.ToDocument(entry), cancellationToken: cancellationToken);
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
        return entries.FindOneAsync(ById(id), Records.FromDocument, cancellationToken);
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

        return entries.FindAllAsync(Filter.And(filters), Sort.Ascending("date").Ascending("recordedAt").Ascending("_id"), Records.FromDocument, cancellationToken);
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
}
