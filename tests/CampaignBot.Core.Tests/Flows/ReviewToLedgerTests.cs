using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>The reviewer puts an accepted self-examination's problems found on the rectification ledger, through the ledger's port.</summary>
public sealed class ReviewToLedgerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly CampaignDefinition _campaign = ExaminationCampaign.Create();
    private readonly InMemoryExaminationStore _store = new();
    private readonly InMemoryMemberStore _members = new();
    private readonly InMemoryLedgerStore _ledgerStore = new();
    private readonly LedgerService _ledger;
    private readonly Member _office = ExaminationCampaign.Person("5", "活动办", Roles.CampaignOffice);
    private readonly Member _secretary = ExaminationCampaign.Person("6", "村书记", Roles.Secretary);
    private readonly Member _member = ExaminationCampaign.Person("1", "张三");

    public ReviewToLedgerTests()
    {
        _ledger = InMemoryLedgerStore.Service(_ledgerStore, _members, _campaign);
        foreach (var member in new[] { _office, _secretary, _member })
        {
            _members.UpsertAsync(member, Ct).GetAwaiter().GetResult();
        }
    }

    private FlowHarness Office() => new([new ReviewFlow(_store, new ExaminationReviewers(_members, _campaign), _members, _ledger)], campaign: _campaign, user: _office.UserId)
    {
        Member = _office,
    };

    /// <summary>Two problems found: formalism exists, the optional item partly.</summary>
    private Task SubmitTwoProblemsAsync() => _store.SaveAsync(ExaminationCampaign.Submitted(_member) with
    {
        Answers = new Dictionary<string, ExaminationAnswer>
        {
            ["formalism"] = new(ChecklistChoices.Exists, "会议偏多，文件照抄照转。"),
            ["measures"] = new(null, "每周走访群众一次。"),
            ["extra"] = new(ChecklistChoices.Partly, null),
        },
    }, Ct);

    [Fact]
    public async Task An_accepted_examinations_problem_becomes_a_ledger_item_led_by_the_member_and_the_unit_is_told()
    {
        await SubmitTwoProblemsAsync();
        var office = Office();
        await office.SayAsync("/review", "1");

        var offered = await office.PressAsync("通过");
        var labels = office.Buttons.Select(b => b.Label).ToList();
        var asked = await office.PressAsync("1. 形式主义（存在）");
        await office.SayAsync("精简会议文件，每月通报会议数量。");
        var turned = await office.SayAsync("2027-03-31");
        var notified = office.Last!.Notifications;

        Assert.Contains("查摆出 2 个问题", offered, StringComparison.Ordinal);
        Assert.Equal(["1. 形式主义（存在）", "2. 其他需要说明的问题（部分存在）", "完成"], labels);
        Assert.Contains("问题：形式主义（存在）：会议偏多，文件照抄照转。", asked, StringComparison.Ordinal);
        var item = Assert.Single(await _ledgerStore.ListAsync(ExaminationCampaign.Village, Ct));
        Assert.Contains($"已转入整改台帐 {item.Id}", turned, StringComparison.Ordinal);
        Assert.Contains("还有 1 个问题未转入整改台帐", turned, StringComparison.Ordinal);
        Assert.Equal(ProblemSource.Examination, item.Source);
        Assert.Equal([ReviewFlow.SourceRef(_member.Id, "formalism")], item.SourceRefs);
        Assert.Equal(_member.Id, item.LeadLeaderId);
        Assert.Equal("formalism", item.Category);
        Assert.Equal(new DateOnly(2027, 3, 31), item.Deadline);
        Assert.Equal("精简会议文件，每月通报会议数量。", item.Measures);
        Assert.Contains(notified, n => n.Chat.Id == _member.UserId && ((TextMessage)n.Message).Text.Contains($"牵头领导", StringComparison.Ordinal));
        Assert.Contains(notified, n => n.Chat.Id == _secretary.UserId && ((TextMessage)n.Message).Text.Contains($"整改台帐 {item.Id}", StringComparison.Ordinal));
        Assert.Contains("建立：", Assert.Single(await _ledgerStore.HistoryAsync(item.Id, Ct)).What, StringComparison.Ordinal);

        var finished = await office.PressAsync("完成");
        Assert.Contains($"1 个问题已转入整改台帐：{item.Id}", finished, StringComparison.Ordinal);
        Assert.Null(office.Session.Flow);
    }

    [Fact]
    public async Task A_deactivated_secretary_of_the_unit_is_not_told_of_the_new_ledger_item()
    {
        var gone = ExaminationCampaign.Person("7", "原书记", Roles.Secretary) with { DeactivatedAt = new DateTimeOffset(2027, 1, 10, 0, 0, 0, TimeSpan.Zero) };
        await _members.UpsertAsync(gone, Ct);
        await SubmitTwoProblemsAsync();
        var office = Office();
        await office.SayAsync("/review", "1");
        await office.PressAsync("通过");
        await office.PressAsync("1. 形式主义（存在）");
        await office.SayAsync("精简会议文件。", "2027-03-31");
        var notified = office.Last!.Notifications;

        Assert.Contains(notified, n => n.Chat.Id == _secretary.UserId);
        Assert.DoesNotContain(notified, n => n.Chat.Id == gone.UserId);
    }

    [Fact]
    public async Task Choosing_a_problem_already_on_the_ledger_says_so_and_makes_no_second_item()
    {
        await SubmitTwoProblemsAsync();
        var office = Office();
        await office.SayAsync("/review", "1");
        await office.PressAsync("通过");
        var first = office.Buttons[0];
        await office.PressAsync("1. 形式主义（存在）");
        await office.SayAsync("精简会议文件。", "2027-03-31");

        var stale = await office.SendAsync(new ButtonPress(first.Payload));
        var rebuilt = await office.SendAsync(new ButtonPress(office.Buttons[0].Payload.Replace(":q1", ":q0", StringComparison.Ordinal)));

        var item = Assert.Single(await _ledgerStore.ListAsync(null, Ct));
        Assert.Contains("这个按钮来自之前的消息", stale, StringComparison.Ordinal);
        Assert.Contains($"这个问题已在整改台帐 {item.Id} 中，不再重复建立", rebuilt, StringComparison.Ordinal);
        Assert.Equal("OfferingLedger", office.Session.State);
        Assert.Equal(["1. 其他需要说明的问题（部分存在）", "完成"], office.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task A_problem_put_on_the_ledger_by_someone_else_meanwhile_is_not_put_on_it_again()
    {
        await SubmitTwoProblemsAsync();
        var office = Office();
        await office.SayAsync("/review", "1");
        await office.PressAsync("通过");
        var offered = office.Buttons.Single(b => b.Label.StartsWith("1.", StringComparison.Ordinal));

        // Meanwhile the same problem reaches the ledger another way (a second reviewer's chat, a redelivered answer).
        var (earlier, _) = await _ledger.CreateAsync(
            new LedgerRequest(ExaminationCampaign.Village, "形式主义", "formalism", ProblemSource.Examination, [ReviewFlow.SourceRef(_member.Id, "formalism")], "精简会议。", _member.Id, "2027-04-30"),
            _secretary, "elsewhere", office.Time.GetUtcNow(), Ct);
        var reply = await office.SendAsync(new ButtonPress(offered.Payload));

        Assert.Contains($"已在整改台帐 {earlier!.Id}", reply, StringComparison.Ordinal);
        Assert.Single(await _ledgerStore.ListAsync(null, Ct));
        Assert.Equal(["1. 其他需要说明的问题（部分存在）", "完成"], office.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task A_deadline_outside_the_campaign_too_long_measures_and_a_forged_problem_are_refused_and_nothing_is_saved()
    {
        await SubmitTwoProblemsAsync();
        var office = Office();
        await office.SayAsync("/review", "1");
        await office.PressAsync("通过");

        var forged = await office.SendAsync(new ButtonPress(office.Buttons[0].Payload.Replace(":q0", ":q9", StringComparison.Ordinal)));
        var typed = await office.SayAsync("9");
        await office.PressAsync("1. 形式主义（存在）");
        var tooLong = await office.SayAsync(new string('措', 501));
        await office.SayAsync("精简会议文件。");
        var late = await office.SayAsync("2028-01-01");
        var past = await office.SayAsync("2026-12-31");
        var words = await office.SayAsync("下个月");

        Assert.Contains("请点击要转入整改台帐的问题", forged, StringComparison.Ordinal);
        Assert.Contains("请点击要转入整改台帐的问题", typed, StringComparison.Ordinal);
        Assert.Contains("整改措施太长（最多 500 字）", tooLong, StringComparison.Ordinal);
        Assert.All(new[] { late, past, words }, reply => Assert.Contains("完成时限须是今天到活动结束（2027-09-30）之间的日期", reply, StringComparison.Ordinal));
        Assert.Empty(await _ledgerStore.ListAsync(null, Ct));
        Assert.Equal("AskingDeadline", office.Session.State);
    }

    [Fact]
    public async Task Back_from_the_measures_returns_to_the_problems_and_back_from_the_problems_keeps_the_decision()
    {
        await SubmitTwoProblemsAsync();
        var office = Office();
        await office.SayAsync("/review", "1");
        await office.PressAsync("通过");
        await office.PressAsync("1. 形式主义（存在）");

        var back = await office.SayAsync("/back");
        var refused = await office.SayAsync("/back");
        var none = await office.PressAsync("完成");

        Assert.Contains("可逐个转入本单位整改台帐", back, StringComparison.Ordinal);
        Assert.Contains("审核决定已经保存，不能返回", refused, StringComparison.Ordinal);
        Assert.Contains("没有问题转入整改台帐", none, StringComparison.Ordinal);
        Assert.Empty(await _ledgerStore.ListAsync(null, Ct));
        Assert.Equal(ExaminationStatus.Accepted, (await _store.GetAsync(_member.Id, Ct))!.Status);
    }

    [Fact]
    public async Task An_examination_that_found_no_problem_or_a_returned_one_offers_nothing_for_the_ledger()
    {
        await _store.SaveAsync(ExaminationCampaign.Submitted(_member) with
        {
            Answers = new Dictionary<string, ExaminationAnswer> { ["formalism"] = new(ChecklistChoices.None, null), ["measures"] = new(null, "坚持。") },
        }, Ct);
        var office = Office();
        await office.SayAsync("/review", "1");

        var accepted = await office.PressAsync("通过");

        Assert.Contains("已通过，已通知本人。发送 /review 审核下一份。", accepted, StringComparison.Ordinal);
        Assert.Null(office.Session.Flow);
        Assert.Empty(ReviewFlow.ProblemsFound(_campaign, (await _store.GetAsync(_member.Id, Ct))!, 500));
    }
}
