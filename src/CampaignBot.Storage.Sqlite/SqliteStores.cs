using CampaignBot.Core.Storage;

namespace CampaignBot.Storage.Sqlite;

/// <summary>Opens the embedded SQLite store: one database file holding every store.</summary>
public static class SqliteStores
{
    public static Task<StoreBundle> OpenAsync(string databasePath, CancellationToken ct) =>
        throw new NotImplementedException("The SQLite store is being written.");
}
