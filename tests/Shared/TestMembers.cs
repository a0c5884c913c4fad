using CampaignBot.Core.Features.Registration;

namespace CampaignBot.Tests.Shared;

/// <summary>Members as a finished registration stores them, for tests that are not about registering.</summary>
internal static class TestMembers
{
    public static Member OnTelegram(string user, string name, string unit, string role, string rank, DateTimeOffset registeredAt) =>
        On("telegram", user, name, unit, role, rank, registeredAt);

    public static Member OnConsole(string user, string name, string unit, string role, string rank, DateTimeOffset registeredAt) =>
        On("console", user, name, unit, role, rank, registeredAt);

    private static Member On(string channel, string user, string name, string unit, string role, string rank, DateTimeOffset registeredAt) => new()
    {
        Id = Member.IdFor(channel, user),
        Channel = channel,
        UserId = user,
        Name = name,
        Rank = rank,
        UnitId = unit,
        Role = role,
        RegisteredAt = registeredAt,
    };
}
