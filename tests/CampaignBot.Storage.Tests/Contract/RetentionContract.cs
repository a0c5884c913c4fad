using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Pruning_deletes_only_handled_updates_received_before_the_cut()
    {
        var stores = await OpenFreshAsync();
        await stores.Inbox.AddAsync(InboxItem("old-handled", T0), Ct);
        await stores.Inbox.AddAsync(InboxItem("old-failed", T0, 2), Ct);
        await stores.Inbox.AddAsync(InboxItem("old-pending", T0, 3), Ct);
        await stores.Inbox.AddAsync(InboxItem("new-handled", T0.AddDays(8), 4), Ct);
        await stores.Inbox.CompleteAsync("telegram:old-handled", InboxStatus.Handled, null, Ct);
        await stores.Inbox.CompleteAsync("telegram:old-failed", InboxStatus.Failed, "boom", Ct);
        await stores.Inbox.CompleteAsync("telegram:new-handled", InboxStatus.Handled, null, Ct);

        Assert.Equal(1, await stores.Inbox.PruneHandledAsync(T0.AddDays(7), Ct));

        Assert.Null(await stores.Inbox.GetAsync("telegram:old-handled", Ct));
        Assert.NotNull(await stores.Inbox.GetAsync("telegram:old-failed", Ct));
        Assert.NotNull(await stores.Inbox.GetAsync("telegram:old-pending", Ct));
        Assert.NotNull(await stores.Inbox.GetAsync("telegram:new-handled", Ct));
        Assert.Equal(0, await stores.Inbox.PruneHandledAsync(T0.AddDays(7), Ct));
    }

    [Fact]
    public async Task Pruning_deletes_only_private_messages_sent_before_the_cut()
    {
        var stores = await OpenFreshAsync();
        var group = new ChatRef("telegram", "-100", ChatKind.Group, "城关镇第一支部");
        await stores.Outbox.EnqueueAsync(
            [Outbox("old-sent", T0), Outbox("old-pending", T0), Outbox("new-sent", T0),
             OutboxMessage.Create("group-sent", group, new TextMessage("评议进行中"), T0)],
            Ct);
        await stores.Outbox.MarkSentAsync("old-sent", "m1", T0.AddHours(1), Ct);
        await stores.Outbox.MarkSentAsync("group-sent", "m2", T0.AddHours(1), Ct);
        await stores.Outbox.MarkSentAsync("new-sent", "m3", T0.AddDays(8), Ct);

        Assert.Equal(1, await stores.Outbox.PruneSentAsync(T0.AddDays(7), Ct));

        Assert.Null(await stores.Outbox.GetAsync("old-sent", Ct));
        Assert.NotNull(await stores.Outbox.GetAsync("old-pending", Ct));
        Assert.NotNull(await stores.Outbox.GetAsync("new-sent", Ct));
        Assert.NotNull(await stores.Outbox.GetAsync("group-sent", Ct));
    }

    [Fact]
    public async Task A_batch_added_to_the_inbox_stores_each_new_update_once_and_says_which_were_known()
    {
        var stores = await OpenFreshAsync();
        await stores.Inbox.AddAsync(InboxItem("2", T0, 2), Ct);

        var added = await stores.Inbox.AddManyAsync([InboxItem("1", T0, 1), InboxItem("2", T0, 2), InboxItem("3", T0, 3)], Ct);
        var again = await stores.Inbox.AddManyAsync([InboxItem("3", T0, 3), InboxItem("4", T0, 4)], Ct);

        Assert.Equal([true, false, true], added);
        Assert.Equal([false, true], again);
        Assert.Equal(4, await stores.Inbox.CountAsync(InboxStatus.Pending, Ct));
        Assert.Equal(["telegram:1", "telegram:2", "telegram:3", "telegram:4"], (await stores.Inbox.ClaimPendingAsync("n1", T0, TimeSpan.FromMinutes(1), 10, Ct)).Select(i => i.Id));
    }
}
