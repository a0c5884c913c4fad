using Telegram.Bot.Exceptions;

namespace CampaignBot.Telegram.Receiving;

/// <summary>
/// Fetches a file someone sent the bot: getFile for its path, then the Bot API's file download URL (which carries the
/// token, so neither is logged). Telegram lets bots fetch files up to 20 MB; getFile refuses larger ones.
/// </summary>
public sealed class TelegramFiles(IHttpClientFactory httpClients, IOptions<TelegramOptions> options) : IChannelFiles
{
    public string Channel => TelegramUpdateMapper.Channel;

    public async Task<ChannelFile> FetchAsync(string fileRef, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileRef);
        var bot = TelegramChannelExtensions.CreateClient(httpClients.CreateClient(TelegramChannelExtensions.HttpClientName), options.Value);
        TGFile file;
        try
        {
            file = await bot.GetFile(fileRef, cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.Message.Contains("file is too big", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileTooLargeException(null, maxBytes);
        }

        if (file.FileSize > maxBytes)
        {
            throw new FileTooLargeException(file.FileSize, maxBytes);
        }

        if (file.FilePath is not { Length: > 0 } path)
        {
            throw new InvalidOperationException("Telegram's getFile gave no file path for the file.");
        }

        using var content = new BoundedMemoryStream(maxBytes);
        try
        {
            await bot.DownloadFile(path, content, cancellationToken);
        }
        catch (Exception ex) when (ex is not FileTooLargeException && ex.InnerException is FileTooLargeException tooLarge)
        {
            throw tooLarge;
        }

        return new ChannelFile(content.ToArray(), Path.GetFileName(path));
    }
}
