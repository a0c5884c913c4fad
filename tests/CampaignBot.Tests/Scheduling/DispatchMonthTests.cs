using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Scheduling;

/// <summary>
/// The month a dispatch answer is filed under, over the host on a fake clock: the month the ask named (its button), a
/// month typed after /dispatch, or this one; late answers and re-answers of a month.
/// </summary>
public sealed class DispatchMonthTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly ChatRef Sec1 = EvaluationBot.Private("sec1");
    private EvaluationBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await EvaluationBot.StartAsync();
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        foreach (var seeder in _bot.Services.GetServices<IHostedService>().OfType<MonthlyJobSeeder>())
        {
            await seeder.StartAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task An_answer_on_the_2nd_of_the_next_month_by_the_asks_button_is_filed_under_the_asked_month()
    {
        var asked = await AdvanceToAsync(Local(3, 25, 12));
        var ask = Assert.Single(asked, m => m.Chat.Id == "sec1" && m.Id.StartsWith("dispatch-ask:2027-03:", StringComparison.Ordinal));
        var button = Assert.Single(((TextMessage)ask.ReadBody()).Buttons!.SelectMany(r => r));
        await AdvanceToAsync(Local(4, 2, 9));

        Assert.Contains("2027-03", Say(await _bot.PressAsync(Sec1, "sec1", button.Payload)), StringComparison.Ordinal);
        await FillFormAsync("2");

        Assert.Equal(2, (await DispatchAsync("2027-03"))?.PracticalThings);
        Assert.Null(await DispatchAsync("2027-04"));
    }

    [Fact]
    public async Task Answering_a_month_again_replaces_the_first_answer()
    {
        await AdvanceToAsync(Local(4, 2, 9));
        await _bot.CommandAsync(Sec1, "sec1", "dispatch", "2027-03 2 | 修复村道；安装路灯 | 是 | 无");
        var again = Say(await _bot.CommandAsync(Sec1, "sec1", "dispatch", "2027-03 5 | 修复村道 | 否 | 补报"));

        Assert.Contains("2027-03", again, StringComparison.Ordinal);
        var list = await _bot.Stores.Bulletins.ListDispatchesAsync("2027-03", CancellationToken.None);
        Assert.Equal((5, "补报"), (Assert.Single(list).PracticalThings, list[0].Note));
    }

    [Fact]
    public async Task A_malformed_month_a_future_month_and_one_before_the_campaign_are_refused_and_nothing_is_saved()
    {
        await AdvanceToAsync(Local(4, 10, 9));

        Assert.Contains("yyyy-MM", Say(await _bot.CommandAsync(Sec1, "sec1", "dispatch", "2027-13")), StringComparison.Ordinal);
        Assert.Contains("yyyy-MM", Say(await _bot.CommandAsync(Sec1, "sec1", "dispatch", "2027-4 2 | 修路 | 是 | 无")), StringComparison.Ordinal);
        Assert.Contains("不能报送 2027-05", Say(await _bot.CommandAsync(Sec1, "sec1", "dispatch", "2027-05")), StringComparison.Ordinal);
        Assert.Contains("不能报送 2026-12", Say(await _bot.CommandAsync(Sec1, "sec1", "dispatch", "2026-12 1 | 修路 | 是 | 无")), StringComparison.Ordinal);
        Assert.Contains("不能报送 2027-06", Say(await _bot.PressAsync(Sec1, "sec1", DispatchCommand.Payload("2027-06"))), StringComparison.Ordinal);

        foreach (var month in new[] { "2026-12", "2027-04", "2027-05", "2027-06" })
        {
            Assert.Empty(await _bot.Stores.Bulletins.ListDispatchesAsync(month, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_plain_dispatch_is_this_months_and_a_month_first_files_last_months_late_answer()
    {
        await AdvanceToAsync(Local(4, 3, 9));

        Assert.Contains("2027-04 月调度", Say(await _bot.CommandAsync(Sec1, "sec1", "dispatch", "4 | 修路 | 是 | 无")), StringComparison.Ordinal);
        Assert.Contains("2027-03 月调度", Say(await _bot.CommandAsync(Sec1, "sec1", "dispatch", "2027-03 3 | 修路 | 是 | 无")), StringComparison.Ordinal);
        Assert.Contains("2027-04", Say(await _bot.CommandAsync(Sec1, "sec1", "dispatch")), StringComparison.Ordinal);
        await FillFormAsync("1");

        Assert.Equal((3, 1), ((await DispatchAsync("2027-03"))?.PracticalThings, (await DispatchAsync("2027-04"))?.PracticalThings));
    }

    [Fact]
    public async Task The_ask_names_its_month_in_both_languages_and_a_forged_month_button_is_refused()
    {
        var asked = await AdvanceToAsync(Local(3, 25, 12));
        var ask = (TextMessage)Assert.Single(asked, m => m.Chat.Id == "sec1" && m.Id.StartsWith("dispatch-ask:2027-03:", StringComparison.Ordinal)).ReadBody();

        Assert.Contains("/dispatch 2027-03", ask.Text, StringComparison.Ordinal);
        Assert.Equal(DispatchCommand.Payload("2027-03"), Assert.Single(ask.Buttons!.SelectMany(r => r)).Payload);
        Assert.DoesNotContain("2027", Say(await _bot.PressAsync(Sec1, "sec1", DispatchCommand.PayloadPrefix + ":2027-3x")), StringComparison.Ordinal);
        Assert.Empty(await _bot.Stores.Bulletins.ListDispatchesAsync("2027-03", CancellationToken.None));
    }

    private async Task FillFormAsync(string count)
    {
        await TypeAsync(count);
        await TypeAsync("修复村道");
        await TypeAsync("是");
        Assert.Contains("月调度", await TypeAsync("跳过"), StringComparison.Ordinal);
    }

    private Task<DispatchReport?> DispatchAsync(string month) => _bot.Stores.Bulletins.GetDispatchAsync("county_east", month, CancellationToken.None);

    private async Task<string> TypeAsync(string text) => Say(await _bot.SendAsync(Sec1, "sec1", new TextInput(text)));

    private static DateTimeOffset Local(int month, int day, int hour) => new(2027, month, day, hour, 0, 0, Beijing);

    private async Task<IReadOnlyList<OutboxMessage>> AdvanceToAsync(DateTimeOffset when) => await _bot.AdvanceAsync(when - _bot.Time.GetUtcNow());

    private static string Say(IEnumerable<OutboxMessage> messages) => EvaluationBot.Texts(messages);
}
