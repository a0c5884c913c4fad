using CampaignBot.Core.Scheduling;

namespace CampaignBot.Storage.Mongo;

/// <summary>Jobs share work through leases; exactly-once rests on the unique (job, due time) firing record.</summary>
internal sealed class MongoJobStore(IMongoCollection<BsonDocument> jobs, IMongoCollection<BsonDocument> firings) : IJobStore
{
    private static readonly MongoRecords<ScheduledJob> Records = new(nameof(ScheduledJob.Id));

    public Task UpsertAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(job.Id, nameof(job));
        ArgumentException.ThrowIfNullOrWhiteSpace(job.Kind, nameof(job));
        ArgumentNullException.ThrowIfNull(job.Payload, nameof(job));
        return Upsert.ReplaceAsync(jobs, job.Id, Records.ToDocument(job with { LeaseOwner = null, LeaseUntil = null }), cancellationToken);
    }

    public Task<bool> CancelAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return jobs.DeleteByIdAsync(id, cancellationToken);
    }

    public Task<ScheduledJob?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return jobs.FindOneAsync(ById(id), FromDocument, cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduledJob>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);

        var docs = await jobs.Find(Filter.And(Filter.Lte("dueAt", Date(now)), LeaseFree(now)))
            .Sort(Sort.Ascending("dueAt").Ascending("_id"))
            .Limit(max)
            .ToListAsync(cancellationToken);
        return docs.ConvertAll(FromDocument);
    }

    public async Task<bool> TryLeaseAsync(string id, DateTimeOffset dueAt, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var result = await jobs.UpdateOneAsync(
            Filter.And(ById(id), Filter.Eq("dueAt", Date(dueAt)), LeaseFree(now)),
            Update.Set("leaseOwner", owner).Set("leaseUntil", Date(now + lease)),
            cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    public Task<bool> TryRecordFiringAsync(JobFiring firing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firing);
        var doc = new BsonDocument
        {
            { "jobId", firing.JobId },
            { "dueAt", Date(firing.DueAt) },
            { "owner", firing.Owner },
            { "firedAt", Date(firing.FiredAt) },
            { "completedAt", Date(firing.CompletedAt) },
            { "effects", Text(firing.Effects) },
        };
        return TryInsertAsync(firings, doc, cancellationToken);
    }

    public async Task<JobFiring?> GetFiringAsync(string jobId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var doc = await firings.Find(FiringKey(jobId, dueAt)).FirstOrDefaultAsync(cancellationToken);
        return doc is null
            ? null
            : new JobFiring(doc["jobId"].AsString, doc.GetDate("dueAt"), doc["owner"].AsString, doc.GetDate("firedAt"), doc.GetNullableDate("completedAt"))
            {
                Effects = doc.GetNullableString("effects"),
            };
    }

    public async Task CompleteAsync(string id, DateTimeOffset firedDueAt, DateTimeOffset? nextDueAt, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await firings.UpdateOneAsync(FiringKey(id, firedDueAt), Update.Set("completedAt", Date(completedAt)).Set("effects", BsonNull.Value), cancellationToken: cancellationToken);

        // Filtering on the fired due time lets a re-schedule made in between win.
        var stillFired = Filter.And(ById(id), Filter.Eq("dueAt", Date(firedDueAt)));
        if (nextDueAt is { } next)
        {
            await jobs.UpdateOneAsync(stillFired, ClearLease().Set("dueAt", Date(next)), cancellationToken: cancellationToken);
        }
        else
        {
            await jobs.DeleteOneAsync(stillFired, cancellationToken);
        }
    }

    private static FilterDefinition<BsonDocument> FiringKey(string jobId, DateTimeOffset dueAt) =>
        Filter.And(Filter.Eq("jobId", jobId), Filter.Eq("dueAt", Date(dueAt)));

    private static ScheduledJob FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        Kind = doc["kind"].AsString,
        Payload = doc["payload"].AsString,
        DueAt = doc.GetDate("dueAt"),
        // A job stored before recurrence was calendar time keeps its interval until it is next scheduled.
        Recurrence = doc.GetNullableString("recurrence")
            ?? (doc.TryGetValue("intervalTicks", out var ticks) && !ticks.IsBsonNull ? Recurrence.LegacyInterval(TimeSpan.FromTicks(ticks.ToInt64())) : null),
        LeaseOwner = doc.GetNullableString("leaseOwner"),
        LeaseUntil = doc.GetNullableDate("leaseUntil"),
    };
}
