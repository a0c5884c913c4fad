using CampaignBot.Core.Features.Registration;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Invite_is_created_once_and_round_trips()
    {
        var stores = await OpenFreshAsync();
        var invite = Invite("DJ-2026", 5, T0.AddDays(30));

        Assert.True(await stores.Invites.CreateAsync(invite, Ct));
        Assert.False(await stores.Invites.CreateAsync(invite with { MaxUses = 99 }, Ct));

        var stored = (await stores.Invites.GetAsync("DJ-2026", Ct))!;
        Assert.Equal(5, stored.MaxUses);
        Assert.Equal("unit-1", stored.UnitId);
        Assert.Equal(Roles.Member, stored.Role);
        Assert.Equal(T0.AddDays(30), stored.ExpiresAt);
        Assert.Equal(T0, stored.CreatedAt);
        Assert.Empty(stored.RedeemedBy);
        Assert.Null(await stores.Invites.GetAsync("NOPE", Ct));
    }

    [Fact]
    public async Task An_invite_without_a_code_or_without_a_use_is_refused_and_nothing_is_stored()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => stores.Invites.CreateAsync(Invite(" ", 5), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stores.Invites.CreateAsync(Invite("DJ-0", 0), Ct));

        Assert.Empty(await stores.Invites.ListAsync(Ct));
    }

    [Fact]
    public async Task Redeeming_records_members_in_order_and_the_same_member_twice_counts_once()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("c", 3), Ct);

        Assert.Equal(RedeemResult.Redeemed, await stores.Invites.RedeemAsync("c", "telegram:2", T0, Ct));
        Assert.Equal(RedeemResult.Redeemed, await stores.Invites.RedeemAsync("c", "telegram:1", T0, Ct));
        Assert.Equal(RedeemResult.AlreadyRedeemedByThisMember, await stores.Invites.RedeemAsync("c", "telegram:2", T0, Ct));

        var stored = (await stores.Invites.GetAsync("c", Ct))!;
        Assert.Equal(["telegram:2", "telegram:1"], stored.RedeemedBy);
        Assert.Equal(2, stored.Uses);
    }

    [Fact]
    public async Task An_invites_standing_counts_its_places_and_knows_whether_the_member_holds_one()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("c", 2, T0.AddDays(3)), Ct);
        await stores.Invites.RedeemAsync("c", "telegram:1", T0, Ct);

        var holder = (await stores.Invites.GetStandingAsync("c", "telegram:1", Ct))!;
        var newcomer = (await stores.Invites.GetStandingAsync("c", "telegram:2", Ct))!;
        await stores.Invites.RedeemAsync("c", "telegram:2", T0, Ct);
        var late = (await stores.Invites.GetStandingAsync("c", "telegram:3", Ct))!;

        Assert.Equal((1, true, false), (holder.Uses, holder.RedeemedByMember, holder.UsedUpFor));
        Assert.Equal((1, false, false), (newcomer.Uses, newcomer.RedeemedByMember, newcomer.UsedUpFor));
        Assert.Equal((2, false, true), (late.Uses, late.RedeemedByMember, late.UsedUpFor));
        Assert.Equal(("c", "unit-1", 2, T0.AddDays(3), T0), (late.Invite.Code, late.Invite.UnitId, late.Invite.MaxUses, late.Invite.ExpiresAt, late.Invite.CreatedAt));
        Assert.Null(await stores.Invites.GetStandingAsync("none", "telegram:1", Ct));
    }

    [Fact]
    public async Task Redeeming_a_missing_expired_or_used_up_invite_is_refused()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("old", 5, expiresAt: T0), Ct);
        await stores.Invites.CreateAsync(Invite("one", 1), Ct);
        await stores.Invites.RedeemAsync("one", "telegram:1", T0, Ct);

        Assert.Equal(RedeemResult.NotFound, await stores.Invites.RedeemAsync("none", "telegram:1", T0, Ct));
        Assert.Equal(RedeemResult.Expired, await stores.Invites.RedeemAsync("old", "telegram:1", T0.AddSeconds(1), Ct));
        Assert.Equal(RedeemResult.UsedUp, await stores.Invites.RedeemAsync("one", "telegram:2", T0, Ct));
        Assert.Empty((await stores.Invites.GetAsync("old", Ct))!.RedeemedBy);
        Assert.Equal(["telegram:1"], (await stores.Invites.GetAsync("one", Ct))!.RedeemedBy);
    }

    [Fact]
    public async Task A_member_who_redeemed_is_told_so_even_when_the_invite_is_full_or_expired()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("c", 1, expiresAt: T0.AddDays(1)), Ct);
        await stores.Invites.RedeemAsync("c", "telegram:1", T0, Ct);

        Assert.Equal(RedeemResult.AlreadyRedeemedByThisMember, await stores.Invites.RedeemAsync("c", "telegram:1", T0, Ct));
        Assert.Equal(RedeemResult.AlreadyRedeemedByThisMember, await stores.Invites.RedeemAsync("c", "telegram:1", T0.AddDays(2), Ct));
    }

    [Fact]
    public async Task Thirty_members_redeeming_a_ten_use_invite_in_parallel_get_exactly_ten_places()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("c", 10), Ct);

        var results = await InParallelAsync(30, i => stores.Invites.RedeemAsync("c", $"telegram:{i}", T0, Ct));

        Assert.Equal(10, results.Count(r => r == RedeemResult.Redeemed));
        Assert.Equal(20, results.Count(r => r == RedeemResult.UsedUp));
        var stored = (await stores.Invites.GetAsync("c", Ct))!;
        Assert.Equal(10, stored.RedeemedBy.Distinct().Count());
        Assert.Equal(10, stored.Uses);
    }

    [Fact]
    public async Task An_invite_with_ten_thousand_places_takes_members_one_after_another_and_in_parallel()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("big", 10_000), Ct);

        Assert.Equal(RedeemResult.Redeemed, await stores.Invites.RedeemAsync("big", "telegram:1", T0, Ct));
        var results = await InParallelAsync(20, i => stores.Invites.RedeemAsync("big", $"telegram:{100 + i}", T0, Ct));

        Assert.All(results, r => Assert.Equal(RedeemResult.Redeemed, r));
        Assert.Equal(RedeemResult.AlreadyRedeemedByThisMember, await stores.Invites.RedeemAsync("big", "telegram:1", T0, Ct));
        var standing = (await stores.Invites.GetStandingAsync("big", "telegram:2", Ct))!;
        Assert.Equal((21, false, false), (standing.Uses, standing.RedeemedByMember, standing.UsedUpFor));
    }

    [Fact]
    public async Task One_member_redeeming_in_parallel_uses_one_place()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("c", 10), Ct);

        var results = await InParallelAsync(10, _ => stores.Invites.RedeemAsync("c", "telegram:7", T0, Ct));

        Assert.Single(results, r => r == RedeemResult.Redeemed);
        Assert.All(results, r => Assert.True(r is RedeemResult.Redeemed or RedeemResult.AlreadyRedeemedByThisMember));
        Assert.Equal(["telegram:7"], (await stores.Invites.GetAsync("c", Ct))!.RedeemedBy);
    }

    [Fact]
    public async Task Invites_are_listed_by_creation_time_then_code()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("b", createdAt: T0), Ct);
        await stores.Invites.CreateAsync(Invite("z", createdAt: T0.AddMinutes(-1)), Ct);
        await stores.Invites.CreateAsync(Invite("a", createdAt: T0), Ct);

        var all = await stores.Invites.ListAsync(Ct);

        Assert.Equal(["z", "a", "b"], all.Select(i => i.Code));
    }

    [Fact]
    public async Task Invite_store_refuses_bad_arguments_with_clear_errors()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => stores.Invites.CreateAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stores.Invites.CreateAsync(Invite("c", maxUses: 0), Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => stores.Invites.RedeemAsync("c", "", T0, Ct));
    }
}
