using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Member_round_trips_with_a_chinese_name()
    {
        var stores = await OpenFreshAsync();
        var member = Member("2002", name: "王五");

        await stores.Members.UpsertAsync(member, Ct);

        Assert.Equal(member, await stores.Members.GetAsync("telegram:2002", Ct));
        Assert.Null(await stores.Members.GetAsync("telegram:9999", Ct));
    }

    [Fact]
    public async Task Member_upsert_replaces_by_id()
    {
        var stores = await OpenFreshAsync();
        await stores.Members.UpsertAsync(Member("1") with { LanguageCode = "en" }, Ct);
        var moved = Member("1", unitId: "unit-2") with { Rank = "county", LanguageCode = null };

        await stores.Members.UpsertAsync(moved, Ct);

        Assert.Equal(moved, await stores.Members.GetAsync(moved.Id, Ct));
        Assert.Single(await stores.Members.ListAsync(null, Ct));
    }

    [Fact]
    public async Task Members_are_listed_by_id_for_one_unit_or_for_all()
    {
        var stores = await OpenFreshAsync();
        await stores.Members.UpsertAsync(Member("3", unitId: "unit-a"), Ct);
        await stores.Members.UpsertAsync(Member("1", unitId: "unit-a"), Ct);
        await stores.Members.UpsertAsync(Member("2", unitId: "unit-b"), Ct);

        var unitA = await stores.Members.ListAsync("unit-a", Ct);
        var all = await stores.Members.ListAsync(null, Ct);

        Assert.Equal(["telegram:1", "telegram:3"], unitA.Select(m => m.Id));
        Assert.Equal(["telegram:1", "telegram:2", "telegram:3"], all.Select(m => m.Id));
        Assert.Empty(await stores.Members.ListAsync("unit-none", Ct));
    }

    [Fact]
    public async Task Member_store_refuses_a_missing_member_with_a_clear_error()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => stores.Members.UpsertAsync(null!, Ct));
    }
}
