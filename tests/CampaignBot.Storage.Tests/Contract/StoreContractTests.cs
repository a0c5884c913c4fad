using CampaignBot.Core.Storage;

namespace CampaignBot.Storage.Tests.Contract;

/// <summary>
/// The rules every store keeps, written against the Core interfaces only (no SQL, no driver types).
/// A store gets the whole suite by subclassing once and implementing <see cref="OpenAsync"/>.
/// The suite is split by store into partial files (InboxContract.cs, SessionContract.cs, …).
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = ContractData.T0;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>
    /// Opens the named database. The same name opens the same data again (how a test simulates a
    /// restart); a name not used before gives an empty database.
    /// </summary>
    protected abstract Task<StoreBundle> OpenAsync(string databaseName);

    /// <summary>
    /// Every row (SQLite) or document (MongoDB) of a table as the store wrote it, one string each with every column or
    /// field: for rules about what must never be stored, checked on the raw data rather than through the port.
    /// </summary>
    protected abstract Task<IReadOnlyList<string>> RawRecordsAsync(string databaseName, string table);

    /// <summary>Runs before each test; a store may start a server or make a folder here.</summary>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Runs after each test; a store deletes the databases it opened here.</summary>
    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A name safe for a file and for a MongoDB database (short, letters, digits, underscore).</summary>
    protected static string NewDatabaseName() => "contract_" + Guid.NewGuid().ToString("N")[..20];

    protected Task<StoreBundle> OpenFreshAsync() => OpenAsync(NewDatabaseName());

    /// <summary>Starts <paramref name="count"/> calls on the thread pool together and waits for all.</summary>
    protected static async Task<T[]> InParallelAsync<T>(int count, Func<int, Task<T>> call)
    {
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, count)
            .Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await call(i);
            }))
            .ToArray();
        start.Set();
        return await Task.WhenAll(tasks);
    }
}
