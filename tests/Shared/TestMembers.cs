using CampaignBot.Core.Features.Registration;

namespace CampaignBot.Tests.Shared;

/// <summary>Members as a finished registration stores them, for tests that are not about registering.</summary>
internal static class TestMembers
{
    public static Member OnTelegram(string user, string name, string unit, string role, string rank, DateTimeOffset registeredAt) => new()
    {
        Id = Member.IdFor("telegram", user),
        Channel = "telegram",
        UserId = user,
        Name = name,
        Rank = rank,
        UnitId = unit,
        Role = role,
        RegisteredAt = registeredAt,
    };
}
