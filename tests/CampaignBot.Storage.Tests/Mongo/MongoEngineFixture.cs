using System.ComponentModel;
using System.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CampaignBot.Storage.Tests.Mongo;

/// <summary>
/// A MongoDB server for the tests: the one named by MONGODB_URI when set, otherwise the pinned
/// wire-compatible engine under tests/mongo-engine (installed with npm ci on first use), started
/// on a loopback port and stopped at the end. Fails with the reason when neither is possible.
/// Self-contained so that other test projects can link this file.
/// </summary>
public sealed class MongoEngineFixture : IAsyncLifetime
{
    public const string UriVariable = "MONGODB_URI";
    private const string EnginePackage = "@jongodb/memory-server-bin-linux-x64-gnu";
    private const string UriLinePrefix = "JONGODB_URI=";
    private const string FailureLinePrefix = "JONGODB_START_FAILURE=";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

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
        connectionString = string.IsNullOrWhiteSpace(fromEnvironment) ? await StartEngineAsync() : fromEnvironment;
        await WaitForPingAsync(connectionString);
        StartupTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (engine is null)
        {
            await DropTestDatabasesAsync();
            return;
        }

        if (!engine.HasExited)
        {
            engine.Kill(entireProcessTree: true);
            await engine.WaitForExitAsync();
        }

        engine.Dispose();
    }

    private async Task<string> StartEngineAsync()
    {
        var directory = FindEngineDirectory();
        var binary = Path.Combine(directory, "node_modules", EnginePackage, "bin", "jongodb");
        if (!File.Exists(binary))
        {
            await InstallEngineAsync(directory);
            if (!File.Exists(binary))
            {
                throw new InvalidOperationException($"npm ci in {directory} succeeded but {binary} is still missing.");
            }
        }

        // --port=0 lets the engine bind a free port itself (no race); it prints the URI once it listens.
        var info = new ProcessStartInfo(binary)
        {
            ArgumentList = { "--host=127.0.0.1", "--port=0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        engine = new Process { StartInfo = info, EnableRaisingEvents = true };
        engine.OutputDataReceived += (_, e) => OnEngineLine(e.Data, started);
        engine.ErrorDataReceived += (_, e) => OnEngineLine(e.Data, started);
        engine.Exited += (_, _) => started.TrySetException(new InvalidOperationException(
            $"The MongoDB test engine {binary} exited before it was ready. Its output:{Environment.NewLine}{EngineOutput()}"));
        engine.Start();
        engine.BeginOutputReadLine();
        engine.BeginErrorReadLine();

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

    private static string FindEngineDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "mongo-engine");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"Cannot find tests/mongo-engine/package.json above {AppContext.BaseDirectory}; set {UriVariable} to use a MongoDB server instead.");
    }

    private static async Task InstallEngineAsync(string directory)
    {
        // A lock file keeps test projects that run in parallel from installing into one folder at once.
        await using var installLock = await AcquireInstallLockAsync(Path.Combine(directory, ".install.lock"));
        if (Directory.Exists(Path.Combine(directory, "node_modules", EnginePackage)))
        {
            return;
        }

        var info = new ProcessStartInfo("npm")
        {
            ArgumentList = { "ci", "--no-audit", "--no-fund" },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process npm;
        try
        {
            npm = Process.Start(info) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"The MongoDB test engine is not installed and npm cannot be run ({ex.Message}). Install Node.js and npm, or set {UriVariable}.", ex);
        }

        using (npm)
        {
            var output = npm.StandardOutput.ReadToEndAsync();
            var errors = npm.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(InstallTimeout);
            try
            {
                await npm.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                npm.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"npm ci in {directory} took longer than {InstallTimeout.TotalMinutes} min; set {UriVariable} to use a MongoDB server instead.");
            }

            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"npm ci in {directory} failed with exit code {npm.ExitCode}, so the MongoDB test engine cannot run; set {UriVariable} to use a MongoDB server instead.{Environment.NewLine}{await output}{await errors}");
            }
        }
    }

    private static async Task<FileStream> AcquireInstallLockAsync(string path)
    {
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
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

    // Only a real server (MONGODB_URI) can drop; the engine's data dies with its process.
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
            await client.DropDatabaseAsync(name);
        }
    }
}

/// <summary>Test classes that need MongoDB join this collection and share one server.</summary>
[CollectionDefinition(Name)]
public sealed class MongoEngineCollection : ICollectionFixture<MongoEngineFixture>
{
    public const string Name = "MongoDB engine";
}
