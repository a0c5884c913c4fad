using CampaignBot.Core.Features.Study;

namespace CampaignBot.Tests.Study;

/// <summary>Issue 11, items 13 and 14: research and visits can be corrected, say-nothing answers are refused, study is not double counted, confirmation shows what it confirms.</summary>
public sealed class StudyCorrectionTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task A_wrong_research_length_speaks_of_research_not_study()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("1");

        var replies = await bot.SayAsync("1", "/research", "today", "很久");

        Assert.Contains("请填写调研时长", replies, StringComparison.Ordinal);
        Assert.DoesNotContain("学习时长", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_or_a_household_label_that_says_nothing_is_refused_with_a_reason()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");

        var place = await bot.SayAsync("1", "/research", "today", "1", "1");
        await bot.SayAsync("1", "/cancel");
        var label = await bot.SayAsync("1", "/visits", "pair", "1");

        Assert.Contains("看不出内容", place, StringComparison.Ordinal);
        Assert.Contains("在哪里蹲点", place, StringComparison.Ordinal);
        Assert.Contains("不能只写数字或一个字", label, StringComparison.Ordinal);
        Assert.Empty(await bot.Stores.Households.ListAsync(null, member.Id, Ct));
    }

    [Fact]
    public async Task A_leader_corrects_a_research_entry_and_then_deletes_it()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");
        await bot.SayAsync("1", "/research", "3.1", "2", "东关村", "道路失修", "skip");

        var corrected = await bot.SayAsync("1", "/research", "list", "1", "fix", "3.2", "1", "西关村", "水渠堵塞", "希望清淤");
        var entry = Assert.Single(await bot.Stores.ActivityLog.ListAsync(null, member.Id, ActivityKind.Research, Ct));
        var deleted = await bot.SayAsync("1", "/research", "list", "1", "delete");

        Assert.Contains("已更正这条蹲点调研记录", corrected, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2027, 3, 2), 2, "西关村", "水渠堵塞", "希望清淤"), (entry.Date, entry.HalfDays, entry.Place, entry.Note, entry.Opinions));
        Assert.Contains("已删除", deleted, StringComparison.Ordinal);
        Assert.Contains("蹲点调研 0/3 天", deleted, StringComparison.Ordinal);
        Assert.Empty(await bot.Stores.ActivityLog.ListAsync(null, member.Id, ActivityKind.Research, Ct));
    }

    [Fact]
    public async Task A_leader_renames_a_household_and_removes_it_with_its_visits()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");
        await bot.SayAsync("1", "/visits", "pair", "王大爷家");
        await bot.SayAsync("1", "/visits", "visit", "h0", "3.9", "宣讲政策，听取意见");

        var renamed = await bot.SayAsync("1", "/visits", "manage", "h0", "rename", "东关村王大爷家");
        var label = Assert.Single(await bot.Stores.Households.ListAsync(null, member.Id, Ct)).Label;
        var removed = await bot.SayAsync("1", "/visits", "manage", "h0", "remove");

        Assert.Contains("已把“王大爷家”改为“东关村王大爷家”", renamed, StringComparison.Ordinal);
        Assert.Equal("东关村王大爷家", label);
        Assert.Contains("其 1 次走访记录一并删除", removed, StringComparison.Ordinal);
        Assert.Empty(await bot.Stores.Households.ListAsync(null, member.Id, Ct));
        Assert.Empty(await bot.Stores.ActivityLog.ListAsync(null, member.Id, ActivityKind.Visit, Ct));
    }

    [Fact]
    public async Task Self_study_and_a_collective_session_on_the_same_day_are_counted_once()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("9", rank: "ordinary", role: "secretary", name: "书记");
        await bot.AddMemberAsync("1", name: "甲");
        await bot.SayAsync("9", "/study", "group", "3.8", "1", "collective", "theory", "学习党章", "全部");

        var replies = await bot.SayAsync("1", "/study", "new", "3.8", "1.5", "self", "theory", "skip");

        Assert.Contains("重叠的时间只计一次", replies, StringComparison.Ordinal);
        Assert.Contains("学习 1.5/7 天", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirmation_shows_the_entries_and_a_rejected_one_is_removed_and_its_member_told()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("9", rank: "ordinary", role: "secretary", name: "书记");
        var first = await bot.AddMemberAsync("1", name: "甲");
        var second = await bot.AddMemberAsync("2", name: "乙");
        await bot.SayAsync("1", "/study", "new", "3.8", "1", "self", "theory", "skip");
        await bot.SayAsync("2", "/study", "new", "3.9", "2", "self", "ideals", "skip");

        var list = await bot.SayAsync("9", "/study", "confirm");
        var rejected = await bot.SayAsync("9", "退回 1");
        var confirmed = await bot.SayAsync("9", "all");

        Assert.Contains("1. 甲 2027-03-08 1 天", list, StringComparison.Ordinal);
        Assert.Contains("2. 乙 2027-03-09 2 天", list, StringComparison.Ordinal);
        Assert.Contains("已退回：甲 2027-03-08", rejected, StringComparison.Ordinal);
        Assert.Contains(bot.Sent, s => s.ChatId == "1" && s.Text.Contains("支部书记退回了你的一条记录", StringComparison.Ordinal));
        Assert.Contains("已确认本单位 1 条", confirmed, StringComparison.Ordinal);
        Assert.Empty(await bot.Stores.ActivityLog.ListAsync(null, first.Id, null, Ct));
        Assert.True(Assert.Single(await bot.Stores.ActivityLog.ListAsync(null, second.Id, null, Ct)).Confirmed);
    }

    [Theory]
    [InlineData("1", false)]
    [InlineData("。。", false)]
    [InlineData("好", false)]
    [InlineData("东关村", true)]
    [InlineData("ok", true)]
    public void A_text_says_something_when_it_has_at_least_two_letters(string text, bool says) =>
        Assert.Equal(says, StudySteps.SaysSomething(text));
}
