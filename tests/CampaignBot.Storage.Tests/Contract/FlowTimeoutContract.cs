using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

/// <summary>Flow timeouts kept in the session row: stored with it, found when due on an index, swept into the inbox once.</summary>
public abstract partial class StoreContractTests
{
    private static readonly FlowTimeoutTarget TimeoutTarget =
        new(new ChatRef("telegram", "1001", ChatKind.Private), new UserRef("2002", "张三", "en"));

    [Fact]
    public async Task A_session_keeps_its_timeout_instant_and_target_and_clearing_the_flow_clears_the_instant()
    {
        var stores = await OpenFreshAsync();
        var session = Session("telegram:1001:2002");
        session.TimeoutAt = T0.AddMinutes(30);
        session.TimeoutTo = TimeoutTarget;
        await stores.Sessions.TrySaveAsync(session, Ct);

        var stored = (await stores.Sessions.GetAsync("telegram:1001:2002", Ct))!;
        Assert.Equal((T0.AddMinutes(30), TimeoutTarget), (stored.TimeoutAt, stored.TimeoutTo));

        stored.ClearFlow();
        Assert.True(await stores.Sessions.TrySaveAsync(stored, Ct));
        Assert.Null((await stores.Sessions.GetAsync("telegram:1001:2002", Ct))!.TimeoutAt);
    }

    [Fact]
    public async Task Due_timeouts_are_the_sessions_due_by_now_with_a_prompt_earliest_first_and_at_most_the_number_asked()
    {
        var stores = await OpenFreshAsync();
        foreach (var (key, due, token) in new (string, DateTimeOffset?, string?)[]
        {
            ("late", T0.AddMinutes(2), "p-late"), ("early", T0.AddMinutes(1), "p-early"), ("later", T0.AddMinutes(10), "p3"),
            ("none", null, "p4"), ("no-prompt", T0, null),
        })
        {
            var session = Session(key);
            session.PromptToken = token;
            session.TimeoutAt = due;
            session.TimeoutTo = TimeoutTarget;
            await stores.Sessions.TrySaveAsync(session, Ct);
        }

        var due5 = await stores.Sessions.DueTimeoutsAsync(T0.AddMinutes(5), 10, Ct);
        var first = await stores.Sessions.DueTimeoutsAsync(T0.AddMinutes(5), 1, Ct);

        Assert.Equal(
            [new DueFlowTimeout("early", "p-early", T0.AddMinutes(1), TimeoutTarget), new DueFlowTimeout("late", "p-late", T0.AddMinutes(2), TimeoutTarget)],
            due5);
        Assert.Equal(["early"], first.Select(d => d.SessionKey));
        Assert.Equal(["early", "late"], (await stores.Sessions.DueTimeoutsAsync(T0.AddMinutes(2), 10, Ct)).Select(d => d.SessionKey));
        Assert.Empty(await stores.Sessions.DueTimeoutsAsync(T0, 10, Ct));
    }

    [Fact]
    public async Task A_timed_out_prompt_is_swept_into_the_inbox_once_across_sweeps_and_a_restart_and_ends_the_flow_once()
    {
        var name = NewDatabaseName();
        var stores = await OpenAsync(name);
        var time = new FakeTimeProvider(T0);
        var pipeline = new PipelineHarness(stores, time);
        await pipeline.Handler().HandleAsync(PipelineHarness.Command("u1", "start"), Ct);
        var key = PipelineHarness.Command("u1", "start").ConversationKey;
        Assert.Equal(T0.AddMinutes(30), (await stores.Sessions.GetAsync(key, Ct))!.TimeoutAt);

        time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await pipeline.Sweeper().SweepAsync(Ct));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await pipeline.Sweeper().SweepAsync(Ct));
        Assert.Equal(1, await pipeline.Sweeper().SweepAsync(Ct));
        var restarted = await OpenAsync(name);
        Assert.Equal(1, await new PipelineHarness(restarted, time).Sweeper().SweepAsync(Ct));
        Assert.Equal(1, await restarted.Inbox.CountAsync(InboxStatus.Pending, Ct));

        var item = Assert.Single(await restarted.Inbox.ClaimPendingAsync("test", time.GetUtcNow(), TimeSpan.FromSeconds(30), 10, Ct));
        var timer = item.ReadUpdate();
        Assert.Equal(new TimerElapsed(Core.Conversations.FlowTimeouts.Reason, (await restarted.Sessions.GetAsync(key, Ct))!.PromptToken!), timer.Content);
        var before = await restarted.Outbox.CountAsync(OutboxStatus.Pending, Ct);
        await new PipelineHarness(restarted, time).Handler().HandleAsync(timer, Ct);
        await restarted.Inbox.CompleteAsync(item.Id, InboxStatus.Handled, null, Ct);
        await new PipelineHarness(restarted, time).Handler().HandleAsync(timer, Ct);

        var session = (await restarted.Sessions.GetAsync(key, Ct))!;
        Assert.Equal(((string?)null, (DateTimeOffset?)null), (session.Flow, session.TimeoutAt));
        Assert.Equal(before + 1, await restarted.Outbox.CountAsync(OutboxStatus.Pending, Ct));
        Assert.Equal(0, await new PipelineHarness(restarted, time).Sweeper().SweepAsync(Ct));
        Assert.Equal(0, await restarted.Inbox.CountAsync(InboxStatus.Pending, Ct));
    }
}
