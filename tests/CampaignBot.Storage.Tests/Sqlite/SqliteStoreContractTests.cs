using CampaignBot.Core.Storage;
using CampaignBot.Storage.Sqlite;
using CampaignBot.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Tests.Sqlite;

/// <summary>The store contract on SQLite: one temp folder per test, one file per database name, deleted after.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "campaignbot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_ballot_or_a_change_after_the_count_and_close_is_refused_and_nothing_changes()
    {
        var stores = await OpenFreshAsync();
        var round = Round("2b3c4d5e", "county_east") with { AllowChange = true };
        await stores.EvaluationRounds.CreateAsync(round, Ct);
        var early = VoterHash(round.Id, "telegram:1");
        await stores.Ballots.CastAsync(new Core.Features.Evaluations.Ballot(round.Id, early, "satisfied", T0), true, Ct);
        await stores.EvaluationRounds.TryCountAndCloseAsync(round.Id, stores.Ballots, CountedResult, Ct);

        var late = await stores.Ballots.CastAsync(new Core.Features.Evaluations.Ballot(round.Id, VoterHash(round.Id, "telegram:2"), "satisfied", T0), true, Ct);
        var changed = await stores.Ballots.CastAsync(new Core.Features.Evaluations.Ballot(round.Id, early, "unsatisfied", T0), true, Ct);

        Assert.Equal(Core.Features.Evaluations.CastOutcome.RoundClosed, late);
        Assert.Equal(Core.Features.Evaluations.CastOutcome.RoundClosed, changed);
        var stored = Assert.Single(await stores.Ballots.ListAsync(round.Id, Ct));
        Assert.Equal("satisfied", stored.Choice);
        Assert.Equal(1, (await stores.EvaluationRounds.GetAsync(round.Id, Ct))!.Result!.Votes);
    }

    protected override Task<StoreBundle> OpenAsync(string databaseName) =>
        SqliteStores.OpenAsync(Path.Combine(folder, "data", databaseName + ".db"), CancellationToken.None);

    protected override async Task<IReadOnlyList<string>> RawRecordsAsync(string databaseName, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "data", databaseName + ".db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table};";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={reader.GetValue(i)}")));
        }

        return rows;
    }

    public override Task DisposeAsync()
    {
        // Pooled connections keep the files open; release them before deleting.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
