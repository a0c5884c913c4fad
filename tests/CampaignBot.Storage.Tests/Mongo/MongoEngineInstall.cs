using System.ComponentModel;
using System.Diagnostics;

namespace CampaignBot.Storage.Tests.Mongo;

/// <summary>
/// Finds the pinned engine binary under tests/mongo-engine, running npm ci there first when it is
/// missing (a fresh clone). Part of <see cref="MongoEngineFixture"/>; link both files to reuse it.
/// </summary>
internal static class MongoEngineInstall
{
    private const string EnginePackage = "@jongodb/memory-server-bin-linux-x64-gnu";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public static async Task<string> EnsureBinaryAsync()
    {
        var directory = FindEngineDirectory();
        var binary = Path.Combine(directory, "node_modules", EnginePackage, "bin", "jongodb");
        if (!File.Exists(binary))
        {
            await InstallAsync(directory);
            if (!File.Exists(binary))
            {
                throw new InvalidOperationException($"npm ci in {directory} succeeded but {binary} is still missing.");
            }
        }

        return binary;
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
            $"Cannot find tests/mongo-engine/package.json above {AppContext.BaseDirectory}; set {MongoEngineFixture.UriVariable} to use a MongoDB server instead.");
    }

    private static async Task InstallAsync(string directory)
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
                $"The MongoDB test engine is not installed and npm cannot be run ({ex.Message}). Install Node.js and npm, or set {MongoEngineFixture.UriVariable}.", ex);
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
                throw new InvalidOperationException($"npm ci in {directory} took longer than {InstallTimeout.TotalMinutes} min; set {MongoEngineFixture.UriVariable} to use a MongoDB server instead.");
            }

            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"npm ci in {directory} failed with exit code {npm.ExitCode}, so the MongoDB test engine cannot run; set {MongoEngineFixture.UriVariable} to use a MongoDB server instead.{Environment.NewLine}{await output}{await errors}");
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
}
