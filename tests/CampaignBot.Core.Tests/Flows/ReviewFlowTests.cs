using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>The review over the flow harness: choosing, accepting, returning, and a list that went stale meanwhile.</summary>
public sealed class ReviewFlowTests
{
    private readonly InMemoryExaminationStore _store = new();
    private readonly InMemoryMemberStore _members = new();
    private readonly Member _office = ExaminationCampaign.Person("5", "活动办", Roles.CampaignOffice);
    private readonly Member _first = ExaminationCampaign.Person("1", "张三", languageCode: "en");
    private readonly Member _second = ExaminationCampaign.Person("2", "李四");

    public ReviewFlowTests()
    {
        foreach (var member in new[] { _office, _first, _second })
        {
            _members.UpsertAsync(member, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private FlowHarness Office(string? languageCode = null) => new(
        [new ReviewFlow(_store, new ExaminationReviewers(_members, ExaminationCampaign.Create()), _members, InMemoryLedgerStore.Service(new InMemoryLedgerStore(), _members, ExaminationCampaign.Create()))],
        campaign: ExaminationCampaign.Create(),
        user: _office.UserId,
        languageCode: languageCode)
    {
        Member = _office,
    };

    private Task SubmitAsync(Member member) => _store.SaveAsync(ExaminationCampaign.Submitted(member), CancellationToken.None);

    private Task ReturnMeanwhileAsync(Member member) =>
        _store.SaveAsync(ExaminationCampaign.Submitted(member) with { Status = ExaminationStatus.Returned }, CancellationToken.None);

    [Fact]
    public async Task A_stale_item_says_so_and_ends_when_nothing_is_left_and_no_message_is_empty()
    {
        await SubmitAsync(_first);
        var office = Office();
        await office.SayAsync("/review");
        var listed = office.Buttons.Select(b => b.Label).ToList();
        await ReturnMeanwhileAsync(_first);

        var reply = await office.SayAsync("1");

        Assert.Equal(["1. 张三（东关村）第 1 版"], listed);
        Assert.Contains("这一份已由其他审核人处理或已被撤回", reply, StringComparison.Ordinal);
        Assert.Contains("目前没有等待你审核的对照检查。", reply, StringComparison.Ordinal);
        Assert.All(office.Last!.Replies.OfType<TextMessage>(), m => Assert.False(string.IsNullOrWhiteSpace(m.Text)));
        Assert.DoesNotContain(office.Last.Replies.OfType<TextMessage>(), m => m.Buttons?.SelectMany(r => r).Any(b => b.Label == "通过") == true);
        Assert.Null(office.Session.Flow);
    }

    [Fact]
    public async Task A_stale_item_shows_the_fresh_list_when_others_still_wait()
    {
        await SubmitAsync(_first);
        await SubmitAsync(_second);
        var office = Office();
        await office.SayAsync("/review");
        await ReturnMeanwhileAsync(_first);

        var reply = await office.SayAsync("1");

        Assert.Contains("这是最新的待审核列表。", reply, StringComparison.Ordinal);
        Assert.Equal(["1. 李四（东关村）第 1 版"], office.Buttons.Select(b => b.Label));
        Assert.Equal("Choosing", office.Session.State);
        var read = await office.SayAsync("1");
        Assert.Contains("李四 的对照检查（第 1 版）", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_tells_the_member_in_their_language()
    {
        await SubmitAsync(_first);
        var office = Office();

        var read = await office.SayAsync("/review", "1");
        var decided = await office.PressAsync("通过");

        Assert.Contains("张三 的对照检查（第 1 版）", read, StringComparison.Ordinal);
        Assert.Contains("已通过，已通知本人。", decided, StringComparison.Ordinal);
        var (to, message) = Assert.Single(office.Last!.Notifications);
        Assert.Equal("1", to.Id);
        Assert.Equal("Your self-examination (version 1) was accepted by 活动办.", ((TextMessage)message).Text);
        Assert.Equal(ExaminationStatus.Accepted, (await _store.GetAsync(_first.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Returning_asks_for_a_comment_of_five_characters_or_more_and_tells_the_member()
    {
        await SubmitAsync(_second);
        var office = Office();
        await office.SayAsync("/review", "1");

        var asked = await office.PressAsync("退回修改");
        var tooShort = await office.SayAsync("不行");
        var done = await office.SayAsync("请补充具体的事实依据。");

        Assert.Contains("请写下退回意见（5–500 字）", asked, StringComparison.Ordinal);
        Assert.Contains("退回意见应为 5–500 字（现在是 2 字）", tooShort, StringComparison.Ordinal);
        Assert.Contains("已退回修改，意见已发给本人。", done, StringComparison.Ordinal);
        var (_, message) = Assert.Single(office.Last!.Notifications);
        Assert.Contains("被活动办退回修改。意见：请补充具体的事实依据。", ((TextMessage)message).Text, StringComparison.Ordinal);
        Assert.Equal(("修改自查", "cmd:examine"), Assert.Single(((TextMessage)message).Buttons!.SelectMany(r => r)) is var b ? (b.Label, b.Payload) : default);
        Assert.Equal(ExaminationStatus.Returned, (await _store.GetAsync(_second.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_decision_on_one_that_someone_else_decided_changes_nothing_and_says_so()
    {
        await SubmitAsync(_first);
        var office = Office();
        await office.SayAsync("/review", "1");
        await _store.AddReviewAsync(new ExaminationReview(_first.Id, _first.UnitId, 1, "test:9", "村书记", true, null, DateTimeOffset.UnixEpoch), CancellationToken.None);

        var reply = await office.PressAsync("通过");

        Assert.Contains("这份对照检查已由其他审核人处理或已撤回，本次未做改动。", reply, StringComparison.Ordinal);
        Assert.Empty(office.Last!.Notifications);
        Assert.Equal(ExaminationStatus.Submitted, (await _store.GetAsync(_first.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Back_from_reading_shows_the_list_and_a_command_leaves_the_list()
    {
        await SubmitAsync(_first);
        var office = Office();
        await office.SayAsync("/review", "1");

        var back = await office.PressAsync("返回列表");
        var left = await office.SayAsync("/me");

        Assert.Contains("请选择要审核的对照检查：", back, StringComparison.Ordinal);
        Assert.DoesNotContain("请先完成当前步骤", left, StringComparison.Ordinal);
        Assert.Null(office.Session.Flow);
    }

    [Theory]
    [InlineData(null, "Only secretaries, supervisors and the cam")]
    [InlineData("zh", "只有支部书记、督导组和活动办可以审核对照检查。")]
    [InlineData("en-GB", "Only secretaries, supervisors and the cam")]
    public async Task A_client_that_says_no_language_leaves_the_member_records_language_and_a_client_that_says_one_wins(string? client, string expected)
    {
        var member = new FlowHarness([new ReviewFlow(_store, new ExaminationReviewers(_members, ExaminationCampaign.Create()), _members, InMemoryLedgerStore.Service(new InMemoryLedgerStore(), _members, ExaminationCampaign.Create()))], campaign: ExaminationCampaign.Create(), languageCode: client) { Member = _first };

        var reply = await member.SayAsync("/review");

        Assert.StartsWith(expected, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_reviewers_may_review()
    {
        var member = new FlowHarness([new ReviewFlow(_store, new ExaminationReviewers(_members, ExaminationCampaign.Create()), _members, InMemoryLedgerStore.Service(new InMemoryLedgerStore(), _members, ExaminationCampaign.Create()))], campaign: ExaminationCampaign.Create(), languageCode: "zh") { Member = _first };

        var reply = await member.SayAsync("/review");

        Assert.Contains("只有支部书记、督导组和活动办可以审核对照检查。", reply, StringComparison.Ordinal);
        Assert.Null(member.Session.Flow);
    }
}
