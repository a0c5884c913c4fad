namespace CampaignBot.Tests.Organisation;

public sealed class MobileMemberTests : IDisposable
{
    private readonly OrganisationRig _rig = new();

    [Fact]
    public async Task A_mobile_member_appears_in_both_units_lists_and_is_counted_once_city_wide()
    {
        Assert.Equal(0, (await _rig.ImportMembersAsync(_rig.File("members.csv", OrganisationRig.MemberHeaders,
            ["王五", "county_east", "普通党员", null, null, "wangwu", null, "district_west"],
            ["赵六", "county_east", "普通党员", null, null, "zhaoliu", null, null],
            ["孙七", "district_west", "普通党员", null, null, "sunqi", null, null],
            ["钱八", "city", "乡科级干部", "活动办", null, "qianba", null, null]))).Code);

        await using var bot = await DirectBot.StartAsync(_rig.Bot);
        var office = new ChatRef("wecom", "qianba", ChatKind.Private);
        async Task<string> ProgressAsync(string unit) =>
            DirectBot.Texts(await bot.SendAsync("qianba", new CommandInput("progress", unit), office));

        var home = await ProgressAsync("county_east");
        var host = await ProgressAsync("district_west");
        var city = await ProgressAsync(string.Empty);

        Assert.Contains("王五", home, StringComparison.Ordinal);
        Assert.Contains("赵六", home, StringComparison.Ordinal);
        Assert.Contains("王五", host, StringComparison.Ordinal);
        Assert.Contains("孙七", host, StringComparison.Ordinal);
        Assert.DoesNotContain("赵六", host, StringComparison.Ordinal);
        // Three members take part (the office does not): the mobile member once, not once per unit.
        Assert.Contains("「全部单位」对照检查进度（3 人）", city, StringComparison.Ordinal);
        var wang = await bot.Stores.Members.GetAsync("wecom:wangwu", CancellationToken.None);
        Assert.Equal(("county_east", "district_west"), (wang!.UnitId, wang.PrimaryUnitId));
    }

    [Fact]
    public async Task A_mobile_member_who_registers_with_a_personal_code_studies_with_the_host_unit_from_the_start()
    {
        Assert.Equal(0, (await _rig.ImportMembersAsync(_rig.File("members.csv", OrganisationRig.MemberHeaders,
            ["周九", "county_east", "普通党员", null, "13900139000", null, null, "district_west"]))).Code);
        var invite = Assert.Single(await (await _rig.StoresAsync()).Invites.ListAsync(CancellationToken.None));

        await _rig.Bot.ChatAsync("79", "/start", invite.Code, "1");

        var member = await (await _rig.StoresAsync()).Members.GetAsync("console:79", CancellationToken.None);
        Assert.Equal(("周九", "county_east", "district_west"), (member!.Name, member.UnitId, member.PrimaryUnitId));
    }

    public void Dispose() => _rig.Dispose();
}
