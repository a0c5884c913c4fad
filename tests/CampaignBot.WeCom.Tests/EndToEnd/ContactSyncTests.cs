using CampaignBot.Core.Features.Organisation;
using CampaignBot.Core.Storage;
using CampaignBot.WeCom.Tests.StandIn;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.WeCom.Tests.EndToEnd;

/// <summary>The address book sync over the stand-in: a paged user list, user details, and each change_contact event.</summary>
public sealed class ContactSyncTests
{
    private static readonly Dictionary<string, string?> Sync = new()
    {
        ["WeCom:ContactSync:Enabled"] = "true",
        ["WeCom:ContactSync:DepartmentUnits:2"] = "county_east",
        ["WeCom:ContactSync:RootUnit"] = "city",
        ["WeCom:ContactSync:UnitKind"] = "township",
        ["WeCom:ContactSync:RankAttribute"] = "职级",
        ["WeCom:ContactSync:RoleAttribute"] = "角色",
        ["WeCom:ContactSync:PageSize"] = "2",
    };

    [Fact]
    public async Task A_synced_member_writes_for_the_first_time_and_is_recognised_with_no_code()
    {
        await using var bot = await StartSyncedAsync();

        var zhang = bot.Member("zhangsan");
        await zhang.SayAsync("/me");
        var profile = await zhang.WaitForAsync("张三");

        Assert.Contains("甲镇", profile, StringComparison.Ordinal);
        Assert.Contains("乡科级干部", profile, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.StandIn.Sent, m => m["text"]?["content"]?.GetValue<string>().Contains("邀请码", StringComparison.Ordinal) == true);
        Assert.True(bot.StandIn.UserIdPagesServed >= 2, "four membership rows at two a page take two pages");
        var town = Campaign(bot).FindUnit("wecom-3")!;
        Assert.Equal(("甲镇", "county_east", "township"), (town.Name, town.ParentId, town.Kind));
    }

    [Fact]
    public async Task A_department_renamed_and_a_user_moved_by_change_events_show_up_in_progress()
    {
        await using var bot = await StartSyncedAsync();
        var office = bot.Member("lisi");

        Assert.Equal(200, await Sys(bot).PostAsync(PartyXml(bot, "update_party", 3, name: "甲镇（更名）")));
        bot.StandIn.Users["zhangsan"] = bot.StandIn.Users["zhangsan"] with { Departments = [2], MainDepartment = 2 };
        Assert.Equal(200, await Sys(bot).PostAsync(UserXml(bot, "update_user", "zhangsan", department: "2", main: "2")));

        await office.SayAsync("/progress wecom-3");
        var renamed = await office.WaitForAsync("对照检查进度");
        Assert.Contains("「甲镇（更名）」", renamed, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", renamed, StringComparison.Ordinal);

        await office.SayAsync("/progress county_east");
        var moved = await office.WaitForAsync("对照检查进度");
        Assert.Contains("张三", moved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_deleted_from_the_address_book_can_no_longer_act()
    {
        await using var bot = await StartSyncedAsync();
        bot.StandIn.Users.TryRemove("zhangsan", out _);

        Assert.Equal(200, await Sys(bot).PostAsync(UserXml(bot, "delete_user", "zhangsan")));
        var zhang = bot.Member("zhangsan");
        await zhang.SayAsync("/examine");

        await zhang.WaitForAsync("你的账号已被停用");
        var member = await Stores(bot).Members.GetAsync("wecom:zhangsan", CancellationToken.None);
        Assert.NotNull(member!.DeactivatedAt);
        Assert.False((await Stores(bot).Roster.GetAsync("wecom:zhangsan", CancellationToken.None))!.Active);
    }

    [Fact]
    public async Task A_user_back_in_the_address_book_is_active_again_but_a_member_the_office_deactivated_stays_deactivated()
    {
        await using var bot = await StartSyncedAsync();
        var removed = bot.StandIn.Users["zhangsan"];
        bot.StandIn.Users.TryRemove("zhangsan", out _);
        Assert.Equal(200, await Sys(bot).PostAsync(UserXml(bot, "delete_user", "zhangsan")));
        Assert.False((await Stores(bot).Members.GetAsync("wecom:zhangsan", CancellationToken.None))!.IsActive);

        bot.StandIn.Users["zhangsan"] = removed;
        Assert.Equal(200, await Sys(bot).PostAsync(UserXml(bot, "create_user", "zhangsan")));
        Assert.True((await Stores(bot).Members.GetAsync("wecom:zhangsan", CancellationToken.None))!.IsActive);

        // Deactivated by the office (not by the address book): a later change in the address book does not undo it.
        var lisi = (await Stores(bot).Members.GetAsync("wecom:lisi", CancellationToken.None))!;
        await Stores(bot).Members.UpsertAsync(lisi with { DeactivatedAt = bot.Time.GetUtcNow() }, CancellationToken.None);
        Assert.Equal(200, await Sys(bot).PostAsync(UserXml(bot, "update_user", "lisi", name: "李四（新）")));
        var after = (await Stores(bot).Members.GetAsync("wecom:lisi", CancellationToken.None))!;
        Assert.Equal(("李四（新）", false), (after.Name, after.IsActive));
    }

    [Fact]
    public async Task A_created_user_and_department_arrive_by_events_and_a_redelivered_event_changes_nothing()
    {
        await using var bot = await StartSyncedAsync();
        bot.StandIn.Departments[4] = new StandInDepartment(4, "乙镇", 2);
        bot.StandIn.Users["wangwu"] = new StandInUser("wangwu", "王五", [4], 4);

        var party = PartyXml(bot, "create_party", 4, name: "乙镇", parent: 2);
        Assert.Equal(200, await Sys(bot).PostAsync(party));
        var user = UserXml(bot, "create_user", "wangwu", name: "王五", department: "4", main: "4");
        Assert.Equal(200, await Sys(bot).PostAsync(user));
        var units = await Stores(bot).Units.ListAsync(CancellationToken.None);
        var roster = await Stores(bot).Roster.ListAsync(null, CancellationToken.None);
        Assert.Equal(200, await Sys(bot).PostAsync(party));
        Assert.Equal(200, await Sys(bot).PostAsync(user));

        var wang = await Stores(bot).Members.GetAsync("wecom:wangwu", CancellationToken.None);
        Assert.Equal(("王五", "wecom-4", "ordinary"), (wang!.Name, wang.UnitId, wang.Rank));
        Assert.Equal("county_east", Campaign(bot).FindUnit("wecom-4")!.ParentId);
        Assert.Equal(units, await Stores(bot).Units.ListAsync(CancellationToken.None));
        Assert.Equal(roster, await Stores(bot).Roster.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_department_leaves_its_unit_inactive_and_a_second_full_sync_changes_nothing()
    {
        await using var bot = await StartSyncedAsync();
        var sync = bot.Services.GetRequiredService<AddressBookSync>();
        Assert.Equal(new ContactSyncResult(0, 0, 0), await sync.SyncAsync(CancellationToken.None));

        bot.StandIn.Departments.TryRemove(3, out _);
        Assert.Equal(200, await Sys(bot).PostAsync(PartyXml(bot, "delete_party", 3)));

        var town = Campaign(bot).FindUnit("wecom-3")!;
        Assert.False(town.Active);
        Assert.Equal("甲镇", town.Name);
    }

    [Fact]
    public async Task A_forged_change_event_is_refused_and_changes_nothing()
    {
        await using var bot = await StartSyncedAsync();

        var status = await Sys(bot).PostAsync(PartyXml(bot, "update_party", 3, name: "伪造"), tamperSignature: s => s[..^1] + (s[^1] == '0' ? '1' : '0'));

        Assert.Equal(403, status);
        Assert.Equal("甲镇", Campaign(bot).FindUnit("wecom-3")!.Name);
    }

    private static async Task<WeComBotUnderTest> StartSyncedAsync()
    {
        var bot = await WeComBotUnderTest.StartAsync(Sync, prepare: standIn =>
        {
            standIn.Departments[1] = new StandInDepartment(1, "示例市委组织部", 0);
            standIn.Departments[2] = new StandInDepartment(2, "东县", 1);
            standIn.Departments[3] = new StandInDepartment(3, "甲镇", 2);
            standIn.Users["zhangsan"] = new StandInUser("zhangsan", "张三", [3], 3, new() { ["职级"] = "乡科级干部" });
            standIn.Users["lisi"] = new StandInUser("lisi", "李四", [1, 2], 1, new() { ["角色"] = "活动办" });
            standIn.Users["zhaoliu"] = new StandInUser("zhaoliu", "赵六", [2], 2);
        });
        await bot.WaitUntilAsync(async () => await Stores(bot).Members.GetAsync("wecom:zhaoliu", CancellationToken.None) is not null
            && await Stores(bot).Members.GetAsync("wecom:zhangsan", CancellationToken.None) is not null, "the first sync");
        return bot;
    }

    private static StoreBundle Stores(WeComBotUnderTest bot) => bot.Services.GetRequiredService<StoreBundle>();

    private static Core.Campaign.CampaignDefinition Campaign(WeComBotUnderTest bot) => bot.Services.GetRequiredService<Core.Campaign.CampaignDefinition>();

    private static WeComMember Sys(WeComBotUnderTest bot) => bot.Member("sys");

    private static string UserXml(WeComBotUnderTest bot, string change, string userId, string? name = null, string? department = null, string? main = null) =>
        Event(bot, change, $"<UserID><![CDATA[{userId}]]></UserID>"
            + (name is null ? string.Empty : $"<Name><![CDATA[{name}]]></Name>")
            + (department is null ? string.Empty : $"<Department><![CDATA[{department}]]></Department>")
            + (main is null ? string.Empty : $"<MainDepartment>{main}</MainDepartment>"));

    private static string PartyXml(WeComBotUnderTest bot, string change, long id, string? name = null, long? parent = null) =>
        Event(bot, change, $"<Id>{id}</Id>"
            + (name is null ? string.Empty : $"<Name><![CDATA[{name}]]></Name>")
            + (parent is null ? string.Empty : $"<ParentId><![CDATA[{parent}]]></ParentId>"));

    private static string Event(WeComBotUnderTest bot, string change, string fields) =>
        $"<xml><ToUserName><![CDATA[{WeComStandIn.CorpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>" +
        $"<CreateTime>{bot.Time.GetUtcNow().ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType>" +
        $"<Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[{change}]]></ChangeType>{fields}</xml>";
}
