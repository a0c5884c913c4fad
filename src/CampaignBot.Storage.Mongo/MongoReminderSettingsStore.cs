using CampaignBot.Core.Features.Study;

namespace CampaignBot.Storage.Mongo;

internal sealed class MongoReminderSettingsStore(IMongoCollection<BsonDocument> settings) : IReminderSettingsStore
{
    private static readonly MongoRecords<ReminderSettings> Records = new(nameof(ReminderSettings.MemberId));

    public Task<ReminderSettings?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        return settings.FindOneAsync(ById(memberId), Records.FromDocument, cancellationToken);
    }

    public Task UpsertAsync(ReminderSettings value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(value.MemberId, nameof(value));
        return Upsert.ReplaceAsync(settings, value.MemberId, Records.ToDocument(value), cancellationToken);
    }

    public Task<IReadOnlyList<ReminderSettings>> ListAsync(CancellationToken cancellationToken)
    {
        return settings.FindAllAsync(FilterDefinition<BsonDocument>.Empty, Sort.Ascending("_id"), Records.FromDocument, cancellationToken);
    }
}
