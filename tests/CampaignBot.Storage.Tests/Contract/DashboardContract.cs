using CampaignBot.Core.Features.Dashboard;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Sign_in_link_round_trips_and_its_hash_is_stored_once()
    {
        var stores = await OpenFreshAsync();
        var link = new SignInLink("hash-1", "telegram:1", T0, T0.AddMinutes(10));

        Assert.True(await stores.Dashboard.AddLinkAsync(link, Ct));
        Assert.False(await stores.Dashboard.AddLinkAsync(link with { MemberId = "telegram:2" }, Ct));

        Assert.Equal(link, await stores.Dashboard.GetLinkAsync("hash-1", Ct));
        Assert.Null(await stores.Dashboard.GetLinkAsync("hash-2", Ct));
    }

    [Fact]
    public async Task Sign_in_link_is_used_once_and_never_after_it_expired()
    {
        var stores = await OpenFreshAsync();
        await stores.Dashboard.AddLinkAsync(new SignInLink("fresh", "telegram:1", T0, T0.AddMinutes(10)), Ct);
        await stores.Dashboard.AddLinkAsync(new SignInLink("old", "telegram:1", T0, T0.AddMinutes(10)), Ct);

        var used = await stores.Dashboard.TryUseLinkAsync("fresh", T0.AddMinutes(1), Ct);
        Assert.Equal("telegram:1", used?.MemberId);
        Assert.Null(await stores.Dashboard.TryUseLinkAsync("fresh", T0.AddMinutes(2), Ct));
        Assert.Equal(T0.AddMinutes(1), (await stores.Dashboard.GetLinkAsync("fresh", Ct))!.UsedAt);

        Assert.Null(await stores.Dashboard.TryUseLinkAsync("old", T0.AddMinutes(10), Ct));
        Assert.Null((await stores.Dashboard.GetLinkAsync("old", Ct))!.UsedAt);
        Assert.Null(await stores.Dashboard.TryUseLinkAsync("missing", T0, Ct));
    }

    [Fact]
    public async Task Racing_uses_of_one_sign_in_link_let_exactly_one_win()
    {
        var stores = await OpenFreshAsync();
        await stores.Dashboard.AddLinkAsync(new SignInLink("race", "telegram:1", T0, T0.AddMinutes(10)), Ct);

        var results = await InParallelAsync(8, _ => stores.Dashboard.TryUseLinkAsync("race", T0.AddMinutes(1), Ct));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Links_are_counted_per_member_from_a_time_on()
    {
        var stores = await OpenFreshAsync();
        for (var i = 0; i < 3; i++)
        {
            await stores.Dashboard.AddLinkAsync(new SignInLink($"a{i}", "telegram:1", T0.AddMinutes(i * 20), T0.AddMinutes((i * 20) + 10)), Ct);
        }

        await stores.Dashboard.AddLinkAsync(new SignInLink("b", "telegram:2", T0.AddMinutes(50), T0.AddMinutes(60)), Ct);

        Assert.Equal(3, await stores.Dashboard.CountLinksSinceAsync("telegram:1", T0, Ct));
        Assert.Equal(2, await stores.Dashboard.CountLinksSinceAsync("telegram:1", T0.AddMinutes(20), Ct));
        Assert.Equal(0, await stores.Dashboard.CountLinksSinceAsync("telegram:1", T0.AddMinutes(41), Ct));
        Assert.Equal(1, await stores.Dashboard.CountLinksSinceAsync("telegram:2", T0, Ct));
    }

    [Fact]
    public async Task Dashboard_session_is_touched_forward_only_and_revoked_once()
    {
        var stores = await OpenFreshAsync();
        var session = new DashboardSession("s1", "telegram:1", T0, T0);
        Assert.True(await stores.Dashboard.AddSessionAsync(session, Ct));
        Assert.False(await stores.Dashboard.AddSessionAsync(session, Ct));
        Assert.Equal(session, await stores.Dashboard.GetSessionAsync("s1", Ct));

        Assert.True(await stores.Dashboard.TouchSessionAsync("s1", T0.AddMinutes(5), Ct));
        Assert.True(await stores.Dashboard.TouchSessionAsync("s1", T0.AddMinutes(2), Ct));
        Assert.Equal(T0.AddMinutes(5), (await stores.Dashboard.GetSessionAsync("s1", Ct))!.LastSeenAt);

        Assert.True(await stores.Dashboard.RevokeSessionAsync("s1", T0.AddMinutes(6), Ct));
        Assert.False(await stores.Dashboard.RevokeSessionAsync("s1", T0.AddMinutes(7), Ct));
        Assert.False(await stores.Dashboard.TouchSessionAsync("s1", T0.AddMinutes(8), Ct));
        var revoked = (await stores.Dashboard.GetSessionAsync("s1", Ct))!;
        Assert.Equal(T0.AddMinutes(6), revoked.RevokedAt);
        Assert.Equal(T0.AddMinutes(5), revoked.LastSeenAt);
        Assert.Null(await stores.Dashboard.GetSessionAsync("missing", Ct));
    }

    [Fact]
    public async Task Revoking_a_members_sessions_ends_all_of_theirs_and_no_one_elses()
    {
        var stores = await OpenFreshAsync();
        await stores.Dashboard.AddSessionAsync(new DashboardSession("a1", "telegram:1", T0, T0), Ct);
        await stores.Dashboard.AddSessionAsync(new DashboardSession("a2", "telegram:1", T0, T0), Ct);
        await stores.Dashboard.AddSessionAsync(new DashboardSession("a3", "telegram:1", T0, T0, RevokedAt: T0), Ct);
        await stores.Dashboard.AddSessionAsync(new DashboardSession("b1", "telegram:2", T0, T0), Ct);

        Assert.Equal(2, await stores.Dashboard.RevokeMemberSessionsAsync("telegram:1", T0.AddMinutes(1), Ct));

        Assert.Equal(T0.AddMinutes(1), (await stores.Dashboard.GetSessionAsync("a2", Ct))!.RevokedAt);
        Assert.Equal(T0, (await stores.Dashboard.GetSessionAsync("a3", Ct))!.RevokedAt);
        Assert.Null((await stores.Dashboard.GetSessionAsync("b1", Ct))!.RevokedAt);
    }
}
