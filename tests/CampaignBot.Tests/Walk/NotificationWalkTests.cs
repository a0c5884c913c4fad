using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>Notices the office sends to the units' groups, as the groups receive them in the real host: one per group.</summary>
public sealed class NotificationWalkTests : IDisposable
{
    private static readonly ChatRef Dongguan = new("console", "-905", ChatKind.Group, "东关村群");
    private static readonly ChatRef East = new("console", "-906", ChatKind.Group, "东县群");
    private static readonly ChatRef OfficeGroup = new("console", "-907", ChatKind.Group, "活动办工作群");
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task The_office_publishing_the_bulletin_in_a_group_posts_it_once_to_each_units_linked_group_and_not_once_per_unit_to_that_group()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "20", "县书记", "county_east", "secretary");
        await chat.SendAsync("40", new CommandInput("link", string.Empty), Dongguan);
        await chat.SendAsync("20", new CommandInput("link", string.Empty), East);

        await chat.SendAsync("1", new CommandInput("bulletin", "2027-01 publish"), OfficeGroup);

        const string Heading = "【2027-01 月通报】";
        Assert.Single(chat.BodiesTo(Dongguan).OfType<TextMessage>(), m => m.Text.StartsWith(Heading, StringComparison.Ordinal));
        Assert.Single(chat.BodiesTo(East).OfType<TextMessage>(), m => m.Text.StartsWith(Heading, StringComparison.Ordinal));
        Assert.DoesNotContain(Heading, chat.SentTo(OfficeGroup), StringComparison.Ordinal);
        Assert.Contains("2027-01 月通报已发布到 2 个单位群。", chat.SentTo(CampaignChat.Private("1")), StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
