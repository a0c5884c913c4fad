namespace CampaignBot.Telegram.Receiving;

/// <summary>
/// How the client's JSON reader fails on an update it cannot read. Besides <see cref="System.Text.Json.JsonException"/>,
/// its polymorphic converters throw <see cref="KeyNotFoundException"/> when a kind's "status" or "type" is missing, and the
/// reader throws <see cref="InvalidOperationException"/> on a value of the wrong kind or an escape of half a character, and the
/// date converter <see cref="ArgumentOutOfRangeException"/> on a date past 9999.
/// One such update is skipped; left unrecognised it would stop polling at its offset, or make Telegram post it again forever.
/// </summary>
public static class UnreadableUpdates
{
    public static bool IsUnreadable(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or NotSupportedException or FormatException or OverflowException or ArgumentException)
            {
                return true;
            }
        }

        return false;
    }
}
