namespace CampaignBot.Tests.Robustness;

/// <summary>
/// The settings the configuration property found: a digest day given as a number that names no day started the host
/// (the digest would never go out), and a reminder hour of 24 threw from the quiet-hours check instead of being named.
/// </summary>
public sealed class WrongSettingTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Theory]
    [InlineData("8")]
    [InlineData("-1")]
    public async Task A_digest_day_that_names_no_day_stops_the_host_with_exit_code_2_naming_it(string value)
    {
        var (exit, error) = await RunAsync("Reminders:DigestDay", value);

        Assert.Equal(2, exit);
        Assert.Contains("Reminders:DigestDay must be a day of the week", error, StringComparison.Ordinal);
        Assert.StartsWith("配置无效（ReminderOptions）", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("24")]
    [InlineData("-1")]
    public async Task A_reminder_hour_outside_the_day_stops_the_host_with_exit_code_2_naming_it(string value)
    {
        var (exit, error) = await RunAsync("Reminders:Hour", value);

        Assert.Equal(2, exit);
        Assert.Contains("Hour", error, StringComparison.Ordinal);
        Assert.StartsWith("配置无效（ReminderOptions）", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Error)> RunAsync(string key, string value)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var error = new StringWriter();
        var exit = await CampaignBotCli.RunAsync(
            ["--Campaign:File", Configuration.CampaignFiles.ShippedPath, "--Storage:SqlitePath", _bot.DatabasePath, "--Console:Enabled", "false", $"--{key}={value}"],
            new StringWriter(),
            error,
            giveUp.Token);
        Assert.False(giveUp.IsCancellationRequested, $"The host started with {key}={value}");
        return (exit, error.ToString().Trim());
    }

    public void Dispose() => _bot.Dispose();
}
