using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Progress;
using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.People;

/// <summary>Action lists (/todo) with 催办 for secretaries; exceptions only, never names, for the office.</summary>
public sealed class ActionListTests : IDisposable
{
    private const string Village = "village_dongguan";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_secretary_sees_by_name_who_has_not_started_not_submitted_or_not_pledged()
    {
        await using var chat = await PreparedAsync();

        var todo = await chat.SayAsync("21", "/todo");

        Assert.Contains("对照检查未开始（2）：村书记、李村民", todo, StringComparison.Ordinal);
        Assert.Contains("对照检查未提交（1）：王村民", todo, StringComparison.Ordinal);
        Assert.Contains("未作公开承诺（2）：村书记、李村民", todo, StringComparison.Ordinal);
        var buttons = chat.BodiesTo(CampaignChat.Private("21")).OfType<TextMessage>().Last().Buttons!.SelectMany(r => r).ToList();
        Assert.Contains(buttons, b => b.Label == "催办：未承诺" && b.Payload == "todo:not_pledged");
    }

    [Fact]
    public async Task A_month_after_pledging_who_has_not_checked_in_is_on_the_list()
    {
        await using var chat = await PreparedAsync();
        chat.Time.Advance(TimeSpan.FromDays(14));

        var todo = await chat.SayAsync("21", "/todo");

        Assert.Contains("本月未报告履约（1）：王村民", todo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_press_reminds_everyone_on_the_list_privately_and_only_once_a_day()
    {
        await using var chat = await PreparedAsync();
        await chat.SayAsync("21", "/todo");

        var first = await chat.SendAsync("21", new ButtonPress(chat.Payload(CampaignChat.Private("21"), "催办：未承诺"), "cb-1"));
        var second = await chat.SendAsync("21", new ButtonPress("todo:not_pledged", "cb-2"));
        var forged = await chat.SendAsync("22", new ButtonPress("todo:not_pledged", "cb-3"));
        var bogus = await chat.SendAsync("21", new ButtonPress("todo:everyone", "cb-4"));

        Assert.Contains("已催办 1 人", first, StringComparison.Ordinal);
        Assert.Contains("已催办 0 人；1 人今天已催过", second, StringComparison.Ordinal);
        Assert.Contains("【催办】村书记提醒你：你还没有发布公开承诺，请发送 /pledge", chat.SentTo(CampaignChat.Private("23")), StringComparison.Ordinal);
        Assert.Single(chat.BodiesTo(CampaignChat.Private("23")).OfType<TextMessage>(), m => m.Text.StartsWith("【催办】", StringComparison.Ordinal));
        Assert.DoesNotContain("【催办】", chat.SentTo(CampaignChat.Private("22")), StringComparison.Ordinal);
        Assert.Contains("(notice) 待办名单由支部书记查看", forged, StringComparison.Ordinal);
        Assert.Contains("(notice) 无效的催办按钮", bogus, StringComparison.Ordinal);
        Assert.NotNull(await chat.Stores.Outbox.GetAsync(Nudges.OutboxIdFor("console:23", new DateOnly(2027, 1, 20)), Ct));

        chat.Time.Advance(TimeSpan.FromDays(1));
        Assert.Contains("已催办 1 人", await chat.SayAsync("21", "/todo remind not_pledged"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_pressed_in_quiet_hours_waits_until_they_end()
    {
        await using var chat = await PreparedAsync();
        chat.Time.Advance(TimeSpan.FromHours(13)); // 23:00 in Beijing

        var reply = await chat.SayAsync("21", "/todo remind not_started");

        Assert.Contains("现在是休息时间，将于 08:00 发出", reply, StringComparison.Ordinal);
        var queued = await chat.Stores.Outbox.GetAsync(Nudges.OutboxIdFor("console:23", new DateOnly(2027, 1, 21)), Ct);
        Assert.Equal(new DateTimeOffset(2027, 1, 21, 0, 0, 0, TimeSpan.Zero), queued!.NextAttemptAt);
        Assert.DoesNotContain("【催办】", chat.SentTo(CampaignChat.Private("23")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_sees_units_needing_make_up_or_behind_but_no_names()
    {
        await using var chat = await PreparedAsync();
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.Stores.EvaluationRounds.CreateAsync(FailedRound(), Ct);

        var todo = await chat.SayAsync("1", "/todo");

        Assert.Contains("需要补课", todo, StringComparison.Ordinal);
        Assert.Contains("· 城关镇东关村：", todo, StringComparison.Ordinal);
        Assert.Contains("城关镇东关村（village_dongguan）：对照检查未开始 2/3", todo, StringComparison.Ordinal);
        Assert.DoesNotContain("李村民", todo, StringComparison.Ordinal);
        Assert.DoesNotContain("王村民", todo, StringComparison.Ordinal);
        Assert.DoesNotContain("村书记", todo, StringComparison.Ordinal);
        Assert.Contains("待办名单由支部书记查看", await chat.SayAsync("22", "/todo"), StringComparison.Ordinal);
    }

    private static EvaluationRound FailedRound() => new()
    {
        Id = "0badf00d",
        UnitId = Village,
        Stage = "style_status",
        Audience = RoundAudience.Code,
        Code = "ABCD12",
        OpensAt = CampaignChat.Start.AddDays(-2),
        ClosesAt = CampaignChat.Start.AddDays(-1),
        PassRule = new PassRule(0.8m, 10),
        OpenedBy = "console:1",
        Status = RoundStatus.Closed,
        Result = new RoundResult(new Dictionary<string, long> { ["satisfied"] = 3 }, 3, 3, false, CampaignChat.Start.AddDays(-1)),
    };

    /// <summary>A village with a secretary and two members: 王村民 has a draft and a published pledge, 李村民 nothing.</summary>
    private async Task<CampaignChat> PreparedAsync()
    {
        var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", Village, "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", Village);
        await chat.RegisterAsync(_bot, "23", "李村民", Village);
        var now = chat.Time.GetUtcNow();
        await chat.Stores.Examinations.SaveAsync(new SelfExamination { MemberId = "console:22", MemberName = "王村民", UnitId = Village, ChecklistCode = "branch", UpdatedAt = now }, Ct);
        await chat.Stores.Pledges.SaveAsync(new Pledge { MemberId = "console:22", MemberName = "王村民", UnitId = Village, Area = "integrity", Text = "不收受群众任何礼品，办事公开透明。", Status = PledgeStatus.Published, UpdatedAt = now, PublishedAt = now }, Ct);
        return chat;
    }

    public void Dispose() => _bot.Dispose();
}
