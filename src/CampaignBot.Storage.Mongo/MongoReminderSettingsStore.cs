using CampaignBot.Core.Features.Study;

namespace CampaignBot.Storage.Mongo;

internal sealed class MongoReminderSettingsStore(IMongoCollection<BsonDocument> settings) : IReminderSettingsStore
{
    public Task<ReminderSettings?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        return settings.FindOneAsync(ById(memberId), FromDocument, cancellationToken);
    }

    public Task UpsertAsync(ReminderSettings value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(value.MemberId, nameof(value));
        var doc = new BsonDocument
        {
            { "_id", value.MemberId },
            { "hour", value.Hour is { } hour ? new BsonInt32(hour) : BsonNull.Value },
            { "mutedUntil", Text(value.MutedUntil is { } until ? MongoActivityLogStore.DateText(until) : null) },
        };
        return Upsert.ReplaceAsync(settings, value.MemberId, doc, cancellationToken);
    }

    public Task<IReadOnlyList<ReminderSettings>> ListAsync(CancellationToken cancellationToken)
    {
        return settings.FindAllAsync(FilterDefinition<BsonDocument>.Empty, Sort.Ascending("_id"), FromDocument, cancellationToken);
    }

    private static ReminderSettings FromDocument(BsonDocument doc) => new()
    {
        MemberId = doc["_id"].AsString,
        Hour = doc["hour"].IsBsonNull ? null : doc["hour"].AsInt32,
        MutedUntil = doc.GetNullableString("mutedUntil") is { } text ? MongoActivityLogStore.ParseDate(text) : null,
    };
}
