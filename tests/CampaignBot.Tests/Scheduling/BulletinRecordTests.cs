using System.Globalization;
using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Scheduling;

/// <summary>
/// A month's bulletin looked at again, over the host on a fake clock: a published month reads as it was published, a
/// month not published says when its figures were counted, and a month that has not begun has no bulletin.
/// </summary>
public sealed class BulletinRecordTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly ChatRef Office = EvaluationBot.Private("office1");
    private EvaluationBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await EvaluationBot.StartAsync();
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
        await _bot.CommandAsync(EvaluationBot.Group, "sec1", "link");
        foreach (var seeder in _bot.Services.GetServices<IHostedService>().OfType<LedgerJobSeeder>())
        {
            await seeder.StartAsync(Ct);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_published_month_previewed_later_shows_what_was_published_not_todays_figures()
    {
        await SayAsync("sec1", "ledger", "add 成员lead1 2027-03-10 会议过多 | 精简会议");
        await _bot.AdvanceAsync(TimeSpan.FromDays(31));
        var published = await _bot.CommandAsync(Office, "office1", "bulletin", "2027-03 publish");
        var post = EvaluationBot.Texts(published.Where(m => m.Chat.Key == EvaluationBot.Group.Key));
        Assert.Contains("整改 0/1（逾期 1）", post, StringComparison.Ordinal);

        // The item is finished after the bulletin went out: March's bulletin stays as published, April's counts it.
        var item = Assert.Single(await _bot.Stores.Ledger.ListAsync("county_east", Ct));
        await _bot.Stores.Ledger.SaveAsync(item with { Status = LedgerStatus.Done }, Ct);
        await _bot.AdvanceAsync(TimeSpan.FromDays(2));
        var march = await SayAsync("office1", "bulletin", "2027-03");
        var april = await SayAsync("office1", "bulletin", "2027-04");

        Assert.Contains("2027-03 月通报已于 ", march, StringComparison.Ordinal);
        Assert.Contains("以下是发布时的内容", march, StringComparison.Ordinal);
        Assert.Contains("整改 0/1（逾期 1）", march, StringComparison.Ordinal);
        Assert.Contains(Line(post, "数据截至"), march, StringComparison.Ordinal);
        Assert.Contains("整改 1/1（逾期 0）", april, StringComparison.Ordinal);
        Assert.Contains("草稿", april, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unpublished_month_says_when_its_figures_were_counted_in_the_readers_language()
    {
        await _bot.AdvanceAsync(TimeSpan.FromDays(31));
        var now = _bot.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        var preview = await SayAsync("office1", "bulletin", "2027-03");
        _bot.LanguageOf["office1"] = "en";
        var english = await SayAsync("office1", "bulletin", "2027-03");

        Assert.Contains($"（数据截至 {now}）", preview, StringComparison.Ordinal);
        Assert.Contains($"(Figures as of {now})", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_that_has_not_begun_has_no_bulletin_and_a_publish_of_it_records_nothing()
    {
        var preview = await SayAsync("office1", "bulletin", "2027-05");
        var publish = await _bot.CommandAsync(Office, "office1", "bulletin", "2027-05 publish");

        Assert.Contains("2027-05 还没有开始", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("月通报】", preview, StringComparison.Ordinal);
        Assert.Contains("2027-05 还没有开始", EvaluationBot.Texts(publish), StringComparison.Ordinal);
        Assert.DoesNotContain(publish, m => m.Chat.Kind == ChatKind.Group);
        Assert.Null(await _bot.Stores.Bulletins.GetPublishedAsync("2027-05", Ct));
    }

    private async Task<string> SayAsync(string user, string command, string arguments = "") =>
        EvaluationBot.Texts(await _bot.CommandAsync(EvaluationBot.Private(user), user, command, arguments));

    private static string Line(string text, string marker) => text.Split('\n').Single(l => l.Contains(marker, StringComparison.Ordinal));
}
