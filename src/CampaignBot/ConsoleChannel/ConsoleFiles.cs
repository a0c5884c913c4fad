namespace CampaignBot.ConsoleChannel;

/// <summary>
/// Files "sent" on the console: the path typed with /attach on the machine the bot runs on, read when the evidence is
/// fetched. Only the console channel produces such references; the person at the terminal is the machine's operator.
/// </summary>
public sealed class ConsoleFiles : IChannelFiles
{
    public string Channel => ConsoleSender.ChannelName;

    public async Task<ChannelFile> FetchAsync(string fileRef, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileRef);
        var file = new FileInfo(fileRef);
        if (!file.Exists)
        {
            throw new FileNotFoundException("The attached file is no longer there.", file.Name);
        }

        if (file.Length > maxBytes)
        {
            throw new FileTooLargeException(file.Length, maxBytes);
        }

        return new ChannelFile(await File.ReadAllBytesAsync(file.FullName, cancellationToken), file.Name);
    }
}
