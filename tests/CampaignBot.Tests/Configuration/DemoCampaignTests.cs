using CampaignBot.Configuration;
using CampaignBot.Core.Features.Study;
using Microsoft.Extensions.Configuration;

namespace CampaignBot.Tests.Configuration;

public sealed class DemoCampaignTests : IDisposable
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-demo-tests", Guid.NewGuid().ToString("N"));

    private static string Template => Path.Combine(CampaignFiles.RepoRoot, DemoCampaign.TemplatePath);

    private string Stored => Path.Combine(_folder, "campaign.demo.yaml");

    [Theory]
    [InlineData(2026, 12, 1)]
    [InlineData(2031, 2, 28)]
    public void The_demo_campaign_is_under_way_on_the_day_it_is_first_started(int year, int month, int day)
    {
        var today = new DateOnly(year, month, day);

        var campaign = CampaignLoader.Load(DemoCampaign.Prepare(Template, Stored, new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), Beijing)));

        var calendar = new CampaignCalendar(campaign);
        Assert.InRange(today, campaign.Start, campaign.End);
        Assert.All(campaign.Units, unit => Assert.InRange(today, calendar.UnitStart(unit.Id), calendar.PhaseEnd(unit.Id, campaign.Phases[0].Code)));
    }

    [Fact]
    public void The_stored_demo_keeps_its_dates_on_a_later_start()
    {
        var first = DemoCampaign.Prepare(Template, Stored, new DateTimeOffset(2026, 12, 1, 9, 0, 0, Beijing));
        var text = File.ReadAllText(first);

        var again = DemoCampaign.Prepare(Template, Stored, new DateTimeOffset(2027, 2, 10, 9, 0, 0, Beijing));

        Assert.Equal(text, File.ReadAllText(again));
        Assert.Equal(new DateOnly(2026, 11, 6), CampaignLoader.Load(again).Start);
    }

    [Fact]
    public void Dates_in_comments_stay_and_the_real_campaign_keeps_its_fixed_dates()
    {
        var stored = File.ReadAllText(DemoCampaign.Prepare(Template, Stored, new DateTimeOffset(2026, 12, 1, 9, 0, 0, Beijing)));

        Assert.Contains("日期一律写成 2027-01-01 的格式", stored, StringComparison.Ordinal);
        Assert.Contains("所有日期平移", stored, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 1, 1), CampaignFiles.LoadShipped().Start);
    }

    [Fact]
    public void The_demo_is_used_when_no_campaign_file_is_set_and_campaign_file_switches_to_another()
    {
        var none = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Campaign:DemoFile"] = Stored }).Build();
        var real = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Campaign:File"] = "config/campaign.yaml" }).Build();

        Assert.Equal(Stored, CampaignHostingExtensions.ResolveFile(none, CampaignFiles.RepoRoot));
        Assert.Equal(Path.Combine(CampaignFiles.RepoRoot, "config/campaign.yaml"), CampaignHostingExtensions.ResolveFile(real, CampaignFiles.RepoRoot));
        Assert.True(File.Exists(Stored));
    }

    [Fact]
    public async Task With_nothing_configured_a_member_logs_study_for_today()
    {
        using var bot = new BotUnderTest { UsesDemoCampaign = true };
        var stores = await bot.StoresAsync();
        var member = new Member { Id = Member.IdFor("console", "1"), Channel = "console", UserId = "1", Name = "王五", Rank = "county", UnitId = "county_east", Role = Roles.Member, RegisteredAt = DateTimeOffset.UtcNow };
        await stores.Members.UpsertAsync(member, CancellationToken.None);

        var transcript = await bot.ChatAsync("1", "/study", "new", "今天", "1", "self", "theory", "skip");

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        Assert.DoesNotContain("不在本次活动期间", transcript, StringComparison.Ordinal);
        var entry = Assert.Single(await stores.ActivityLog.ListAsync(null, member.Id, ActivityKind.Study, CancellationToken.None));
        Assert.Equal(today, entry.Date);
        Assert.True(File.Exists(bot.DemoCampaignPath));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
