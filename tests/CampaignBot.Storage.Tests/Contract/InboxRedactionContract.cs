using CampaignBot.Core.Messaging;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Redacting_an_inbox_item_replaces_its_update_and_keeps_the_rest()
    {
        var stores = await OpenFreshAsync();
        var item = InboxItem("u-secret", T0, text: "ev:0a1b2c3d:unsatisfied");
        await stores.Inbox.AddAsync(item, Ct);
        await stores.Inbox.CompleteAsync(item.Id, Core.Storage.InboxStatus.Handled, null, Ct);
        var cut = Text("u-secret", "ev:0a1b2c3d:-");

        await stores.Inbox.RedactAsync(item.Id, MessageJson.Serialize(cut), Ct);
        await stores.Inbox.RedactAsync("telegram:unknown", MessageJson.Serialize(cut), Ct);

        var stored = await stores.Inbox.GetAsync(item.Id, Ct);
        Assert.DoesNotContain("unsatisfied", stored!.Payload, StringComparison.Ordinal);
        Assert.Equal(cut, stored.ReadUpdate());
        Assert.Equal(Core.Storage.InboxStatus.Handled, stored.Status);
        Assert.Null(await stores.Inbox.GetAsync("telegram:unknown", Ct));
    }
}
