using System.Text;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Opinions;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Features.Study;

namespace CampaignBot.Dashboard.Tests;

/// <summary>
/// The shipped campaign with 城关镇东关村 (village_dongguan, under the secretary's town) renamed to the name of
/// 新华街道幸福社区 (community_xingfu, in another district), and one record of every unit-named kind in each.
/// </summary>
public sealed class SharedUnitNameFixture : IAsyncLifetime
{
    public const string Ours = "东关村的记录";
    public const string Theirs = "幸福社区的记录";

    private readonly string campaignFile = Path.Combine(Path.GetTempPath(), $"campaignbot-shared-name-{Guid.NewGuid():N}.yaml");

    public DashboardSite Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(DashboardSite.RepoRoot, "config", "campaign.yaml"));
        var renamed = shipped.Replace("name: 城关镇东关村\n", "name: 新华街道幸福社区\n", StringComparison.Ordinal);
        Assert.NotEqual(shipped, renamed);
        await File.WriteAllTextAsync(campaignFile, renamed);
        Site = await DashboardSite.StartAsync(new() { ["Campaign:File"] = campaignFile, ["Dashboard:LinksPerWindow"] = "100" });
        await AddEveryKindAsync("village_dongguan", "dupv", Ours);
        await AddEveryKindAsync("community_xingfu", "dupc", Theirs);
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        File.Delete(campaignFile);
    }

    private async Task AddEveryKindAsync(string unit, string user, string mark)
    {
        var (stores, now, ct) = (Site.Stores, Site.Time.GetUtcNow(), CancellationToken.None);
        var member = DashboardSeed.Person(user, $"{user}成员", unit, Roles.Member, "section");
        await stores.Members.UpsertAsync(member, ct);
        await stores.Examinations.SaveAsync(
            new SelfExamination
            {
                MemberId = member.Id,
                MemberName = member.Name,
                UnitId = unit,
                ChecklistCode = "leadership",
                Status = ExaminationStatus.Submitted,
                Submissions = 1,
                SubmittedAt = now,
                UpdatedAt = now,
                Answers = new Dictionary<string, ExaminationAnswer> { ["wind_formalism"] = new("partly", mark) },
            },
            ct);
        await stores.Pledges.SaveAsync(
            new Pledge { MemberId = member.Id, MemberName = member.Name, UnitId = unit, Area = "mass_discipline", Text = mark, Status = PledgeStatus.Published, PublishedAt = now, UpdatedAt = now },
            ct);
        foreach (var kind in new[] { ActivityKind.Study, ActivityKind.Research, ActivityKind.Visit })
        {
            await stores.ActivityLog.AddAsync(
                new ActivityEntry
                {
                    Id = $"{user}-{kind}",
                    Kind = kind,
                    MemberId = member.Id,
                    UnitId = unit,
                    Date = DateOnly.FromDateTime(now.UtcDateTime),
                    HalfDays = kind == ActivityKind.Visit ? 0 : 2,
                    Note = mark,
                    RecordedBy = member.Id,
                    RecordedAt = now,
                },
                ct);
        }

        await stores.Opinions.AddAsync(
            new Opinion { Id = $"OP{user.ToUpperInvariant()}", UnitId = unit, Source = OpinionSource.Meeting, Category = "formalism", Text = mark, GivenOn = DateOnly.FromDateTime(now.UtcDateTime) },
            null,
            ct);
        await stores.Ledger.SaveAsync(Site.LedgerItem($"L{user.ToUpperInvariant()}", unit, mark), ct);
    }
}

/// <summary>Two units with the same name: each one's rows go to its own viewers, by the unit's id.</summary>
public sealed class SharedUnitNameDownloadsTests(SharedUnitNameFixture fixture) : IClassFixture<SharedUnitNameFixture>
{
    [Theory]
    [InlineData("examinations")]
    [InlineData("pledges")]
    [InlineData("study")]
    [InlineData("research")]
    [InlineData("visits")]
    [InlineData("opinions")]
    [InlineData("ledger")]
    public async Task A_secretary_and_a_supervisor_download_the_rows_of_their_unit_whose_name_another_unit_shares_and_only_theirs(string kind)
    {
        foreach (var viewer in new[] { fixture.Site.Seed.Secretary, fixture.Site.Seed.Supervisor })
        {
            var csv = Encoding.UTF8.GetString(await (await fixture.Site.SignInAsync(viewer)).GetByteArrayAsync($"/downloads/{kind}.csv"));

            Assert.Contains(SharedUnitNameFixture.Ours, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(SharedUnitNameFixture.Theirs, csv, StringComparison.Ordinal);
        }

        var office = Encoding.UTF8.GetString(await (await fixture.Site.SignInAsync(fixture.Site.Seed.Office)).GetByteArrayAsync($"/downloads/{kind}.csv"));
        Assert.Contains(SharedUnitNameFixture.Theirs, office, StringComparison.Ordinal);
    }
}
