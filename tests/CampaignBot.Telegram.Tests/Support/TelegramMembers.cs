using System.Globalization;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Telegram.Tests.Support;

/// <summary>A member registered over Telegram, stored straight into the store (tests that are not about registering).</summary>
internal static class TelegramMembers
{
    public static Task RegisterAsync(IMemberStore members, long userId, string name, string role, string unit, string rank, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(members);
        var user = userId.ToString(CultureInfo.InvariantCulture);
        return members.UpsertAsync(TestMembers.OnTelegram(user, name, unit, role, rank, at), CancellationToken.None);
    }
}
