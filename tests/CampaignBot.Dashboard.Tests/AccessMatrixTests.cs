using System.Net;
using System.Text;
using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Core.Features.Registration;

namespace CampaignBot.Dashboard.Tests;

/// <summary>Each role against each page and each download: who gets it, who is refused, and what the files hold.</summary>
public sealed class AccessMatrixTests : SiteTests
{
    private static readonly Dictionary<string, string[]> Visible = new(StringComparer.Ordinal)
    {
        ["office"] = DashboardSeed.Units,
        ["supervisor"] = ["county_east", "town_chengguan", "village_dongguan", "firm_east_tech", "university"],
        ["secretary"] = ["town_chengguan", "village_dongguan"],
        ["english"] = ["district_west", "street_xinhua", "community_xingfu"],
    };

    private static readonly string[] Kinds = ["examinations", "pledges", "evaluations", "study", "research", "visits", "members", "units", "invites", "sessions"];

    [Fact]
    public async Task Each_role_sees_exactly_its_units_pages()
    {
        foreach (var (role, units) in Visible)
        {
            var client = await Site.SignInAsync(Site.Seed.Viewers[role]);
            foreach (var unit in DashboardSeed.Units)
            {
                var response = await client.GetAsync($"/units/{unit}");
                var expected = units.Contains(unit) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                Assert.True(expected == response.StatusCode, $"{role} on /units/{unit}: {response.StatusCode}, expected {expected}");
                if (expected == HttpStatusCode.Forbidden)
                {
                    Assert.DoesNotContain("成员1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }
            }

            foreach (var path in new[] { "/", "/evaluations", "/downloads" })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task The_overview_and_evaluations_list_only_the_viewers_units()
    {
        foreach (var (role, units) in Visible)
        {
            var client = await Site.SignInAsync(Site.Seed.Viewers[role]);
            var overview = await client.GetStringAsync("/");
            var evaluations = await client.GetStringAsync("/evaluations");
            foreach (var unit in DashboardSeed.Units)
            {
                Assert.True(units.Contains(unit) == overview.Contains($"data-unit=\"{unit}\"", StringComparison.Ordinal), $"{role} overview and {unit}");
            }

            Assert.True(units.Contains("town_chengguan") == evaluations.Contains("/units/town_chengguan", StringComparison.Ordinal), $"{role} evaluations");
        }
    }

    [Fact]
    public async Task Each_role_downloads_only_its_units_rows()
    {
        foreach (var (role, units) in Visible)
        {
            var client = await Site.SignInAsync(Site.Seed.Viewers[role]);
            foreach (var kind in Kinds)
            {
                var response = await client.GetAsync($"/downloads/{kind}.csv");
                var officeOnly = kind is "invites" or "sessions";
                if (officeOnly && role != "office")
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} got {kind}: {response.StatusCode}");
                    continue;
                }

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} on {kind}: {response.StatusCode}");
                var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
                foreach (var unit in DashboardSeed.Units.Where(u => !units.Contains(u)))
                {
                    // Seeded members are named after their unit ("chengguan成员1"); evaluations and units rows carry the unit id.
                    var label = unit.Split('_')[^1] + "成员";
                    Assert.False(csv.Contains(label, StringComparison.Ordinal), $"{role}'s {kind} holds {label}");
                    if (kind is "evaluations" or "units")
                    {
                        Assert.False(csv.Split('\n').Any(line => line.StartsWith(unit + ",", StringComparison.Ordinal)), $"{role}'s {kind} holds {unit}");
                    }
                }

                foreach (var unit in units.Where(u => kind is "members"))
                {
                    Assert.Contains(unit.Split('_')[^1] + "成员1", csv, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task The_downloads_page_offers_the_office_everything_and_others_their_tables()
    {
        var office = await (await Site.SignInAsync(Site.Seed.Office)).GetStringAsync("/downloads");
        var secretary = await (await Site.SignInAsync(Site.Seed.Secretary)).GetStringAsync("/downloads");

        foreach (var kind in Kinds)
        {
            Assert.Contains($"/downloads/{kind}.xlsx", office, StringComparison.Ordinal);
            Assert.Contains($"/downloads/{kind}.csv", office, StringComparison.Ordinal);
            Assert.Equal(kind is not ("invites" or "sessions"), secretary.Contains($"/downloads/{kind}.xlsx", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Without_a_session_no_page_or_file_is_served()
    {
        var client = Site.NewClient();
        foreach (var path in new[] { "/units/city", "/evaluations", "/downloads" }.Concat(Kinds.Select(k => $"/downloads/{k}.xlsx")))
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {response.StatusCode}");
            Assert.DoesNotContain("成员", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_member_with_a_session_somehow_made_is_still_refused_everywhere()
    {
        // The role is checked on every request, not only when signing in.
        var token = DashboardSignIn.NewToken();
        var now = Site.Time.GetUtcNow();
        await Site.Stores.Dashboard.AddSessionAsync(new DashboardSession(DashboardSignIn.Hash(token), Site.Seed.Member.Id, now, now), CancellationToken.None);
        var client = Site.NewClient();
        client.DefaultRequestHeaders.Add("Cookie", $"cb_session={token}");

        Assert.DoesNotContain("data-unit", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/units/town_chengguan")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/downloads/members.csv")).StatusCode);
        Assert.NotNull((await Site.Stores.Dashboard.GetSessionAsync(DashboardSignIn.Hash(token), CancellationToken.None))!.RevokedAt);
    }

    [Fact]
    public async Task Unknown_units_and_files_get_a_plain_not_found()
    {
        var client = await Site.SignInAsync(Site.Seed.Office);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/units/nowhere")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/downloads/ballots.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/downloads/members.exe")).StatusCode);
    }

    [Fact]
    public async Task An_english_speaking_secretary_reads_the_pages_in_english()
    {
        var client = await Site.SignInAsync(Site.Seed.EnglishSecretary);

        var overview = await client.GetStringAsync("/");
        Assert.Contains("Units that need attention", overview, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", overview, StringComparison.Ordinal);
        Assert.Contains("Still owes", await client.GetStringAsync("/units/district_west"), StringComparison.Ordinal);
        Assert.Contains("需要关注的单位", await (await Site.SignInAsync(Site.Seed.Office)).GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(Roles.Secretary, Site.Seed.EnglishSecretary.Role);
    }
}
