using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>Public pledges over the flow harness: choosing areas (a toggle list), writing, preview, edit, withdraw, publish.</summary>
public sealed class PledgeFlowTests
{
    private const string Political = "坚决维护党的政治纪律，不传播任何不当言论。";
    private const string Masses = "每月走访群众至少两次，当场解决实际问题。";
    private readonly InMemoryPledgeStore _store = new();
    private readonly InMemoryChatStore _chats = new();

    private FlowHarness Chat(string? languageCode = null)
    {
        var campaign = ExaminationCampaign.Create();
        return new FlowHarness([new PledgeFlow(_store, _chats, new CampaignCalendar(campaign))], campaign: campaign, languageCode: languageCode)
        {
            Member = ExaminationCampaign.Person("1", "张三", languageCode: languageCode),
        };
    }

    /// <summary>The pledge areas with English names, but for the third.</summary>
    private FlowHarness EnglishNamedChat(string? languageCode)
    {
        var campaign = ExaminationCampaign.Create();
        var areas = campaign.PledgeAreas;
        campaign = campaign with
        {
            PledgeAreas = [areas[0] with { EnglishName = "Political discipline" }, areas[1] with { EnglishName = "Discipline towards the masses" }, areas[2]],
        };
        return new FlowHarness([new PledgeFlow(_store, _chats, new CampaignCalendar(campaign))], campaign: campaign, languageCode: languageCode)
        {
            Member = ExaminationCampaign.Person("1", "张三", languageCode: languageCode),
        };
    }

    [Fact]
    public async Task An_english_reader_chooses_writes_and_previews_the_areas_by_their_english_names()
    {
        var chat = EnglishNamedChat("en");
        await chat.SayAsync("/pledge");
        var offered = chat.Buttons.Select(b => b.Label).ToList();
        await chat.PressAsync("Political discipline");
        var marked = chat.Buttons.Select(b => b.Label).ToList();

        var ask = await chat.PressAsync("Done");
        var preview = await chat.SayAsync(Political);

        Assert.Equal(["Political discipline", "Discipline towards the masses", "清正廉洁", "Done"], offered);
        Assert.Contains("✓ Political discipline", marked);
        Assert.Contains("Write your pledge on \"Political discipline\"", ask, StringComparison.Ordinal);
        Assert.Contains("\n1. [Political discipline] " + Political + "\n", preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chinese_reader_of_areas_with_english_names_reads_the_chinese_and_the_group_post_stays_chinese()
    {
        await _chats.UpsertAsync(new ChatRecord { Channel = "test", ChatId = "g1", Kind = ChatKind.Group, Title = "东关村群", BotIsMember = true, UnitId = ExaminationCampaign.Village, UpdatedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
        var chat = EnglishNamedChat("en");
        var chinese = EnglishNamedChat(null);

        await chinese.SayAsync("/pledge");
        await chat.SayAsync("/pledge");
        await chat.PressAsync("Political discipline");
        await chat.PressAsync("Done");
        await chat.SayAsync(Political);
        await chat.PressAsync("Publish");

        Assert.Equal(["政治纪律", "群众纪律", "清正廉洁", "选好了"], chinese.Buttons.Select(b => b.Label));
        var (_, post) = Assert.Single(chat.Last!.Notifications);
        Assert.Contains("· 政治纪律：" + Political, ((TextMessage)post).Text, StringComparison.Ordinal);
    }

    private static PledgeAnswers Answers(FlowHarness chat) =>
        MessageJson.Deserialize<PledgeAnswers>(chat.Session.Data[DeclaredFlow<PledgeAnswers>.AnswersKey]);

    [Fact]
    public async Task Opening_the_pledge_is_one_message_the_introduction_above_the_areas_with_their_buttons()
    {
        var chat = Chat();

        await chat.SayAsync("/pledge");

        var opened = Assert.Single(chat.Last!.Replies.OfType<TextMessage>());
        Assert.StartsWith(PledgeTexts.Introduction.Chinese + "\n\n", opened.Text, StringComparison.Ordinal);
        Assert.Contains("请选择承诺的方面", opened.Text, StringComparison.Ordinal);
        Assert.Contains(opened.Buttons!.SelectMany(r => r), b => b.Label == "政治纪律");
    }

    [Fact]
    public async Task Areas_toggle_on_and_off_and_done_needs_at_least_one()
    {
        var chat = Chat();
        await chat.SayAsync("/pledge");

        await chat.PressAsync("政治纪律");
        var marked = chat.Buttons.Select(b => b.Label).ToList();
        await chat.PressAsync("✓ 政治纪律");
        var none = await chat.PressAsync("选好了");

        Assert.Contains("✓ 政治纪律", marked);
        Assert.Contains("政治纪律", chat.Buttons.Select(b => b.Label));
        Assert.Contains("请至少选择一个方面。", none, StringComparison.Ordinal);
        Assert.Empty(Answers(chat).Selected);
        Assert.Equal("ChoosingAreas", chat.Session.State);
    }

    [Fact]
    public async Task A_member_writes_two_pledges_and_publishes_them_to_the_linked_group()
    {
        await _chats.UpsertAsync(new ChatRecord { Channel = "test", ChatId = "g1", Kind = ChatKind.Group, Title = "东关村群", BotIsMember = true, UnitId = ExaminationCampaign.Village, UpdatedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
        var chat = Chat();
        await chat.SayAsync("/pledge");
        await chat.PressAsync("政治纪律");
        await chat.PressAsync("群众纪律");
        await chat.PressAsync("选好了");

        var preview = await chat.SayAsync(Political, Masses);
        var published = await chat.PressAsync("确认发布");

        Assert.Contains("1. 【政治纪律】" + Political + "\n2. 【群众纪律】" + Masses, preview, StringComparison.Ordinal);
        Assert.Contains("已发布 2 条公开承诺，已发到「东关村群」群", published, StringComparison.Ordinal);
        var (group, post) = Assert.Single(chat.Last!.Notifications);
        Assert.Equal("g1", group.Id);
        Assert.StartsWith("【公开承诺】张三（东关村）", ((TextMessage)post).Text, StringComparison.Ordinal);
        Assert.Equal(PledgeCheckIns.JobIdFor("test:1"), Assert.Single(chat.Last.Jobs).Id);
        Assert.All(await _store.ListByMemberAsync("test:1", CancellationToken.None), p => Assert.Equal(PledgeStatus.Published, p.Status));
        Assert.Null(chat.Session.Flow);
    }

    [Fact]
    public async Task A_too_short_pledge_is_refused_and_nothing_is_saved()
    {
        var chat = Chat();
        await chat.SayAsync("/pledge");
        await chat.PressAsync("政治纪律");
        await chat.PressAsync("选好了");

        var reply = await chat.SayAsync("遵守纪律");

        Assert.Contains("承诺应为 10–500 字（现在是 4 字）", reply, StringComparison.Ordinal);
        Assert.Empty(await _store.ListByMemberAsync("test:1", CancellationToken.None));
        Assert.Equal("Writing", chat.Session.State);
    }

    [Fact]
    public async Task Edit_and_withdraw_from_the_preview_and_back_without_drafts_goes_to_the_areas()
    {
        var chat = Chat();
        await chat.SayAsync("/pledge");
        await chat.PressAsync("政治纪律");
        await chat.PressAsync("选好了");
        var backToAreas = await chat.SayAsync("/back");
        await chat.PressAsync("选好了");
        await chat.SayAsync(Political);

        var edit = await chat.PressAsync("修改1");
        var edited = await chat.SayAsync(Masses);
        var withdrawn = await chat.SayAsync("撤回1");

        Assert.Contains("请选择承诺的方面", backToAreas, StringComparison.Ordinal);
        Assert.Contains("原内容：" + Political, edit, StringComparison.Ordinal);
        Assert.Contains("1. 【政治纪律】" + Masses, edited, StringComparison.Ordinal);
        Assert.Contains("已撤回「政治纪律」方面的承诺。", withdrawn, StringComparison.Ordinal);
        Assert.Equal("ChoosingAreas", chat.Session.State);
        Assert.Equal(PledgeStatus.Withdrawn, Assert.Single(await _store.ListByMemberAsync("test:1", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Drafts_resume_at_the_preview_and_published_pledges_are_read_only()
    {
        var chat = Chat();
        await chat.SayAsync("/pledge");
        await chat.PressAsync("群众纪律");
        await chat.PressAsync("选好了");
        await chat.SayAsync(Masses, "/cancel");

        var resumed = await chat.SayAsync("/pledge");
        var published = await chat.PressAsync("确认发布");
        var readOnly = await chat.SayAsync("/pledge");

        Assert.Contains("你有尚未发布的承诺草稿", resumed, StringComparison.Ordinal);
        Assert.Contains("承诺预览（尚未发布）", resumed, StringComparison.Ordinal);
        Assert.Contains("已发布 1 条公开承诺。本单位还没有关联群聊", published, StringComparison.Ordinal);
        Assert.Contains("你的公开承诺已经发布，不能再修改：\n【群众纪律】" + Masses, readOnly, StringComparison.Ordinal);
        Assert.Null(chat.Session.Flow);
    }

    [Fact]
    public async Task Back_on_the_first_step_says_so_and_cancel_and_timeout_keep_the_drafts()
    {
        var chat = Chat();

        var first = await chat.SayAsync("/pledge", "/back");
        var timedOut = await chat.TimeoutAsync();

        Assert.Contains("已经是第一步了。", first, StringComparison.Ordinal);
        Assert.Contains("公开承诺长时间未操作，已自动退出", timedOut, StringComparison.Ordinal);
        Assert.Null(chat.Session.Flow);
    }

    [Fact]
    public async Task In_English_the_prompts_and_buttons_are_English()
    {
        var chat = Chat("en");

        var replies = await chat.SayAsync("/pledge");

        Assert.Contains("Choose the areas (several allowed; press again to unselect)", replies, StringComparison.Ordinal);
        Assert.Equal("Done", chat.Buttons[^1].Label);
    }

    [Fact]
    public async Task In_English_the_preview_marks_each_area_with_square_brackets_as_the_published_list_does()
    {
        var chat = Chat("en");
        await chat.SayAsync("/pledge");
        await chat.PressAsync("政治纪律");
        await chat.PressAsync("Done");

        var preview = await chat.SayAsync(Political);

        Assert.Contains("\n1. [政治纪律] " + Political + "\n", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("【", preview, StringComparison.Ordinal);
    }
}
