namespace CampaignBot.Telegram.Receiving;

/// <summary>Our bot's username (from getMe), fetched once and kept; needed to tell our commands in groups.</summary>
public sealed class BotIdentity(ITelegramBotClient bot)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _username;

    public async Task<string> GetUsernameAsync(CancellationToken cancellationToken)
    {
        if (_username is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _username ??= (await bot.GetMe(cancellationToken)).Username ?? "";
            return _username;
        }
        finally
        {
            _gate.Release();
        }
    }
}
