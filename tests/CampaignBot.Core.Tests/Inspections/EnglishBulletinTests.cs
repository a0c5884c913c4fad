using CampaignBot.Core.Features.Inspections;

namespace CampaignBot.Core.Tests.Inspections;

/// <summary>An English-speaking office member reads an inspection's draw and its bulletin in English.</summary>
public sealed class EnglishBulletinTests
{
    [Fact]
    public async Task An_english_office_member_previewing_an_inspection_bulletin_reads_it_in_english()
    {
        var rig = new InspectionRig(languageCode: "en");
        var drawn = await rig.Chat.SayAsync("/inspect draw");
        var inspection = (await rig.Inspections.ListAsync(CancellationToken.None)).Single();

        var bulletin = await rig.Chat.SayAsync($"/inspect bulletin {inspection.Id}");

        Assert.Contains("(kinds: all units;", drawn, StringComparison.Ordinal);
        Assert.StartsWith($"[Random inspection bulletin] {inspection.Id} (drawn 2027-02-10, among: all units)", bulletin, StringComparison.Ordinal);
        Assert.Contains($"Drawn by 王调研; 6 candidate units, 0 inspected in the last 8 weeks left out; random seed {inspection.Seed} (/inspect verify {inspection.Id} re-checks it)", bulletin, StringComparison.Ordinal);
        Assert.Contains(": not inspected yet", bulletin, StringComparison.Ordinal);
        Assert.DoesNotContain("尚未调研", bulletin, StringComparison.Ordinal);
        Assert.DoesNotContain("全部单位", drawn + bulletin, StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_inspection_bulletin_for_the_groups_stays_in_chinese()
    {
        var rig = new InspectionRig();
        var inspection = new Inspection
        {
            Id = "I000001",
            Count = 1,
            Seed = "seed",
            Candidates = ["county_east", "county_west"],
            Units = ["county_east"],
            DrawnAt = new DateTimeOffset(2027, 2, 10, 2, 0, 0, TimeSpan.Zero),
            DrawnBy = "office1",
            DrawnByName = "王调研",
        };

        var text = InspectionBulletin.PublicText(new InspectionReport(inspection, [], []), rig.Campaign, TimeZoneInfo.Utc);

        Assert.Equal("【随机抽查通报】I000001（2027-02-10 抽取，范围：全部单位）\n按“不打招呼、随机选点”的要求，从 2 个单位中随机抽取 1 个（随机种子 seed）。\n1. 东县：尚未调研", text);
    }
}
