using CampaignBot.Core.Scheduling;

namespace CampaignBot.Storage.Sqlite;

internal sealed class SqliteJobStore(SqliteDatabase database) : IJobStore
{
    private const string Columns = "id, kind, payload, due_at, interval_ticks, lease_owner, lease_until, recurrence";
    private const string FiringColumns = "job_id, due_at, owner, fired_at, completed_at, effects";

    public Task UpsertAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(job.Id, nameof(job));
        ArgumentException.ThrowIfNullOrWhiteSpace(job.Kind, nameof(job));
        ArgumentNullException.ThrowIfNull(job.Payload, nameof(job));
        return database.ExecuteAsync(UpsertSql, p => BindUpsert(p, job), cancellationToken);
    }

    internal const string UpsertSql =
        $"""
        INSERT INTO jobs ({Columns}) VALUES (@id, @kind, @payload, @due, NULL, NULL, NULL, @recurrence)
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, payload = excluded.payload, due_at = excluded.due_at,
            interval_ticks = NULL, recurrence = excluded.recurrence, lease_owner = NULL, lease_until = NULL;
        """;

    internal const string CancelSql = "DELETE FROM jobs WHERE id = @id;";

    internal static void BindUpsert(SqliteParameterCollection p, ScheduledJob job) =>
        p.Set("@id", job.Id).Set("@kind", job.Kind).Set("@payload", job.Payload).Set("@due", job.DueAt).Set("@recurrence", job.Recurrence);

    public Task<bool> CancelAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.ChangesOneAsync(CancelSql, p => p.Set("@id", id), cancellationToken);
    }

    public Task<ScheduledJob?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.QuerySingleAsync($"SELECT {Columns} FROM jobs WHERE id = @id;", p => p.Set("@id", id), Read, cancellationToken);
    }

    public Task<IReadOnlyList<ScheduledJob>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return database.QueryAsync(
            $"SELECT {Columns} FROM jobs WHERE due_at <= @now AND {SqliteValues.LeaseFree} ORDER BY due_at, id LIMIT @max;",
            p => p.Set("@now", now).Set("@max", max),
            Read,
            cancellationToken);
    }

    public Task<bool> TryLeaseAsync(
        string id, DateTimeOffset dueAt, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        SqliteValues.RequireOwner(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return database.ChangesOneAsync(
            $"""
            UPDATE jobs SET lease_owner = @owner, lease_until = @until
            WHERE id = @id AND due_at = @due AND {SqliteValues.LeaseFree};
            """,
            p => p.Set("@id", id).Set("@due", dueAt).Set("@owner", owner).Set("@until", now + lease).Set("@now", now),
            cancellationToken);
    }

    public Task<bool> TryRecordFiringAsync(JobFiring firing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firing);
        ArgumentException.ThrowIfNullOrWhiteSpace(firing.JobId, nameof(firing));
        ArgumentException.ThrowIfNullOrWhiteSpace(firing.Owner, nameof(firing));
        return database.ChangesOneAsync(
            $"""
            INSERT INTO job_firings ({FiringColumns}) VALUES (@job, @due, @owner, @fired, @completed, @effects)
            ON CONFLICT (job_id, due_at) DO NOTHING;
            """,
            p => p.Set("@job", firing.JobId).Set("@due", firing.DueAt).Set("@owner", firing.Owner)
                .Set("@fired", firing.FiredAt).Set("@completed", firing.CompletedAt).Set("@effects", firing.Effects),
            cancellationToken);
    }

    public Task<JobFiring?> GetFiringAsync(string jobId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return database.QuerySingleAsync(
            $"SELECT {FiringColumns} FROM job_firings WHERE job_id = @job AND due_at = @due;",
            p => p.Set("@job", jobId).Set("@due", dueAt),
            r => new JobFiring(r.GetString(0), r.Time(1), r.GetString(2), r.Time(3), r.TimeOrNull(4)) { Effects = r.TextOrNull(5) },
            cancellationToken);
    }

    public Task CompleteAsync(
        string id, DateTimeOffset firedDueAt, DateTimeOffset? nextDueAt, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.WriteAsync(
            async (write, token) =>
            {
                var firing = write.Command("UPDATE job_firings SET completed_at = @at, effects = NULL WHERE job_id = @id AND due_at = @fired;");
                firing.Parameters.Set("@id", id).Set("@fired", firedDueAt).Set("@at", completedAt);
                await firing.ExecuteNonQueryAsync(token);

                // Filtered on the fired due time: a re-schedule made while the job ran stays as it is.
                var job = write.Command(
                    nextDueAt is null
                        ? "DELETE FROM jobs WHERE id = @id AND due_at = @fired;"
                        : "UPDATE jobs SET due_at = @next, lease_owner = NULL, lease_until = NULL WHERE id = @id AND due_at = @fired;");
                job.Parameters.Set("@id", id).Set("@fired", firedDueAt).Set("@next", nextDueAt);
                return await job.ExecuteNonQueryAsync(token);
            },
            cancellationToken);
    }

    private static ScheduledJob Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Kind = r.GetString(1),
        Payload = r.GetString(2),
        DueAt = r.Time(3),
        // A job stored before recurrence was calendar time keeps its interval until it is next scheduled.
        Recurrence = r.TextOrNull(7) ?? (r.SpanOrNull(4) is { } interval ? Recurrence.LegacyInterval(interval) : null),
        LeaseOwner = r.TextOrNull(5),
        LeaseUntil = r.TimeOrNull(6),
    };
}
