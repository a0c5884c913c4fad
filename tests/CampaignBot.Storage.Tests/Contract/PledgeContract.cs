using CampaignBot.Core.Features.Pledges;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_pledge_is_one_per_member_and_area_and_saving_again_replaces_it()
    {
        var stores = await OpenFreshAsync();
        await stores.Pledges.SaveAsync(NewPledge("m1", "u1", "integrity"), Ct);
        var published = NewPledge("m1", "u1", "integrity") with { Text = "不收受任何礼品礼金，主动接受监督。", Status = PledgeStatus.Published, PublishedAt = T0.AddHours(1) };

        await stores.Pledges.SaveAsync(published, Ct);
        await stores.Pledges.SaveAsync(NewPledge("m1", "u1", "plain_living"), Ct);
        await stores.Pledges.SaveAsync(NewPledge("m2", "u2", "integrity"), Ct);

        var mine = await stores.Pledges.ListByMemberAsync("m1", Ct);
        Assert.Equal(["integrity", "plain_living"], mine.Select(p => p.Area));
        Assert.Equal(published, mine[0]);
        Assert.Equal(["m1", "m1"], (await stores.Pledges.ListAsync("u1", Ct)).Select(p => p.MemberId));
        Assert.Equal(3, (await stores.Pledges.ListAsync(null, Ct)).Count);
    }

    [Fact]
    public async Task A_check_in_is_one_per_pledge_and_month()
    {
        var stores = await OpenFreshAsync();
        await stores.Pledges.RecordCheckInAsync(new PledgeCheckIn("m1", "u1", "integrity", "2027-02", PledgeOutcomes.Partly, null, T0), Ct);
        var later = new PledgeCheckIn("m1", "u1", "integrity", "2027-02", PledgeOutcomes.Kept, "已退回礼品", T0.AddDays(2));

        await stores.Pledges.RecordCheckInAsync(later, Ct);
        await stores.Pledges.RecordCheckInAsync(new PledgeCheckIn("m1", "u1", "integrity", "2027-03", PledgeOutcomes.NotYet, null, T0.AddDays(30)), Ct);

        var all = await stores.Pledges.ListCheckInsAsync("u1", Ct);
        Assert.Equal(["2027-02", "2027-03"], all.Select(c => c.Period));
        Assert.Equal(later, all[0]);
        Assert.Empty(await stores.Pledges.ListCheckInsAsync("u2", Ct));
    }

    private static Pledge NewPledge(string member, string unit, string area) => new()
    {
        MemberId = member,
        MemberName = "张三",
        UnitId = unit,
        Area = area,
        Text = "严守政治纪律，做到令行禁止。",
        UpdatedAt = T0,
    };
}
