using CampaignBot.Tests.Configuration;

namespace CampaignBot.Tests.Organisation;

public sealed class MemberImportTests : IDisposable
{
    private readonly OrganisationRig _rig = new();

    [Fact]
    public async Task A_members_file_with_three_bad_rows_is_refused_whole_with_the_three_rows_named()
    {
        var path = _rig.File("members.xlsx", OrganisationRig.MemberHeaders,
            ["张三", "county_east", "普通党员", null, null, "zhangsan", null, null],
            ["李四", "nowhere", "普通党员", null, "13800138000", null, null, null],
            ["王五", "county_east", "部长", null, "13800138001", null, null, null],
            ["赵六", "county_east", "ordinary", null, "13800138002", null, null, null],
            ["钱七", "东县", "ordinary", null, null, null, null, null]);

        var (code, output) = await _rig.ImportMembersAsync(path);

        Assert.Equal(1, code);
        Assert.Contains("有 3 处错误，什么都没有写入", output, StringComparison.Ordinal);
        Assert.Contains("第 3 行 B 列（单位ID）：单位 “nowhere” 不存在", output, StringComparison.Ordinal);
        Assert.Contains("第 4 行 C 列（职级）：职级 “部长” 不认识", output, StringComparison.Ordinal);
        Assert.Contains("第 6 行：手机号、企业微信账号、Telegram 用户名至少填一个", output, StringComparison.Ordinal);
        var stores = await _rig.StoresAsync();
        Assert.Empty(await stores.Members.ListAsync(null, CancellationToken.None));
        Assert.Empty(await stores.Invites.ListAsync(CancellationToken.None));
        Assert.Empty(await stores.Roster.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Bad_cells_and_the_same_person_twice_are_refused()
    {
        var path = _rig.File("members.csv", OrganisationRig.MemberHeaders,
            [null, "county_east", "普通党员", null, "13800138000", null, null, null],
            ["李四", "county_east", "普通党员", "皇帝", "phone!", "bad id!", "x", null],
            ["王五", "county_east", "普通党员", null, null, "wangwu", null, null],
            ["王五", "county_east", "普通党员", null, null, "wangwu", null, null],
            ["赵六", "county_east", "普通党员", null, null, "zhaoliu", null, "county_east"]);

        var (code, output) = await _rig.ImportMembersAsync(path);

        Assert.Equal(1, code);
        Assert.Contains("第 2 行 A 列（姓名）：姓名不能为空", output, StringComparison.Ordinal);
        Assert.Contains("第 3 行 D 列（角色）：角色 “皇帝” 不认识", output, StringComparison.Ordinal);
        Assert.Contains("第 3 行 E 列（手机号）", output, StringComparison.Ordinal);
        Assert.Contains("第 3 行 F 列（企业微信账号）", output, StringComparison.Ordinal);
        Assert.Contains("第 3 行 G 列（Telegram用户名）", output, StringComparison.Ordinal);
        Assert.Contains("第 6 行 H 列（流入地单位ID）：流入地单位和所在单位（流出地）相同", output, StringComparison.Ordinal);
        Assert.Contains("第 5 行：这个人和第 4 行重复", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ranks_and_roles_may_be_written_by_their_english_names_too()
    {
        var path = _rig.File("members.csv", OrganisationRig.MemberHeaders,
            ["张三", "county_east", "Township and section level", "branch secretary", null, "zhangsan", null, null],
            ["李四", "county_east", "Emperor", null, null, "lisi", null, null]);
        var refused = await _rig.ImportMembersAsync(path);
        path = _rig.File("members2.csv", OrganisationRig.MemberHeaders,
            ["张三", "county_east", "Township and section level", "branch secretary", null, "zhangsan", null, null]);

        var (code, _) = await _rig.ImportMembersAsync(path);

        Assert.Equal(1, refused.Code);
        Assert.Contains("第 3 行 C 列（职级）：职级 “Emperor” 不认识", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("第 2 行", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, code);
        var member = Assert.Single(await (await _rig.StoresAsync()).Members.ListAsync(null, CancellationToken.None));
        Assert.Equal(("section", "secretary"), (member.Rank, member.Role));
    }

    [Fact]
    public async Task A_second_import_of_the_same_file_changes_nothing()
    {
        var path = _rig.File("members.xlsx", OrganisationRig.MemberHeaders,
            ["张三", "county_east", "普通党员", null, null, "zhangsan", null, null],
            ["李四", "东县", "乡科级干部", "支部书记", "13800138000", null, null, null],
            ["王五", "county_east", "ordinary", null, null, null, "@wangwu_tg", "district_west"]);
        Assert.Equal(0, (await _rig.ImportMembersAsync(path)).Code);
        var stores = await _rig.StoresAsync();
        var members = await stores.Members.ListAsync(null, CancellationToken.None);
        var invites = await stores.Invites.ListAsync(CancellationToken.None);
        var roster = await stores.Roster.ListAsync(null, CancellationToken.None);

        var (code, output) = await _rig.ImportMembersAsync(path);

        Assert.Equal(0, code);
        Assert.Contains("新增 0 人、更新 0 人、不变 3 人；企业微信成员直接登记 0 人，新发个人邀请码 0 个", output, StringComparison.Ordinal);
        Assert.Equal(members, await stores.Members.ListAsync(null, CancellationToken.None));
        Assert.Equal(invites.Select(i => (i.Code, i.Name, i.Rank, i.ExpiresAt)), (await stores.Invites.ListAsync(CancellationToken.None)).Select(i => (i.Code, i.Name, i.Rank, i.ExpiresAt)));
        Assert.Equal(roster, await stores.Roster.ListAsync(null, CancellationToken.None));
        Assert.Equal(2, invites.Count);
        Assert.Single(members);
    }

    [Fact]
    public async Task A_member_with_a_wecom_userid_is_recognised_on_the_first_message_with_no_code()
    {
        Assert.Equal(0, (await _rig.ImportMembersAsync(_rig.File("members.csv", OrganisationRig.MemberHeaders,
            ["张三", "county_east", "乡科级干部", "支部书记", null, "zhangsan", null, null]))).Code);

        await using var bot = await DirectBot.StartAsync(_rig.Bot);
        var replies = await bot.SendAsync("zhangsan", new CommandInput("me", string.Empty), new ChatRef("wecom", "zhangsan", ChatKind.Private));

        var text = DirectBot.Texts(replies);
        Assert.Contains("张三", text, StringComparison.Ordinal);
        Assert.Contains("东县", text, StringComparison.Ordinal);
        Assert.Contains("乡科级干部", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personal_invite_fixes_name_and_rank_from_the_import_and_serves_one_person()
    {
        Assert.Equal(0, (await _rig.ImportMembersAsync(_rig.File("members.csv", OrganisationRig.MemberHeaders,
            ["李四", "county_east", "县处级以上领导干部", null, "13800138000", null, null, null]))).Code);
        var invite = Assert.Single(await (await _rig.StoresAsync()).Invites.ListAsync(CancellationToken.None));
        Assert.Equal(("李四", "county", 1), (invite.Name, invite.Rank, invite.MaxUses));

        var transcript = await _rig.Bot.ChatAsync("77", "/start", invite.Code, "1", "/me");

        Assert.Contains("请确认单位名单中的信息", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("第 3 步", transcript, StringComparison.Ordinal);
        Assert.Contains("职级：县处级以上领导干部", transcript, StringComparison.Ordinal);
        var member = await (await _rig.StoresAsync()).Members.GetAsync("console:77", CancellationToken.None);
        Assert.Equal(("李四", "county", "county_east"), (member!.Name, member.Rank, member.UnitId));
        Assert.Contains("名额已用完", await _rig.Bot.ChatAsync("78", "/start", invite.Code), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_a_personal_invite_fixes_cannot_be_changed_at_confirmation_or_by_going_back()
    {
        await _rig.ImportMembersAsync(_rig.File("members.csv", OrganisationRig.MemberHeaders,
            ["李四", "county_east", "乡科级干部", null, "13800138000", null, null, null]));
        var invite = Assert.Single(await (await _rig.StoresAsync()).Invites.ListAsync(CancellationToken.None));

        var change = await _rig.Bot.ChatAsync("77", "/start", invite.Code, "2");
        Assert.Contains("姓名和职级以单位名单为准", change, StringComparison.Ordinal);
        Assert.Equal(2, change.Split("第 1 步").Length - 1);

        var back = await _rig.Bot.ChatAsync("78", "/start", invite.Code, "/back", "1");
        Assert.Contains("姓名和职级以单位名单为准", back, StringComparison.Ordinal);
        Assert.Null(await (await _rig.StoresAsync()).Members.GetAsync("console:78", CancellationToken.None));
    }

    [Fact]
    public async Task A_changed_entry_whose_code_is_unused_gets_a_new_code_and_the_old_one_is_revoked()
    {
        await _rig.ImportMembersAsync(_rig.File("first.csv", OrganisationRig.MemberHeaders, ["李四", "county_east", "普通党员", null, "13800138000", null, null, null]));
        var first = Assert.Single(await (await _rig.StoresAsync()).Invites.ListAsync(CancellationToken.None));

        var (_, output) = await _rig.ImportMembersAsync(_rig.File("second.csv", OrganisationRig.MemberHeaders, ["李四", "county_east", "乡科级干部", null, "13800138000", null, null, null]));

        Assert.Contains("更新 1 人", output, StringComparison.Ordinal);
        var invites = await (await _rig.StoresAsync()).Invites.ListAsync(CancellationToken.None);
        var second = Assert.Single(invites, i => i.Code != first.Code);
        Assert.Equal("section", second.Rank);
        Assert.NotNull(Assert.Single(invites, i => i.Code == first.Code).RevokedAt);
        Assert.Contains("已被收回", await _rig.Bot.ChatAsync("77", "/start", first.Code), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_re_import_corrects_a_member_who_registered_with_a_personal_code()
    {
        await _rig.ImportMembersAsync(_rig.File("first.csv", OrganisationRig.MemberHeaders, ["李四", "county_east", "普通党员", null, "13800138000", null, null, null]));
        var invite = Assert.Single(await (await _rig.StoresAsync()).Invites.ListAsync(CancellationToken.None));
        await _rig.Bot.ChatAsync("77", "/start", invite.Code, "1");

        await _rig.ImportMembersAsync(_rig.File("second.csv", OrganisationRig.MemberHeaders, ["李四", "district_west", "乡科级干部", null, "13800138000", null, null, null]));

        var member = await (await _rig.StoresAsync()).Members.GetAsync("console:77", CancellationToken.None);
        Assert.Equal(("district_west", "section"), (member!.UnitId, member.Rank));
        Assert.Single(await (await _rig.StoresAsync()).Invites.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Export_invites_lists_each_personal_code_with_the_name_and_rank_it_fixes()
    {
        await _rig.ImportMembersAsync(_rig.File("members.csv", OrganisationRig.MemberHeaders, ["李四", "county_east", "乡科级干部", null, "13800138000", null, null, null]));
        var output = new StringWriter();

        await ExportCommand.RunAsync(CampaignBotCli.Parse(["export", "invites"]), await _rig.CampaignAsync(), await _rig.StoresAsync(), output, CancellationToken.None);

        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("邀请码,单位ID,单位,角色,姓名,职级,可用次数,已用次数", lines[0], StringComparison.Ordinal);
        Assert.Contains(",county_east,东县,党员,李四,乡科级干部,1,0,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_of_an_inactive_unit_are_refused()
    {
        await _rig.ImportUnitsAsync(_rig.File("u1.csv", OrganisationRig.UnitHeaders, ["town_a", "甲镇", "township", "county_east", null], ["town_b", "乙镇", "township", "county_east", null]));
        await _rig.ImportUnitsAsync(_rig.File("u2.csv", OrganisationRig.UnitHeaders, ["town_a", "甲镇", "township", "county_east", null]));

        var (code, output) = await _rig.ImportMembersAsync(_rig.File("members.csv", OrganisationRig.MemberHeaders, ["李四", "town_b", "普通党员", null, "13800138000", null, null, null]));

        Assert.Equal(1, code);
        Assert.Contains("第 2 行 B 列（单位ID）：单位 “乙镇” 已停用", output, StringComparison.Ordinal);
    }

    public void Dispose() => _rig.Dispose();
}
