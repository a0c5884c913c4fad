using CampaignBot.Core.Storage;
using CampaignBot.Storage.Sqlite;
using CampaignBot.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Tests.Sqlite;

/// <summary>The store contract on SQLite: one temp folder per test, one file per database name, deleted after.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "campaignbot-tests", Guid.NewGuid().ToString("N"));

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
