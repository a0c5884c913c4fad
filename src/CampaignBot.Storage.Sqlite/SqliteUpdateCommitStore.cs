namespace CampaignBot.Storage.Sqlite;

/// <summary>One handled update as one unit of the writer: session (version check first), outbox, jobs, inbox mark.</summary>
internal sealed class SqliteUpdateCommitStore(SqliteDatabase database) : IUpdateCommitStore
{
    public async Task<bool> TryCommitAsync(UpdateCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(commit.Session, nameof(commit));
        ArgumentException.ThrowIfNullOrWhiteSpace(commit.Session.Key, nameof(commit));
        ArgumentOutOfRangeException.ThrowIfNegative(commit.Session.Version, nameof(commit));

        var saved = await database.WriteAsync(
            async (write, token) =>
            {
                // The version check comes first: on a conflict nothing else has been written.
                if (await SqliteSessionStore.SaveAsync(write, commit.Session, token) != 1)
                {
                    return false;
                }

                await SqliteOutboxStore.InsertAsync(write, commit.Messages, token);
                foreach (var id in commit.CancelledJobs)
                {
                    var cancel = write.Command(SqliteJobStore.CancelSql);
                    cancel.Parameters.Set("@id", id);
                    await cancel.ExecuteNonQueryAsync(token);
                }

                foreach (var job in commit.Jobs)
                {
                    var upsert = write.Command(SqliteJobStore.UpsertSql);
                    SqliteJobStore.BindUpsert(upsert.Parameters, job);
                    await upsert.ExecuteNonQueryAsync(token);
                }

                if (commit.InboxId is { } inboxId)
                {
                    var mark = write.Command(SqliteInboxStore.CompleteSql);
                    mark.Parameters.Set("@id", inboxId).Set("@status", InboxStatus.Handled).Set("@error", null);
                    await mark.ExecuteNonQueryAsync(token);
                }

                return true;
            },
            cancellationToken);
        if (saved)
        {
            commit.Session.Version++;
        }

        return saved;
    }
}
