using CampaignBot.Core.Features.Registration;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

/// <summary>Managing people: deactivated members, invites that fix or cap the rank, revoked invites.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_deactivated_member_keeps_every_field_and_is_still_listed()
    {
        var stores = await OpenFreshAsync();
        var member = Member("7", name: "赵六");
        await stores.Members.UpsertAsync(member, Ct);

        await stores.Members.UpsertAsync(member with { DeactivatedAt = T0.AddDays(2) }, Ct);

        var stored = (await stores.Members.GetAsync(member.Id, Ct))!;
        Assert.Equal(member with { DeactivatedAt = T0.AddDays(2) }, stored);
        Assert.False(stored.IsActive);
        Assert.Single(await stores.Members.ListAsync("unit-1", Ct));
        await stores.Members.UpsertAsync(stored with { DeactivatedAt = null }, Ct);
        Assert.True((await stores.Members.GetAsync(member.Id, Ct))!.IsActive);
    }

    [Fact]
    public async Task An_invite_keeps_its_fixed_or_highest_rank()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("FIXED") with { Rank = "ordinary" }, Ct);
        await stores.Invites.CreateAsync(Invite("CAPPED") with { MaxRank = "section" }, Ct);

        var fixedRank = (await stores.Invites.GetAsync("FIXED", Ct))!;
        var capped = (await stores.Invites.GetAsync("CAPPED", Ct))!;

        Assert.Equal(("ordinary", (string?)null), (fixedRank.Rank, fixedRank.MaxRank));
        Assert.Equal(((string?)null, "section"), (capped.Rank, capped.MaxRank));
        Assert.Null(capped.RevokedAt);
    }

    [Fact]
    public async Task A_revoked_invite_cannot_be_redeemed_and_keeps_its_earlier_redemptions()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(Invite("R1", 5), Ct);
        await stores.Invites.RedeemAsync("R1", "telegram:1", T0, Ct);

        Assert.True(await stores.Invites.RevokeAsync("R1", T0.AddHours(1), Ct));
        Assert.False(await stores.Invites.RevokeAsync("R1", T0.AddHours(2), Ct));
        Assert.False(await stores.Invites.RevokeAsync("NONE", T0, Ct));

        Assert.Equal(RedeemResult.Revoked, await stores.Invites.RedeemAsync("R1", "telegram:2", T0.AddHours(3), Ct));
        var stored = (await stores.Invites.GetAsync("R1", Ct))!;
        Assert.Equal(T0.AddHours(1), stored.RevokedAt);
        Assert.Equal(["telegram:1"], stored.RedeemedBy);
    }
}
