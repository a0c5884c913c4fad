using System.Security.Cryptography;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Hosting;

namespace CampaignBot.Features.Ledger;

/// <summary>
/// The evidence store as a folder: each file is kept once under its SHA-256 (two levels of folders by its first
/// characters, so no folder grows huge), written to a temporary name and moved into place so a reader never sees half a file.
/// </summary>
public sealed class LocalEvidenceFiles(string folder) : IEvidenceFiles
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Ledger:EvidenceFolder, or "evidence" beside the SQLite file, or data/evidence when MongoDB holds the data.</summary>
    public static string FolderFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[$"{LedgerOptions.SectionName}:{nameof(LedgerOptions.EvidenceFolder)}"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var storage = StorageOptions.From(configuration);
        return storage.UsesMongo ? Path.Combine("data", "evidence") : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.SqlitePath)) ?? "data", "evidence");
    }

    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(sha);
        if (File.Exists(path))
        {
            return sha;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".part";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another fetch of the same content got there first; its copy is the same bytes.
            File.Delete(temporary);
        }

        return sha;
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!IsHash(sha256) || !File.Exists(PathOf(sha256)))
        {
            return Task.FromResult<Stream?>(null);
        }

        return Task.FromResult<Stream?>(new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    /// <summary>64 lower-case hex digits, nothing else: a hash from a URL never names a path outside the folder.</summary>
    public static bool IsHash(string? value) => value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    private string PathOf(string sha) => Path.Combine(Folder, sha[..2], sha[2..4], sha);
}
