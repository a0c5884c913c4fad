using CampaignBot.Features.Registration;
using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.People;

/// <summary>Managing people: lists, changes, deactivation, invites that fix or cap the rank, revoked invites — in chat and on the CLI.</summary>
public sealed class MembersTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task The_office_lists_renames_re_ranks_moves_and_deactivates_a_member_in_chat()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "22", "王村民", "village_dongguan");

        var list = await chat.SayAsync("1", "/members village_dongguan");
        var renamed = await chat.SayAsync("1", "/member 22 name 王大村");
        var ranked = await chat.SayAsync("1", "/member 22 rank section");
        var moved = await chat.SayAsync("1", "/member 22 unit town_chengguan");
        var badRank = await chat.SayAsync("1", "/member 22 rank emperor");
        var deactivated = await chat.SayAsync("1", "/member 22 deactivate");

        Assert.Contains("22  王村民 · 普通党员", list, StringComparison.Ordinal);
        Assert.Contains("已更新：王大村", renamed, StringComparison.Ordinal);
        Assert.Contains("乡科级", ranked, StringComparison.Ordinal);
        Assert.Contains("城关镇", moved, StringComparison.Ordinal);
        Assert.Contains("职级 'emperor' 不存在", badRank, StringComparison.Ordinal);
        Assert.Contains("已停用 王大村", deactivated, StringComparison.Ordinal);
        var stored = (await chat.Stores.Members.GetAsync("console:22", Ct))!;
        Assert.Equal(("王大村", "section", "town_chengguan"), (stored.Name, stored.Rank, stored.UnitId));
        Assert.Equal(chat.Time.GetUtcNow(), stored.DeactivatedAt);
        Assert.Contains("（已停用）", await chat.SayAsync("1", "/members town_chengguan"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/study")]
    [InlineData("/examine")]
    [InlineData("/pledge")]
    [InlineData("/me")]
    [InlineData("你好")]
    public async Task A_deactivated_member_is_refused_clearly_by_every_command_and_flow(string line)
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", "village_dongguan");
        await chat.SayAsync("22", "/study");
        await chat.SayAsync("21", "/member 22 deactivate");

        var reply = await chat.SayAsync("22", line);

        Assert.Contains("你的账号已被停用", reply, StringComparison.Ordinal);
        Assert.Null((await chat.Stores.Sessions.GetAsync("console:22:22", Ct))!.Flow);
    }

    [Fact]
    public async Task A_secretary_manages_only_the_ordinary_members_of_their_own_unit_and_the_deactivated_leave_progress()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", "village_dongguan");
        await chat.RegisterAsync(_bot, "23", "李村民", "village_dongguan");
        await chat.RegisterAsync(_bot, "30", "东县干部", "county_east");

        var otherUnit = await chat.SayAsync("21", "/member 30 name 张三");
        var otherList = await chat.SayAsync("21", "/members county_east");
        var move = await chat.SayAsync("21", "/member 22 unit county_east");
        var member = await chat.SayAsync("22", "/member 23 deactivate");
        await chat.SayAsync("21", "/member 23 deactivate");
        var progress = await chat.SayAsync("21", "/progress");

        Assert.Contains("只能管理本单位", otherUnit, StringComparison.Ordinal);
        Assert.Contains("只能管理本单位", otherList, StringComparison.Ordinal);
        Assert.Contains("请联系活动办", move, StringComparison.Ordinal);
        Assert.Contains("只有支部书记和活动办可以管理成员", member, StringComparison.Ordinal);
        Assert.Equal("东县干部", (await chat.Stores.Members.GetAsync("console:30", Ct))!.Name);
        Assert.Contains("王村民", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("李村民", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invite_that_caps_the_rank_offers_only_the_ranks_below_and_refuses_a_higher_one()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        var code = await InviteAsync("--max-rank", "section");

        var ranks = await chat.SayAllThenAsync("40", "/start", code, "村干部");
        var typedHigher = await chat.SayAsync("40", "县处级以上领导干部");
        await chat.SayAllAsync("40", "1", "1");

        var offered = chat.BodiesTo(CampaignChat.Private("40")).OfType<Core.Messaging.TextMessage>().Last(m => m.Text.Contains("第 3 步", StringComparison.Ordinal) && m.Buttons is not null);
        Assert.Contains("第 3 步", ranks, StringComparison.Ordinal);
        Assert.Equal(["乡科级干部", "普通党员"], offered.Buttons!.SelectMany(r => r).Select(b => b.Label));
        Assert.Contains("邀请码限定了可选的职级", typedHigher, StringComparison.Ordinal);
        Assert.Equal("section", (await chat.Stores.Members.GetAsync("console:40", Ct))!.Rank);
    }

    [Fact]
    public async Task An_invite_that_fixes_the_rank_offers_that_rank_only()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        var code = await InviteAsync("--rank", "ordinary");

        await chat.SayAllAsync("41", "/start", code, "村民甲");
        var higher = await chat.SayAsync("41", "section");
        await chat.SayAllAsync("41", "1", "1");

        Assert.Contains("邀请码限定了可选的职级", higher, StringComparison.Ordinal);
        Assert.Equal("ordinary", (await chat.Stores.Members.GetAsync("console:41", Ct))!.Rank);
    }

    [Fact]
    public async Task A_revoked_invite_code_is_refused_at_registration_in_chat()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        var code = await _bot.CreateInviteAsync("village_dongguan", "member", uses: "10");

        var revoked = await chat.SayAsync("1", $"/invite revoke {code.ToLowerInvariant()}");
        var again = await chat.SayAsync("1", $"/invite revoke {code}");
        var refused = await chat.SayAllThenAsync("42", "/start", code);

        Assert.Contains($"邀请码 {code} 已收回", revoked, StringComparison.Ordinal);
        Assert.Contains("不存在或已收回", again, StringComparison.Ordinal);
        Assert.Contains("这个邀请码已被收回", refused, StringComparison.Ordinal);
        Assert.Null(await chat.Stores.Members.GetAsync("console:42", Ct));
    }

    [Fact]
    public async Task The_command_line_lists_sets_deactivates_members_and_revokes_invites()
    {
        await using (var chat = await CampaignChat.StartAsync(_bot))
        {
            await chat.RegisterAsync(_bot, "22", "王村民", "village_dongguan");
        }

        var listed = await RunAsync(0, "members", "list", "--unit", "village_dongguan");
        var set = await RunAsync(0, "members", "set", "console:22", "--name", "王二", "--rank", "section");
        var deactivated = await RunAsync(0, "members", "deactivate", "console:22");
        var badRank = await RunAsync(2, "members", "set", "console:22", "--rank", "king");
        var unknown = await RunAsync(2, "members", "deactivate", "console:99");
        var code = await _bot.CreateInviteAsync("village_dongguan");
        var revoked = await RunAsync(0, "invite", "revoke", code);
        var again = await RunAsync(2, "invite", "revoke", code);

        Assert.Contains("console:22\t王村民\t城关镇东关村\t普通党员", listed, StringComparison.Ordinal);
        Assert.Contains("王二", set, StringComparison.Ordinal);
        Assert.Contains("已停用", deactivated, StringComparison.Ordinal);
        Assert.Contains("职级 'king' 不存在", badRank, StringComparison.Ordinal);
        Assert.Contains("没有成员 'console:99'", unknown, StringComparison.Ordinal);
        Assert.Contains("已收回", revoked, StringComparison.Ordinal);
        Assert.Contains("不存在或已收回", again, StringComparison.Ordinal);
        var stores = await _bot.StoresAsync();
        var member = (await stores.Members.GetAsync("console:22", Ct))!;
        Assert.Equal(("王二", "section", false), (member.Name, member.Rank, member.IsActive));
        Assert.NotNull((await stores.Invites.GetAsync(code, Ct))!.RevokedAt);
    }

    [Theory]
    [InlineData("--rank", "emperor", "不是职级")]
    [InlineData("--max-rank", "emperor", "不是职级")]
    public async Task Invite_create_refuses_an_unknown_rank(string option, string value, string expected)
    {
        var error = await RunAsync(2, "invite", "create", "--unit", "village_dongguan", option, value);

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>Runs a verb on this test's database; returns what it printed (output and error) after checking the exit code.</summary>
    private async Task<string> RunAsync(int expectedExit, params string[] args)
    {
        var (exit, output, error) = await _bot.RunCliAsync(args);
        Assert.True(expectedExit == exit, $"exit {exit}: {output}{error}");
        return output + error;
    }

    private async Task<string> InviteAsync(string option, string rank)
    {
        var campaign = global::CampaignBot.Configuration.CampaignLoader.Load(_bot.Settings["Campaign:File"]!);
        var output = new StringWriter();
        var args = CampaignBotCli.Parse(["invite", "create", "--unit", "village_dongguan", "--role", Roles.Member, option, rank]);
        Assert.Equal(0, await InviteCommand.CreateAsync(args, campaign, (await _bot.StoresAsync()).Invites, TimeProvider.System, output, Ct));
        return output.ToString().Trim();
    }

    public void Dispose() => _bot.Dispose();
}
