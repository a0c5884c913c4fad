using System.Net;
using System.Text;
using CampaignBot.Core.Features.Ledger;

namespace CampaignBot.Dashboard.Tests;

/// <summary>The downloads a viewer is offered: each in their language, each holding their units only (told by each row's 单位ID).</summary>
public sealed class DownloadsTests : SiteTests
{
    [Fact]
    public async Task A_secretary_downloads_the_ledger_of_their_units_and_not_of_others()
    {
        await AddItemAsync("LOWN001", "town_chengguan", "城关镇窗口办事推诿");
        await AddItemAsync("LOWN002", "village_dongguan", "东关村账目公开不及时");
        await AddItemAsync("LOTHER1", "county_east", "东县会议过多");
        var secretary = await Site.SignInAsync(Site.Seed.Secretary);

        var response = await secretary.GetAsync("/downloads/ledger.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("LOWN001", csv, StringComparison.Ordinal);
        Assert.Contains("LOWN002", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("LOTHER1", csv, StringComparison.Ordinal);
        Assert.Contains("LOTHER1", Encoding.UTF8.GetString(await (await Site.SignInAsync(Site.Seed.Office)).GetByteArrayAsync("/downloads/ledger.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_speaking_secretary_reads_every_download_they_are_offered_in_english()
    {
        var client = await Site.SignInAsync(Site.Seed.EnglishSecretary);

        var page = await client.GetStringAsync("/downloads");

        var offered = CampaignBot.Cli.ExportCommand.All.Where(k => page.Contains($"/downloads/{k.Name}.csv", StringComparison.Ordinal)).ToList();
        Assert.Contains(offered, k => k.Name == "ledger");
        Assert.All(offered, k => Assert.DoesNotContain(k.Description, page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_secretary_whose_unit_is_no_longer_in_the_campaign_is_offered_no_download_and_told_why()
    {
        var stranded = DashboardSeed.Person("stranded", "撤并单位孙书记", "town_merged_away", CampaignBot.Core.Features.Registration.Roles.Secretary, "section");
        await Site.Stores.Members.UpsertAsync(stranded, CancellationToken.None);
        var client = await Site.SignInAsync(stranded);

        var page = await client.GetStringAsync("/downloads");

        Assert.DoesNotContain("/downloads/", page, StringComparison.Ordinal);
        Assert.Contains("你目前看不到任何单位", page, StringComparison.Ordinal);
        Assert.DoesNotContain("以下表格只包含你可以查看的单位", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/downloads/members.csv")).StatusCode);
    }

    private Task AddItemAsync(string id, string unitId, string problem) =>
        Site.Stores.Ledger.SaveAsync(Site.LedgerItem(id, unitId, problem), CancellationToken.None);
}
