using CampaignBot.Core.Features.Study;
using Microsoft.Extensions.Options;

namespace CampaignBot.Tests.Study;

public sealed class ReminderOptionsTests
{
    [Fact]
    public async Task Configured_reminder_days_replace_the_defaults()
    {
        using var files = new BotUnderTest();
        var settings = files.Settings;
        settings["Console:Enabled"] = "false";
        settings["Reminders:DaysBefore:0"] = "5";
        settings["Reminders:Hour"] = "10";
        using var host = await CampaignBotApp.BuildAsync([], settings);

        var options = host.Services.GetRequiredService<IOptions<ReminderOptions>>().Value;

        Assert.Equal([5], options.DaysBefore);
        Assert.Equal(10, options.Hour);
    }

    [Fact]
    public async Task A_reminder_hour_in_the_quiet_hours_stops_start_up_with_a_sentence_naming_the_setting()
    {
        using var files = new BotUnderTest();
        var settings = files.Settings;
        settings["Console:Enabled"] = "false";
        settings["Reminders:Hour"] = "23";
        using var host = await CampaignBotApp.BuildAsync([], settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ReminderOptions>>().Value);

        Assert.Contains("Reminders:Hour (23) falls in the quiet hours", error.Message, StringComparison.Ordinal);
    }
}
