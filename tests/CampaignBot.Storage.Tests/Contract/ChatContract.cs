using CampaignBot.Core.Messaging;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Chat_round_trips_and_is_keyed_by_channel_and_chat_id()
    {
        var stores = await OpenFreshAsync();
        var telegram = Chat("-100", "telegram");
        var wecom = Chat("-100", "wecom", title: null) with { Kind = ChatKind.Private, UnitId = null };

        await stores.Chats.UpsertAsync(telegram, Ct);
        await stores.Chats.UpsertAsync(wecom, Ct);

        Assert.Equal(telegram, await stores.Chats.GetAsync("telegram", "-100", Ct));
        Assert.Equal(wecom, await stores.Chats.GetAsync("wecom", "-100", Ct));
        Assert.Null(await stores.Chats.GetAsync("telegram", "-200", Ct));
    }

    [Fact]
    public async Task Chat_upsert_replaces_what_the_bot_knows()
    {
        var stores = await OpenFreshAsync();
        await stores.Chats.UpsertAsync(Chat("-100"), Ct);
        var removed = Chat("-100") with { BotIsMember = false, Unreachable = true, Title = "已解散", UpdatedAt = T0.AddDays(1) };

        await stores.Chats.UpsertAsync(removed, Ct);

        Assert.Equal(removed, await stores.Chats.GetAsync("telegram", "-100", Ct));
        Assert.Single(await stores.Chats.ListAsync(Ct));
    }

    [Fact]
    public async Task Chats_are_listed_by_channel_then_chat_id()
    {
        var stores = await OpenFreshAsync();
        await stores.Chats.UpsertAsync(Chat("b", "wecom"), Ct);
        await stores.Chats.UpsertAsync(Chat("b", "telegram"), Ct);
        await stores.Chats.UpsertAsync(Chat("a", "wecom"), Ct);

        var all = await stores.Chats.ListAsync(Ct);

        Assert.Equal(["telegram:b", "wecom:a", "wecom:b"], all.Select(c => $"{c.Channel}:{c.ChatId}"));
    }

    [Fact]
    public async Task Chat_store_refuses_a_missing_chat_with_a_clear_error()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => stores.Chats.UpsertAsync(null!, Ct));
    }
}
