using CampaignBot.Core.Features.Ledger;
using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Opinions;

/// <summary>
/// A past month's bulletin counts the ledger as it stood at that month's end: an item confirmed in April stays overdue in
/// March's bulletin, and an item that fell overdue on 1 April is not overdue in March.
/// </summary>
public sealed class LedgerAtMonthEndTests : IAsyncLifetime
{
    private EvaluationBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await EvaluationBot.StartAsync();
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
        foreach (var seeder in _bot.Services.GetServices<IHostedService>().Where(s => s is LedgerJobSeeder))
        {
            await seeder.StartAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task March_previewed_in_April_shows_the_items_as_they_stood_on_31_March_and_April_shows_them_now()
    {
        var ledger = _bot.Services.GetRequiredService<LedgerService>();
        var secretary = (await _bot.Stores.Members.GetAsync("console:sec1", CancellationToken.None))!;
        var early = await AddAsync(ledger, secretary, "窗口办事推诿", "2027-03-10");
        var late = await AddAsync(ledger, secretary, "村务公开不及时", "2027-03-31");

        // Day by day to 2 April (Beijing): the first falls overdue on 11 March, the second on 1 April.
        for (var day = 0; day < 32; day++)
        {
            await _bot.AdvanceAsync(TimeSpan.FromDays(1));
        }

        Assert.Equal(LedgerStatus.Overdue, (await _bot.Stores.Ledger.GetAsync(late, CancellationToken.None))?.Status);
        await _bot.CommandAsync(EvaluationBot.Private("lead1"), "lead1", "ledger", $"done {early} 已公示办事流程（整改报告.pdf）");
        Assert.Contains("已确认完成", Texts(await _bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "ledger", $"confirm {early}")), StringComparison.Ordinal);

        var march = Texts(await _bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "bulletin", "2027-03 preview"));
        var april = Texts(await _bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "bulletin", "2027-04 preview"));

        Assert.Contains("【2027-03 月通报】", march, StringComparison.Ordinal);
        Assert.Contains("整改 0/2（逾期 1）", march, StringComparison.Ordinal);
        Assert.Contains($"{early}「窗口办事推诿」", march, StringComparison.Ordinal);
        Assert.DoesNotContain(late, march, StringComparison.Ordinal);
        Assert.Contains("整改 1/2（逾期 1）", april, StringComparison.Ordinal);
        Assert.Contains($"{late}「村务公开不及时」", april, StringComparison.Ordinal);
        Assert.DoesNotContain($"{early}「", april, StringComparison.Ordinal);
    }

    private static async Task<string> AddAsync(LedgerService ledger, Member secretary, string problem, string deadline)
    {
        var request = new LedgerRequest("county_east", problem, "bureaucratism", ProblemSource.Supervisor, [], "公开办事流程，限时办结", "console:lead1", deadline);
        var (item, refusal) = await ledger.CreateAsync(request, secretary, problem, new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero), CancellationToken.None);
        Assert.True(item is not null, refusal?.Chinese);
        return item!.Id;
    }

    private static string Texts(IEnumerable<OutboxMessage> messages) => EvaluationBot.Texts(messages);
}
