using CampaignBot.Core.Features.Examinations;

namespace CampaignBot.Tests.Examinations;

/// <summary>Deadlines follow each unit's start and phases; reminders go out before them, each once.</summary>
public sealed class ExaminationDeadlineTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task The_deadline_is_the_end_of_the_examination_phase_so_grassroots_units_get_later_ones()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        var reminders = chat.Services.GetRequiredService<ExaminationReminders>();

        Assert.Equal(new DateOnly(2027, 3, 1), reminders.DeadlineFor("county_east"));
        Assert.Equal(new DateOnly(2027, 3, 16), reminders.DeadlineFor("village_dongguan"));
        Assert.Equal(new DateOnly(2027, 3, 10), reminders.DeadlineFor("district_west"));
    }

    [Fact]
    public async Task Reminders_go_out_three_days_and_one_day_before_the_deadline_each_once()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "30", "赵干部", "county_east", rank: 2);
        await chat.RegisterAsync(_bot, "31", "钱干部", "county_east", rank: 2);
        await chat.SayAllAsync("30", "/examine", "保存退出");
        var reminders = chat.Services.GetRequiredService<ExaminationReminders>();

        chat.Time.SetUtcNow(new DateTimeOffset(2027, 2, 26, 0, 30, 0, TimeSpan.Zero));
        await chat.Stores.Jobs.UpsertAsync(reminders.Job(chat.Time.GetUtcNow()), CancellationToken.None);
        chat.Time.Advance(TimeSpan.FromHours(1));
        var first = await chat.RunSchedulerAsync();
        chat.Time.Advance(TimeSpan.FromDays(1));
        var second = await chat.RunSchedulerAsync();
        chat.Time.Advance(TimeSpan.FromDays(1));
        var third = await chat.RunSchedulerAsync();

        Assert.Equal(2, first.Count);
        Assert.Contains("须在 2027-03-01 前提交（还有 3 天），你目前填写中", Text(first, "30"), StringComparison.Ordinal);
        Assert.Contains("你目前未开始", Text(first, "31"), StringComparison.Ordinal);
        Assert.Empty(second);
        Assert.Contains("还有 1 天", Text(third, "30"), StringComparison.Ordinal);
        Assert.All(first, m => Assert.Equal("cmd:examine", Assert.Single(Assert.IsType<TextMessage>(m.Body).Buttons!.SelectMany(r => r)).Payload));
    }

    [Fact]
    public async Task No_reminder_goes_to_a_member_who_has_submitted()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "22", "王村民", "village_dongguan");
        await chat.SayAllAsync("22", "/examine", "1", "3", "3", "3", "跳过", "每周走访群众一次，解决实际问题。", "提交");
        var reminders = chat.Services.GetRequiredService<ExaminationReminders>();

        chat.Time.SetUtcNow(new DateTimeOffset(2027, 3, 15, 2, 0, 0, TimeSpan.Zero));
        await chat.Stores.Jobs.UpsertAsync(reminders.Job(chat.Time.GetUtcNow().AddDays(-1)) with { DueAt = chat.Time.GetUtcNow() }, CancellationToken.None);
        var sent = await chat.RunSchedulerAsync();

        Assert.Empty(sent);
    }

    private static string Text(IEnumerable<(ChatRef Chat, Outbound Body)> sent, string user) =>
        string.Join("\n", sent.Where(s => s.Chat.Id == user).Select(s => (s.Body as TextMessage)?.Text));

    public void Dispose() => _bot.Dispose();
}
