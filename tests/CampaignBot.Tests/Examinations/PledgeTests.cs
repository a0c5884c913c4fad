using CampaignBot.Core.Features.Pledges;

namespace CampaignBot.Tests.Examinations;

/// <summary>/pledge and /checkin: drafts, preview, publication to the linked group, the monthly check-in.</summary>
public sealed class PledgeTests : IDisposable
{
    private static readonly ChatRef Group = new("console", "-700", ChatKind.Group, "东关村党员群");
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_pledge_is_previewed_edited_and_published_to_the_linked_group()
    {
        await using var chat = await StartedAsync();
        await chat.RegisterAsync(_bot, "21", "村书记", "village_dongguan", "secretary");
        await chat.SendAsync("21", new CommandInput("link", string.Empty), Group);

        var choosing = await chat.SayAsync("22", "/pledge");
        await chat.SayAllAsync("22", "1", "6", "8", "严守政治纪律，不说不利于团结的话。", "不收受群众任何礼品，办事公开透明。");
        var edited = await chat.SayAllThenAsync("22", "修改1", "严守政治纪律和政治规矩，做到令行禁止。");
        var published = await chat.SayAsync("22", "确认发布");

        Assert.Contains("请选择承诺的方面", choosing, StringComparison.Ordinal);
        Assert.Contains("1. 【政治纪律】严守政治纪律和政治规矩，做到令行禁止。", edited, StringComparison.Ordinal);
        Assert.Contains("2. 【清正廉洁】不收受群众任何礼品", edited, StringComparison.Ordinal);
        Assert.Contains("已发布 2 条公开承诺，已发到「东关村党员群」群", published, StringComparison.Ordinal);
        var post = chat.SentTo(Group);
        Assert.Contains("【公开承诺】王村民（城关镇东关村）", post, StringComparison.Ordinal);
        Assert.Contains("· 清正廉洁：不收受群众任何礼品，办事公开透明。", post, StringComparison.Ordinal);
        var stored = await chat.Stores.Pledges.ListByMemberAsync("console:22", CancellationToken.None);
        Assert.All(stored, p => Assert.Equal(chat.Time.GetUtcNow(), p.PublishedAt));
        Assert.Equal([PledgeStatus.Published, PledgeStatus.Published], stored.Select(p => p.Status));
        Assert.Contains("已经发布，不能再修改", await chat.SayAsync("22", "/pledge"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pledge_too_short_or_too_long_is_asked_again_and_nothing_is_saved()
    {
        await using var chat = await StartedAsync();
        await chat.SayAllAsync("22", "/pledge", "2", "8");

        var tooShort = await chat.SayAsync("22", "我承诺");
        var tooLong = await chat.SayAsync("22", new string('诺', 501));

        Assert.Contains("承诺应为 10–500 字（现在是 3 字）", tooShort, StringComparison.Ordinal);
        Assert.Contains("现在是 501 字", tooLong, StringComparison.Ordinal);
        Assert.Contains("「群众纪律」方面的承诺", tooLong, StringComparison.Ordinal);
        Assert.Empty(await chat.Stores.Pledges.ListByMemberAsync("console:22", CancellationToken.None));
    }

    [Fact]
    public async Task Choosing_no_area_is_refused()
    {
        await using var chat = await StartedAsync();
        await chat.SayAsync("22", "/pledge");

        var reply = await chat.SayAsync("22", "选好了");

        Assert.Contains("请至少选择一个方面", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_survives_leaving_and_can_be_withdrawn_before_publication()
    {
        await using var chat = await StartedAsync();
        await chat.SayAllAsync("22", "/pledge", "7", "8", "艰苦朴素，不搞特殊化，不铺张浪费。", "/cancel");

        var resumed = await chat.SayAsync("22", "/pledge");
        var withdrawn = await chat.SayAsync("22", "撤回1");

        Assert.Contains("你有尚未发布的承诺草稿", resumed, StringComparison.Ordinal);
        Assert.Contains("1. 【艰苦朴素】艰苦朴素，不搞特殊化", resumed, StringComparison.Ordinal);
        Assert.Contains("已撤回「艰苦朴素」方面的承诺", withdrawn, StringComparison.Ordinal);
        Assert.Contains("请选择承诺的方面", withdrawn, StringComparison.Ordinal);
        var stored = Assert.Single(await chat.Stores.Pledges.ListByMemberAsync("console:22", CancellationToken.None));
        Assert.Equal(PledgeStatus.Withdrawn, stored.Status);
    }

    [Fact]
    public async Task Without_a_linked_group_the_pledge_is_recorded_and_the_member_told()
    {
        await using var chat = await StartedAsync();

        var reply = await chat.SayAllThenAsync("22", "/pledge", "4", "8", "求真务实，每月办成一件实事。", "确认发布");

        Assert.Contains("本单位还没有关联群聊，承诺已记录，书记关联群聊（/link）后会自动发到群里", reply, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await chat.Stores.Pledges.ListByMemberAsync("console:22", CancellationToken.None)).PublishedAt);
    }

    [Fact]
    public async Task A_pledge_published_before_the_group_was_linked_is_posted_there_once_when_it_is_linked()
    {
        await using var chat = await StartedAsync();
        await chat.RegisterAsync(_bot, "21", "村书记", "village_dongguan", "secretary");
        await chat.SayAllAsync("22", "/pledge", "4", "8", "求真务实，每月办成一件实事。", "确认发布");

        var linked = await chat.SendAsync("21", new CommandInput("link", string.Empty), Group);
        await chat.SendAsync("21", new CommandInput("link", string.Empty), Group);

        Assert.Contains("尚未发到群里的公开承诺现已发到群里：1 人共 1 条", linked, StringComparison.Ordinal);
        var posts = chat.BodiesTo(Group).OfType<TextMessage>().Where(m => m.Text.StartsWith("【公开承诺】", StringComparison.Ordinal)).ToList();
        var post = Assert.Single(posts);
        Assert.Contains("【公开承诺】王村民（城关镇东关村）", post.Text, StringComparison.Ordinal);
        Assert.Contains("· 求真务实：求真务实，每月办成一件实事。", post.Text, StringComparison.Ordinal);
        Assert.False(Assert.Single(await chat.Stores.Pledges.ListByMemberAsync("console:22", CancellationToken.None)).AwaitingGroup);
    }

    [Fact]
    public async Task Pledges_of_several_members_waiting_for_a_group_reach_it_as_one_post_when_it_is_linked()
    {
        await using var chat = await StartedAsync();
        await chat.RegisterAsync(_bot, "21", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "23", "李村民", "village_dongguan");
        await chat.SayAllAsync("22", "/pledge", "4", "8", "求真务实，每月办成一件实事。", "确认发布");
        var second = await chat.SayAllThenAsync("23", "/pledge", "4", "8", "带头参加义务劳动，服务群众。", "确认发布");
        Assert.Contains("已发布 1 条公开承诺", second, StringComparison.Ordinal);

        var linked = await chat.SendAsync("21", new CommandInput("link", string.Empty), Group);

        Assert.True(linked.Contains("尚未发到群里的公开承诺现已发到群里：2 人共 2 条", StringComparison.Ordinal), linked);
        var post = Assert.Single(chat.BodiesTo(Group).OfType<TextMessage>(), m => m.Text.Contains("【公开承诺】", StringComparison.Ordinal));
        Assert.Equal(
            "【公开承诺】王村民（城关镇东关村）\n· 求真务实：求真务实，每月办成一件实事。\n\n【公开承诺】李村民（城关镇东关村）\n· 求真务实：带头参加义务劳动，服务群众。\n欢迎大家监督。",
            post.Text);
    }

    [Fact]
    public async Task A_month_later_the_scheduler_asks_and_the_check_in_is_recorded()
    {
        await using var chat = await StartedAsync();
        await chat.SayAllAsync("22", "/pledge", "1", "2", "8", "严守政治纪律，做到令行禁止。", "密切联系群众，每周走访两户。", "确认发布");

        chat.Time.Advance(TimeSpan.FromDays(31));
        var asked = await chat.RunSchedulerAsync();
        await chat.SayAllAsync("22", "1", "按时参加组织生活。", "2");
        var done = await chat.SayAsync("22", "跳过");
        chat.Time.Advance(TimeSpan.FromHours(2));
        var again = await chat.RunSchedulerAsync();

        Assert.Contains(asked, s => s.Body is TextMessage { Text: var text } && text.Contains("履约践诺（2027-02）", StringComparison.Ordinal));
        Assert.Contains("本月履约情况已记录", done, StringComparison.Ordinal);
        Assert.Empty(again);
        var checkIns = await chat.Stores.Pledges.ListCheckInsAsync("village_dongguan", CancellationToken.None);
        Assert.Equal([(PledgeOutcomes.Kept, "按时参加组织生活。"), (PledgeOutcomes.Partly, (string?)null)], checkIns.OrderByDescending(c => c.Area).Select(c => (c.Outcome, c.Note)));
        Assert.All(checkIns, c => Assert.Equal("2027-02", c.Period));
    }

    [Fact]
    public async Task A_pledge_published_on_31_january_is_asked_at_the_end_of_february_and_on_31_march()
    {
        await using var chat = await StartedAsync();
        chat.Time.SetUtcNow(new DateTimeOffset(2027, 1, 31, 9, 0, 0, TimeSpan.FromHours(8)));
        await chat.SayAllAsync("22", "/pledge", "1", "8", "严守政治纪律，做到令行禁止。", "确认发布");

        chat.Time.SetUtcNow(new DateTimeOffset(2027, 2, 28, 9, 59, 0, TimeSpan.FromHours(8)));
        var beforeTen = await chat.RunSchedulerAsync();
        chat.Time.Advance(TimeSpan.FromMinutes(1));
        var february = await chat.RunSchedulerAsync();
        await chat.SayAsync("22", "/cancel");
        chat.Time.SetUtcNow(new DateTimeOffset(2027, 3, 30, 10, 0, 0, TimeSpan.FromHours(8)));
        var march30 = await chat.RunSchedulerAsync();
        chat.Time.Advance(TimeSpan.FromDays(1));
        var march31 = await chat.RunSchedulerAsync();

        Assert.DoesNotContain(beforeTen, s => Asks(s.Body, "履约践诺"));
        Assert.Contains(february, s => Asks(s.Body, "履约践诺（2027-02）"));
        Assert.DoesNotContain(march30, s => Asks(s.Body, "履约践诺"));
        Assert.Contains(march31, s => Asks(s.Body, "履约践诺（2027-03）"));
        var job = await chat.Stores.Jobs.GetAsync(PledgeCheckIns.JobIdFor("console:22"), CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2027, 4, 30, 10, 0, 0, TimeSpan.FromHours(8)), job!.DueAt);
    }

    private static bool Asks(Outbound body, string text) => body is TextMessage { Text: var said } && said.Contains(text, StringComparison.Ordinal);

    [Fact]
    public async Task Check_in_without_published_pledges_says_how_to_make_them()
    {
        await using var chat = await StartedAsync();

        var reply = await chat.SayAsync("22", "/checkin");

        Assert.Contains("你还没有发布公开承诺。发送 /pledge", reply, StringComparison.Ordinal);
    }

    private async Task<CampaignChat> StartedAsync()
    {
        var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "22", "王村民", "village_dongguan");
        return chat;
    }

    public void Dispose() => _bot.Dispose();
}
