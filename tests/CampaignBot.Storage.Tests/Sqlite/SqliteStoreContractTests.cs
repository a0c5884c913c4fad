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
