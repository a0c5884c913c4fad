using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Storage.Mongo;

namespace CampaignBot.Storage.Tests.Mongo;

/// <summary>
/// Mongo-only checks beside the shared contract suite: the fixture itself, and the races the
/// engine is known to get wrong with findOneAndUpdate, run with more workers than the contract uses.
/// </summary>
[Collection(MongoEngineCollection.Name)]
public sealed class MongoStoreSmokeTests(MongoEngineFixture mongo)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => CancellationToken.None;

    private Task<StoreBundle> OpenFreshAsync() => MongoStores.OpenAsync(mongo.ConnectionString, mongo.NewDatabaseName(), Ct);

    [Fact]
    public async Task The_fixture_gives_a_server_that_stores_and_reads_back()
    {
        var stores = await OpenFreshAsync();
        var update = new Inbound("1", 1, new ChatRef("telegram", "1001", ChatKind.Private), new UserRef("2002"), new TextInput("开始学习"), T0);

        Assert.True(await stores.Inbox.AddAsync(InboxItem.From(update, T0), Ct));
        Assert.False(await stores.Inbox.AddAsync(InboxItem.From(update, T0), Ct));
        Assert.Equal(update, (await stores.Inbox.GetAsync("telegram:1", Ct))!.ReadUpdate());
    }

    [Fact]
    public async Task Eight_schedulers_leasing_fifty_due_jobs_lease_each_exactly_once()
    {
        var stores = await OpenFreshAsync();
        for (var i = 0; i < 50; i++)
        {
            await stores.Jobs.UpsertAsync(new ScheduledJob { Id = $"j{i:D2}", Kind = "reminder", Payload = "{}", DueAt = T0 }, Ct);
        }

        var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<string>();
            foreach (var job in await stores.Jobs.DueAsync(T0, 100, Ct))
            {
                if (await stores.Jobs.TryLeaseAsync(job.Id, job.DueAt, $"n{w}", T0, TimeSpan.FromMinutes(1), Ct))
                {
                    mine.Add(job.Id);
                }
            }

            return mine;
        })));

        var all = leases.SelectMany(l => l).ToList();
        Assert.Equal(50, all.Count);
        Assert.Equal(50, all.Distinct().Count());
    }

    [Fact]
    public async Task Eight_senders_claiming_fifty_messages_claim_each_exactly_once()
    {
        var stores = await OpenFreshAsync();
        var chat = new ChatRef("telegram", "1001", ChatKind.Private);
        await stores.Outbox.EnqueueAsync([.. Enumerable.Range(0, 50).Select(i => OutboxMessage.Create($"m{i:D2}", chat, new TextMessage("请提交学习记录"), T0))], Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w =>
            Task.Run(() => stores.Outbox.ClaimDueAsync($"s{w}", T0, TimeSpan.FromMinutes(1), 50, Ct))));

        // A claim that loses a race comes back short; a later claim picks up the rest, and nothing twice.
        var rest = await stores.Outbox.ClaimDueAsync("late", T0, TimeSpan.FromMinutes(1), 50, Ct);
        var ids = claims.SelectMany(c => c).Concat(rest).Select(m => m.Id).ToList();
        Assert.Equal(50, ids.Count);
        Assert.Equal(50, ids.Distinct().Count());
    }

    [Fact]
    public async Task Enqueueing_a_batch_with_a_known_id_stores_the_new_ones_and_keeps_the_old()
    {
        var stores = await OpenFreshAsync();
        var chat = new ChatRef("wecom", "zhangsan", ChatKind.Private);
        await stores.Outbox.EnqueueAsync([OutboxMessage.Create("a", chat, new TextMessage("旧"), T0)], Ct);

        await stores.Outbox.EnqueueAsync(
            [OutboxMessage.Create("a", chat, new TextMessage("新"), T0), OutboxMessage.Create("b", chat, new TextMessage("新"), T0)],
            Ct);

        Assert.Equal("旧", Assert.IsType<TextMessage>((await stores.Outbox.GetAsync("a", Ct))!.ReadBody()).Text);
        Assert.NotNull(await stores.Outbox.GetAsync("b", Ct));
    }

    [Fact]
    public async Task Forty_members_racing_for_a_three_place_invite_get_three_places()
    {
        var stores = await OpenFreshAsync();
        await stores.Invites.CreateAsync(new Invite { Code = "ZZ-3", UnitId = "u1", Role = Roles.Member, MaxUses = 3, CreatedAt = T0 }, Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => stores.Invites.RedeemAsync("ZZ-3", $"telegram:{i % 20}", T0, Ct))));

        Assert.Equal(3, results.Count(r => r == RedeemResult.Redeemed));
        var stored = (await stores.Invites.GetAsync("ZZ-3", Ct))!;
        Assert.Equal(3, stored.RedeemedBy.Count);
        Assert.Equal(3, stored.RedeemedBy.Distinct().Count());
    }

    [Fact]
    public async Task Session_data_keys_with_dots_and_dollars_round_trip()
    {
        var stores = await OpenFreshAsync();
        var session = new Session { Key = "wecom:1:2", UpdatedAt = T0 };
        session.Data["answers.1"] = "四风问题";
        session.Data["$token"] = "x";
        session.Data[""] = "空键";

        Assert.True(await stores.Sessions.TrySaveAsync(session, Ct));
        var stored = (await stores.Sessions.GetAsync(session.Key, Ct))!;

        Assert.Equal(session.Data, stored.Data);
    }

    [Fact]
    public async Task A_stale_session_save_is_refused_and_leaves_the_newer_one()
    {
        var stores = await OpenFreshAsync();
        var session = new Session { Key = "telegram:1:2", Flow = "pledge", UpdatedAt = T0 };
        Assert.True(await stores.Sessions.TrySaveAsync(session, Ct));
        var stale = (await stores.Sessions.GetAsync(session.Key, Ct))!;
        session.State = "Confirming";
        Assert.True(await stores.Sessions.TrySaveAsync(session, Ct));

        stale.State = "Stale";

        Assert.False(await stores.Sessions.TrySaveAsync(stale, Ct));
        Assert.Equal("Confirming", (await stores.Sessions.GetAsync(session.Key, Ct))!.State);
    }
}
