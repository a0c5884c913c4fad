using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Pledges;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>Keeping pledges over the flow harness: an outcome and a note per published pledge, recorded at once.</summary>
public sealed class CheckInFlowTests
{
    private readonly InMemoryPledgeStore _store = new();

    private FlowHarness Chat()
    {
        var campaign = ExaminationCampaign.Create();
        return new FlowHarness([new CheckInFlow(_store, new CampaignCalendar(campaign))], campaign: campaign)
        {
            Member = ExaminationCampaign.Person("1", "张三"),
        };
    }

    private Task PublishAsync(string area, string text) => _store.SaveAsync(
        new Pledge { MemberId = "test:1", MemberName = "张三", UnitId = ExaminationCampaign.Village, Area = area, Text = text, Status = PledgeStatus.Published, UpdatedAt = DateTimeOffset.UnixEpoch },
        CancellationToken.None);

    [Fact]
    public async Task Each_published_pledge_gets_an_outcome_and_a_note_and_is_recorded_for_the_month()
    {
        await PublishAsync("masses", "每月走访群众至少两次。");
        await PublishAsync("political", "坚决维护党的政治纪律。");
        var chat = Chat();

        var replies = await chat.SayAsync("/checkin", "1", "走访了三户群众。", "2");
        var done = await chat.PressAsync("跳过");

        Assert.Contains("履约践诺（2027-01）", replies, StringComparison.Ordinal);
        Assert.Contains("第 1/2 条【政治纪律】坚决维护党的政治纪律。", replies, StringComparison.Ordinal);
        Assert.Contains("第 2/2 条【群众纪律】", replies, StringComparison.Ordinal);
        Assert.Contains("本月履约情况已记录，谢谢！", done, StringComparison.Ordinal);
        var checkIns = await _store.ListCheckInsAsync(null, CancellationToken.None);
        Assert.Equal(
            [("masses", PledgeOutcomes.Partly, (string?)null), ("political", PledgeOutcomes.Kept, "走访了三户群众。")],
            checkIns.Select(c => (c.Area, c.Outcome, c.Note)).OrderBy(c => c.Area, StringComparer.Ordinal));
        Assert.All(checkIns, c => Assert.Equal("2027-01", c.Period));
        Assert.Null(chat.Session.Flow);
    }

    [Fact]
    public async Task Back_from_the_note_asks_the_outcome_again_and_on_the_outcome_says_it_is_the_first_step()
    {
        await PublishAsync("political", "坚决维护党的政治纪律。");
        var chat = Chat();

        var first = await chat.SayAsync("/checkin", "/back");
        var back = await chat.SayAsync("3", "/back");

        Assert.Contains("已经是这一条的第一步了。", first, StringComparison.Ordinal);
        Assert.Contains("本月践行情况？", back, StringComparison.Ordinal);
        Assert.Equal("AskingOutcome", chat.Session.State);
    }

    [Fact]
    public async Task A_typed_word_that_is_not_an_outcome_and_a_too_long_note_are_refused()
    {
        await PublishAsync("political", "坚决维护党的政治纪律。");
        var chat = Chat();

        var wrong = await chat.SayAsync("/checkin", "还行");
        var tooLong = await chat.SayAsync("1", new string('长', CheckInFlow.MaxNoteLength + 1));

        Assert.Contains("请点击按钮：已践行、部分践行或尚未践行。", wrong, StringComparison.Ordinal);
        Assert.Contains("说明太长了（最多 300 字）", tooLong, StringComparison.Ordinal);
        Assert.Empty(await _store.ListCheckInsAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Without_published_pledges_there_is_nothing_to_report()
    {
        var reply = await Chat().SayAsync("/checkin");

        Assert.Contains("你还没有发布公开承诺。", reply, StringComparison.Ordinal);
    }
}
