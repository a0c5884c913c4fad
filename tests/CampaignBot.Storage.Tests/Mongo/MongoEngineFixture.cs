using System.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CampaignBot.Storage.Tests.Mongo;

/// <summary>
/// A MongoDB server for the tests: the one named by MONGODB_URI when set, otherwise the pinned
/// wire-compatible engine under tests/mongo-engine (installed with npm ci on first use), started
/// on a loopback port and stopped at the end. Fails with the reason when neither is possible.
/// Other test projects can reuse it by linking this file and MongoEngineInstall.cs.
/// </summary>
public sealed class MongoEngineFixture : IAsyncLifetime
{
    public const string UriVariable = "MONGODB_URI";
    private const string UriLinePrefix = "JONGODB_URI=";
    private const string FailureLinePrefix = "JONGODB_START_FAILURE=";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly List<string> databases = [];
    private readonly Queue<string> engineOutput = new();
    private Process? engine;
    private string? connectionString;

    /// <summary>Where the tests connect.</summary>
    public string ConnectionString => connectionString ?? throw new InvalidOperationException("The MongoDB fixture has not started.");

    /// <summary>True when the tests run against the engine this fixture started, false for MONGODB_URI.</summary>
    public bool UsesEngine => engine is not null;

    /// <summary>How long it took to have a server answering ping.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>A database name no other test uses (the engine cannot drop, so tests never share one).</summary>
    public string NewDatabaseName()
    {
        var name = "cbtest_" + Guid.NewGuid().ToString("N");
        lock (databases)
        {
            databases.Add(name);
        }

        return name;
    }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var fromEnvironment = Environment.GetEnvironmentVariable(UriVariable);
        try
        {
            connectionString = string.IsNullOrWhiteSpace(fromEnvironment) ? await StartEngineAsync() : fromEnvironment;
            await WaitForPingAsync(connectionString);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or MongoException)
        {
            // A half-started engine must not outlive the failed run.
            await StopEngineAsync();
            throw;
        }

        StartupTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (engine is null)
        {
            await DropTestDatabasesAsync();
            return;
        }

        await StopEngineAsync();
    }

    private async Task StopEngineAsync()
    {
        if (engine is null)
        {
            return;
        }

        if (!engine.HasExited)
        {
            engine.Kill(entireProcessTree: true);
            await engine.WaitForExitAsync();
        }

        engine.Dispose();
        engine = null;
    }

    private async Task<string> StartEngineAsync()
    {
        var binary = await MongoEngineInstall.EnsureBinaryAsync();

        // --port=0 lets the engine bind a free port itself (no race); it prints the URI once it listens.
        var info = new ProcessStartInfo(binary)
        {
            ArgumentList = { "--host=127.0.0.1", "--port=0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnEngineLine(e.Data, started);
        process.ErrorDataReceived += (_, e) => OnEngineLine(e.Data, started);
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException(
            $"The MongoDB test engine {binary} exited before it was ready. Its output:{Environment.NewLine}{EngineOutput()}"));
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"The MongoDB test engine {binary} cannot be run ({ex.Message}); set {UriVariable} to use a MongoDB server instead.", ex);
        }

        engine = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            return await started.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException(
                $"The MongoDB test engine did not report its address within {StartTimeout.TotalSeconds} s. Its output:{Environment.NewLine}{EngineOutput()}");
        }
    }

    private void OnEngineLine(string? line, TaskCompletionSource<string> started)
    {
        if (line is null)
        {
            return;
        }

        lock (engineOutput)
        {
            engineOutput.Enqueue(line);
            if (engineOutput.Count > 40)
            {
                engineOutput.Dequeue();
            }
        }

        if (line.StartsWith(UriLinePrefix, StringComparison.Ordinal))
        {
            started.TrySetResult(line[UriLinePrefix.Length..].Trim());
        }
        else if (line.StartsWith(FailureLinePrefix, StringComparison.Ordinal))
        {
            started.TrySetException(new InvalidOperationException($"The MongoDB test engine failed to start: {line[FailureLinePrefix.Length..]}"));
        }
    }

    private string EngineOutput()
    {
        lock (engineOutput)
        {
            return string.Join(Environment.NewLine, engineOutput);
        }
    }

    private static async Task WaitForPingAsync(string uri)
    {
        var settings = MongoClientSettings.FromConnectionString(uri);
        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(2);
        var client = new MongoClient(settings);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
                return;
            }
            catch (Exception ex) when (ex is TimeoutException or MongoException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
            catch (Exception ex) when (ex is TimeoutException or MongoException)
            {
                throw new InvalidOperationException($"No MongoDB server answered ping at {new MongoUrl(uri).Server} within {StartTimeout.TotalSeconds} s.", ex);
            }
        }
    }

    // Only for MONGODB_URI: the engine's data dies with its process.
    private async Task DropTestDatabasesAsync()
    {
        if (connectionString is null)
        {
            return;
        }

        var client = new MongoClient(connectionString);
        string[] names;
        lock (databases)
        {
            names = [.. databases];
        }

        foreach (var name in names)
        {
            try
            {
                await client.DropDatabaseAsync(name);
            }
            catch (MongoCommandException)
            {
                // A server without dropDatabase (the engine behind MONGODB_URI) keeps them; the names never repeat.
                return;
            }
        }
    }
}

/// <summary>Test classes that need MongoDB join this collection and share one server.</summary>
[CollectionDefinition(Name)]
public sealed class MongoEngineCollection : ICollectionFixture<MongoEngineFixture>
{
    public const string Name = "MongoDB engine";
}
