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

    [Fact]
    public async Task Ballots_and_anonymous_opinions_are_read_back_in_key_order_not_in_the_order_they_came()
    {
        var name = NewDatabaseName();
        var stores = await OpenAsync(name);
        var hashes = Enumerable.Range(0, 20).Select(i => VoterHash("r1", $"telegram:{i}")).ToList();
        foreach (var hash in hashes)
        {
            await stores.Ballots.CastAsync(new Core.Features.Evaluations.Ballot("r1", hash, "satisfied", T0), false, Ct);
        }

        foreach (var id in new[] { "ZZZZ2345", "ABCD2345", "MMMM2345" })
        {
            await stores.Opinions.AddAsync(
                new Core.Features.Opinions.Opinion
                {
                    Id = id, UnitId = "u1", CollectionId = "c0ffee01", Source = Core.Features.Opinions.OpinionSource.Anonymous,
                    Category = "other", Text = "群众反映窗口办事推诿，跑了三次才办成。", GivenOn = DateOnly.FromDateTime(T0.UtcDateTime),
                },
                "receipt-" + id,
                Ct);
        }

        // A rowid table reads back in the order of writing, which lines up with the inbox and outbox rows of who voted
        // or wrote when; read without an order, the rows come in the order of their keys (hashes, random ids).
        var ballots = (await RawRecordsAsync(name, "ballots")).Select(r => r.Split(" | ")[1]).ToList();
        Assert.Equal(hashes.Select(h => "voter_hash=" + h).Order(StringComparer.Ordinal), ballots);
        var opinions = (await RawRecordsAsync(name, Core.Features.Opinions.DocumentOpinionStore.Table)).Select(r => r.Split(" | ")[0]).ToList();
        Assert.Equal(["id=ABCD2345", "id=MMMM2345", "id=ZZZZ2345"], opinions);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "data", name + ".db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var rowids = connection.CreateCommand();
        rowids.CommandText = "SELECT rowid FROM opinion_places;";
        Assert.Throws<SqliteException>(() => rowids.ExecuteScalar());
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
