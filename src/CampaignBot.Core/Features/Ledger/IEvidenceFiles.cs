namespace CampaignBot.Core.Features.Ledger;

/// <summary>
/// The evidence store: photos and documents kept by their SHA-256, so the same file sent twice is kept once and a
/// stored file can be checked against its name. The host keeps them in a folder under its data folder.
/// </summary>
public interface IEvidenceFiles
{
    /// <summary>Keeps the bytes (once per content) and returns their lower-case hex SHA-256.</summary>
    Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken);

    /// <summary>The stored file, or null when there is none with that hash (or the hash is malformed).</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken);
}
