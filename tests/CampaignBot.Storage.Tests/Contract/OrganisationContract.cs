using CampaignBot.Core.Features.Organisation;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Storage;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Stored_units_round_trip_and_are_replaced_by_id()
    {
        var stores = await OpenFreshAsync();
        var town = new StoredUnit { Id = "town_a", Name = "甲镇", Kind = "township", ParentId = "county_east", StartOffsetDays = 15, LinkedGroup = "甲镇群", WeComDepartmentId = "12", UpdatedAt = T0 };
        var village = new StoredUnit { Id = "village_a", Name = "甲村", Kind = "village", ParentId = "town_a", Start = new DateOnly(2027, 3, 1), UpdatedAt = T0 };

        await stores.Units.SaveAsync([town, village], Ct);
        await stores.Units.SaveAsync([town with { Name = "甲镇（新）", Active = false }], Ct);

        var stored = await stores.Units.ListAsync(Ct);
        Assert.Equal([town with { Name = "甲镇（新）", Active = false }, village], stored);
    }

    [Fact]
    public async Task Roster_entries_are_saved_many_at_once_and_listed_by_home_unit()
    {
        var stores = await OpenFreshAsync();
        var entries = Enumerable.Range(0, 1500).Select(i => new RosterEntry
        {
            Key = $"wecom:u{i:D4}",
            Name = $"成员{i}",
            UnitId = i % 3 == 0 ? "unit-a" : "unit-b",
            HostUnitId = i == 1 ? "unit-a" : null,
            Rank = "ordinary",
            Role = Roles.Member,
            WeComUserId = $"u{i:D4}",
            UpdatedAt = T0,
        }).ToList();

        await stores.Roster.SaveAsync(entries, Ct);
        await stores.Roster.SaveAsync([entries[0] with { Name = "改名" }], Ct);

        Assert.Equal(1500, (await stores.Roster.ListAsync(null, Ct)).Count);
        Assert.Equal(500, (await stores.Roster.ListAsync("unit-a", Ct)).Count);
        Assert.Equal("改名", (await stores.Roster.GetAsync("wecom:u0000", Ct))!.Name);
        Assert.Equal(entries[1], await stores.Roster.GetAsync("wecom:u0001", Ct));
        Assert.Null(await stores.Roster.GetAsync("wecom:nobody", Ct));
    }

    [Fact]
    public async Task A_personal_invite_keeps_the_name_and_rank_it_fixes()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("P-1", 1) with { Name = "李四", Rank = "county" }, Ct);
        await stores.Invites.CreateAsync(Invite("S-1", 5), Ct);

        var personal = (await stores.Invites.GetAsync("P-1", Ct))!;
        var shared = (await stores.Invites.GetAsync("S-1", Ct))!;

        Assert.Equal(("李四", "county"), (personal.Name, personal.Rank));
        Assert.Equal((null, null), (shared.Name, shared.Rank));
    }

    [Fact]
    public async Task A_revoked_personal_invite_keeps_its_name_and_rank_and_can_no_longer_be_redeemed()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("P-2", 1) with { Name = "王五", Rank = "section", MaxRank = "section" }, Ct);

        Assert.True(await stores.Invites.RevokeAsync("P-2", T0, Ct));
        var standing = (await stores.Invites.GetStandingAsync("P-2", "telegram:1", Ct))!;

        Assert.Equal(("王五", "section", "section", T0), (standing.Invite.Name, standing.Invite.Rank, standing.Invite.MaxRank, standing.Invite.RevokedAt));
        Assert.Equal((0, false), (standing.Uses, standing.RedeemedByMember));
        Assert.Equal(RedeemResult.Revoked, await stores.Invites.RedeemAsync("P-2", "telegram:1", T0.AddMinutes(1), Ct));
    }

    [Fact]
    public async Task A_unit_lists_its_own_members_and_the_mobile_members_it_hosts_and_the_city_counts_each_once()
    {
        var stores = await OpenFreshAsync();
        await stores.Members.UpsertAsync(Member("1", "home"), Ct);
        await stores.Members.UpsertAsync(Member("2", "home") with { HostUnitId = "host" }, Ct);
        await stores.Members.UpsertAsync(Member("3", "host"), Ct);

        Assert.Equal(["telegram:1", "telegram:2"], (await stores.Members.ListAsync("home", Ct)).Select(m => m.Id));
        Assert.Equal(["telegram:2", "telegram:3"], (await stores.Members.ListAsync("host", Ct)).Select(m => m.Id));
        Assert.Equal(3, (await stores.Members.ListAsync(null, Ct)).Count);
        Assert.Equal("host", (await stores.Members.GetAsync("telegram:2", Ct))!.PrimaryUnitId);
    }
}
