using CampaignBot.Core.Features.Study;

namespace CampaignBot.Tests.Study;

/// <summary>The buttons on a study reminder: log now, or mute for a week; forged and misplaced presses change nothing.</summary>
public sealed class ReminderButtonTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Log_study_on_a_reminder_opens_the_study_log_at_the_date_and_saves_the_entry()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");

        var opened = await bot.PressAsync("1", RemindCommand.LogPayload);
        var saved = await bot.SayAsync("1", "today", "1", "self", "theory", "skip");

        Assert.Contains("学习是哪一天", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("请选择要做什么", opened, StringComparison.Ordinal);
        var entry = Assert.Single(await bot.Stores.ActivityLog.ListAsync(null, member.Id, ActivityKind.Study, Ct));
        Assert.Equal((new DateOnly(2027, 3, 10), 2, "self"), (entry.Date, entry.HalfDays, entry.Form));
        Assert.Contains("已记录", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mute_on_a_reminder_mutes_for_seven_days_and_says_how_to_undo_it()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");

        var reply = await bot.PressAsync("1", RemindCommand.MutePayload);

        Assert.Equal(new DateOnly(2027, 3, 16), (await bot.Stores.ReminderSettings.GetAsync(member.Id, Ct))!.MutedUntil);
        Assert.Contains("已暂停学习提醒至 2027-03-16", reply, StringComparison.Ordinal);
        Assert.Contains("/remind on", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_study_while_in_the_middle_of_another_step_keeps_that_step_and_shows_it_again()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("1");
        await bot.SayAsync("1", "/study", "new", "today");

        var reply = await bot.PressAsync("1", RemindCommand.LogPayload);
        await bot.SayAsync("1", "1", "self", "theory", "skip");

        Assert.Contains("请先完成当前步骤", reply, StringComparison.Ordinal);
        Assert.Contains("多长时间", reply, StringComparison.Ordinal);
        Assert.Single(await bot.Stores.ActivityLog.ListAsync(null, null, ActivityKind.Study, Ct));
    }

    [Theory]
    [InlineData("rem:delete-all", null)]
    [InlineData("rem:mute", "group-1")]
    public async Task A_forged_or_misplaced_press_is_a_notice_and_changes_nothing(string payload, string? group)
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");

        var reply = await bot.PressAsync("1", payload, group);

        Assert.StartsWith("(notice) 这个按钮无法识别", reply, StringComparison.Ordinal);
        Assert.Null(await bot.Stores.ReminderSettings.GetAsync(member.Id, Ct));
    }

    [Fact]
    public async Task Someone_not_registered_pressing_a_reminder_button_is_told_to_register()
    {
        await using var bot = await StudyBot.StartAsync();

        var reply = await bot.PressAsync("7", RemindCommand.LogPayload);

        Assert.Contains("你还没有注册", reply, StringComparison.Ordinal);
    }
}

/// <summary>A "cmd:" button (on a digest or a reminder) is its command typed, with the same checks.</summary>
public sealed class CommandButtonPressTests
{
    [Fact]
    public async Task A_command_button_runs_its_command()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("1");

        var reply = await bot.PressAsync("1", "cmd:study");

        Assert.Contains("请选择要做什么", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_button_pressed_in_the_middle_of_a_step_shows_that_step_again()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("1");
        await bot.SayAsync("1", "/study", "new");

        var reply = await bot.PressAsync("1", "cmd:remind");

        Assert.Contains("请先完成当前步骤", reply, StringComparison.Ordinal);
        Assert.Contains("学习是哪一天", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_command_button_is_an_unknown_command_and_a_personal_one_in_a_group_is_answered_privately()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("1");

        var unknown = await bot.PressAsync("1", "cmd:dropall");
        var inGroup = await bot.PressAsync("1", "cmd:remind", groupChat: "group-1");

        Assert.Contains("/dropall", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("提醒设置", inGroup, StringComparison.Ordinal);
        Assert.Contains(bot.Sent, m => m.ChatId == "1" && m.Text.Contains("提醒设置", StringComparison.Ordinal));
    }
}
