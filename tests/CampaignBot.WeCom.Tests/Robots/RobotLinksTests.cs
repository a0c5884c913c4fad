using CampaignBot.Core.Features.Groups;
using CampaignBot.Core.Storage;
using CampaignBot.Storage.Sqlite;
using CampaignBot.Tests.Shared;
using CampaignBot.WeCom.Robots;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.WeCom.Tests.Robots;

/// <summary>What each start does to the chat records of the group robots, run twice on one store as two starts.</summary>
public sealed class RobotLinksTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "campaignbot-wecom-robots", Guid.NewGuid().ToString("N") + ".db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 2, 1, 8, 0, 0, TimeSpan.Zero));

    private async Task<IChatStore> StartAsync(Dictionary<string, string> robots, Dictionary<string, string> units)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var stores = await SqliteStores.OpenAsync(_file, CancellationToken.None);
        var options = Options.Create(new WeComOptions { GroupRobots = robots, RobotUnits = units });
        await new WeComRobotLinks(stores.Chats, TestCampaign.Create(), options, _time, NullLogger<WeComRobotLinks>.Instance).ApplyAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        return stores.Chats;
    }

    [Fact]
    public async Task A_robot_without_a_unit_setting_is_a_known_group_linked_to_nothing()
    {
        var chats = await StartAsync(new() { ["east"] = "k1" }, []);

        var chat = await chats.GetAsync("wecom", "east", CancellationToken.None);

        Assert.NotNull(chat);
        Assert.Null(chat.UnitId);
        Assert.True(chat.BotIsMember);
    }

    [Fact]
    public async Task A_link_made_with_link_survives_the_next_start()
    {
        var chats = await StartAsync(new() { ["east"] = "k1" }, []);
        var record = (await chats.GetAsync("wecom", "east", CancellationToken.None))!;
        await chats.UpsertAsync(record with { UnitId = "village_dongguan" }, CancellationToken.None);

        chats = await StartAsync(new() { ["east"] = "k1" }, []);

        Assert.Equal("east", (await ChatLinks.FindGroupOfUnitAsync(chats, "village_dongguan", CancellationToken.None))?.ChatId);
    }

    [Fact]
    public async Task The_unit_setting_wins_over_an_earlier_link_at_every_start()
    {
        var chats = await StartAsync(new() { ["east"] = "k1" }, []);
        var record = (await chats.GetAsync("wecom", "east", CancellationToken.None))!;
        await chats.UpsertAsync(record with { UnitId = "village_dongguan" }, CancellationToken.None);

        chats = await StartAsync(new() { ["east"] = "k1" }, new() { ["east"] = "county_east" });

        Assert.Equal("east", (await ChatLinks.FindGroupOfUnitAsync(chats, "county_east", CancellationToken.None))?.ChatId);
        Assert.Null(await ChatLinks.FindGroupOfUnitAsync(chats, "village_dongguan", CancellationToken.None));
    }

    [Fact]
    public async Task A_robot_taken_out_of_the_settings_no_longer_receives_its_units_announcements()
    {
        await StartAsync(new() { ["east"] = "k1" }, new() { ["east"] = "county_east" });

        var chats = await StartAsync([], []);

        Assert.Null(await ChatLinks.FindGroupOfUnitAsync(chats, "county_east", CancellationToken.None));
        Assert.False((await chats.GetAsync("wecom", "east", CancellationToken.None))!.BotIsMember);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
