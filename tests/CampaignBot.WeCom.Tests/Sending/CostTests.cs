using CampaignBot.Core.Messaging;
using CampaignBot.WeCom.Tests.StandIn;

namespace CampaignBot.WeCom.Tests.Sending;

/// <summary>The pace counts WeCom's own messages: what the sender will actually send for one outbox message.</summary>
public sealed class CostTests
{
    private static readonly ChatRef Member = new("wecom", "zhangsan", ChatKind.Private);
    private static readonly ChatRef Robot = new("wecom", "east-group", ChatKind.Group);
    private static readonly IReadOnlyList<IReadOnlyList<Button>> YesNo = [[new Button("是", "ex:ab:y"), new Button("否", "ex:ab:n")]];

    [Fact]
    public async Task A_text_with_buttons_costs_its_text_and_its_card_and_matches_what_is_sent()
    {
        await using var harness = await SenderHarness.StartAsync();
        var body = new TextMessage("第1题：是否存在形式主义问题？", YesNo);

        var cost = harness.Sender.CostOf(Member, body);
        await harness.SendAsync(body);

        Assert.Equal(2, cost);
        Assert.Equal(cost, harness.StandIn.Sent.Count);
    }

    [Fact]
    public async Task A_long_text_costs_one_per_piece_it_is_split_into()
    {
        await using var harness = await SenderHarness.StartAsync();
        var body = new TextMessage(new string('学', 1500));

        var cost = harness.Sender.CostOf(Member, body);
        await harness.SendAsync(body);

        Assert.Equal(3, cost);
        Assert.Equal(cost, harness.StandIn.Sent.Count);
    }

    [Fact]
    public async Task A_robot_shows_no_cards_so_buttons_cost_nothing_there()
    {
        await using var harness = await SenderHarness.StartAsync();

        Assert.Equal(1, harness.Sender.CostOf(Robot, new TextMessage("公开承诺", YesNo)));
        Assert.Equal(2, harness.Sender.CostOf(Member, new DocumentMessage("台帐.xlsx", [1, 2, 3], "整改台帐")));
    }
}
