using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Everything_stored_survives_a_restart()
    {
        var name = NewDatabaseName();
        var before = await OpenAsync(name);
        await before.Inbox.AddAsync(InboxItem("1", T0, text: "学习党章第一章"), Ct);
        await before.Sessions.TrySaveAsync(Session("s"), Ct);
        await before.Outbox.EnqueueAsync([Outbox("m", T0, "已记录您的学习日志。")], Ct);
        await before.Jobs.UpsertAsync(Job("j", T0, Hourly), Ct);
        await before.Jobs.TryRecordFiringAsync(new JobFiring("j", T0, "n1", T0, null), Ct);
        await before.Members.UpsertAsync(Member("1"), Ct);
        await before.Invites.CreateAsync(Invite("c"), Ct);
        await before.Invites.RedeemAsync("c", "telegram:1", T0, Ct);
        await before.Chats.UpsertAsync(Chat("-100"), Ct);

        var after = await OpenAsync(name);

        Assert.Equal(new TextInput("学习党章第一章"), (await after.Inbox.GetAsync("telegram:1", Ct))!.ReadUpdate().Content);
        Assert.Equal(1, (await after.Sessions.GetAsync("s", Ct))!.Version);
        Assert.Equal("已记录您的学习日志。", Assert.IsType<TextMessage>((await after.Outbox.GetAsync("m", Ct))!.ReadBody()).Text);
        Assert.Equal(Hourly, (await after.Jobs.GetAsync("j", Ct))!.Recurrence);
        Assert.False(await after.Jobs.TryRecordFiringAsync(new JobFiring("j", T0, "n2", T0, null), Ct));
        Assert.Equal("李四", (await after.Members.GetAsync("telegram:1", Ct))!.Name);
        Assert.Equal(["telegram:1"], (await after.Invites.GetAsync("c", Ct))!.RedeemedBy);
        Assert.Equal("城关镇第一支部", (await after.Chats.GetAsync("telegram", "-100", Ct))!.Title);
    }

    [Fact]
    public async Task A_new_database_name_opens_an_empty_store()
    {
        var used = await OpenFreshAsync();
        await used.Inbox.AddAsync(InboxItem("1", T0), Ct);

        var fresh = await OpenFreshAsync();

        Assert.Equal(0, await fresh.Inbox.CountAsync(InboxStatus.Pending, Ct));
        Assert.Empty(await fresh.Sessions.ListAsync(Ct));
    }

    [Fact]
    public async Task Opening_the_same_database_twice_at_once_shares_one_set_of_rules()
    {
        var name = NewDatabaseName();
        var first = await OpenAsync(name);
        var second = await OpenAsync(name);

        Assert.True(await first.Inbox.AddAsync(InboxItem("1", T0), Ct));
        Assert.False(await second.Inbox.AddAsync(InboxItem("1", T0), Ct));
        Assert.True(await first.Jobs.TryRecordFiringAsync(new JobFiring("j", T0, "n1", T0, null), Ct));
        Assert.False(await second.Jobs.TryRecordFiringAsync(new JobFiring("j", T0, "n2", T0, null), Ct));
    }
}
