using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.WeCom.Sending;
using CampaignBot.WeCom.Tests.StandIn;

namespace CampaignBot.WeCom.Tests.Sending;

public sealed class MediaAndRobotTests
{
    [Fact]
    public async Task Document_is_uploaded_and_sent_as_a_file_message_with_its_caption()
    {
        await using var harness = await SenderHarness.StartAsync();
        byte[] workbook = [1, 2, 3, 4, 5];

        var result = await harness.SendAsync(new DocumentMessage("整改台帐.xlsx", workbook, "本月整改台帐"));

        Assert.IsType<SendSucceeded>(result);
        var upload = Assert.Single(harness.StandIn.Uploads);
        Assert.Equal(("file", "整改台帐.xlsx"), (upload.Type, upload.FileName));
        Assert.Equal(workbook, upload.Content);
        var messages = harness.StandIn.Sent.ToArray();
        Assert.Equal("file", messages[0]["msgtype"]!.GetValue<string>());
        Assert.StartsWith("media-", messages[0]["file"]!["media_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("本月整改台帐", messages[1]["text"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Photo_is_uploaded_as_an_image()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(new PhotoMessage("turnout.png", [137, 80, 78, 71]));

        Assert.IsType<SendSucceeded>(result);
        Assert.Equal("image", Assert.Single(harness.StandIn.Uploads).Type);
        Assert.Equal("image", Assert.Single(harness.StandIn.Sent)["msgtype"]!.GetValue<string>());
    }

    [Fact]
    public async Task Throttled_upload_sends_nothing()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.StandIn.InjectError(45009);

        var result = await harness.SendAsync(new DocumentMessage("a.pdf", [1]));

        Assert.IsType<SendThrottled>(result);
        Assert.Empty(harness.StandIn.Sent);
    }

    [Fact]
    public async Task Group_announcement_goes_to_the_units_robot()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(new TextMessage("公开承诺：严守政治纪律"), chatId: "unit-1", kind: ChatKind.Group);

        Assert.IsType<SendSucceeded>(result);
        var posted = Assert.Single(harness.StandIn.RobotMessages);
        Assert.Equal("text", posted["msgtype"]!.GetValue<string>());
        Assert.Equal("公开承诺：严守政治纪律", posted["text"]!["content"]!.GetValue<string>());
        Assert.Empty(harness.StandIn.Sent);
    }

    [Fact]
    public async Task Group_photo_goes_to_the_robot_inline()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(new PhotoMessage("chart.png", [1, 2, 3]), chatId: "unit-1", kind: ChatKind.Group);

        var posted = Assert.Single(harness.StandIn.RobotMessages);
        Assert.Equal("AQID", posted["image"]!["base64"]!.GetValue<string>());
        Assert.Equal("5289df737df57326fcdd22597afb1fac", posted["image"]!["md5"]!.GetValue<string>());
    }

    [Fact]
    public async Task Group_without_a_configured_robot_is_rejected_by_name()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(new TextMessage("x"), chatId: "unit-9", kind: ChatKind.Group);

        Assert.Contains("WeCom:GroupRobots:unit-9", Assert.IsType<SendRejected>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robot_45009_is_throttled()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.StandIn.InjectError(45009);

        var result = await harness.SendAsync(new TextMessage("x"), chatId: "unit-1", kind: ChatKind.Group);

        Assert.IsType<SendThrottled>(result);
    }

    [Fact]
    public async Task Robot_markdown_posts_through_the_client()
    {
        await using var harness = await SenderHarness.StartAsync();

        var answer = await harness.Api.SendRobotAsync(WeComStandIn.RobotKey, WeComMessages.RobotMarkdown("**三评结果**"), CancellationToken.None);

        Assert.True(answer.IsOk);
        Assert.Equal("**三评结果**", Assert.Single(harness.StandIn.RobotMessages)["markdown"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Limits_are_30_a_minute_per_member_and_20_a_minute_per_robot()
    {
        await using var harness = await SenderHarness.StartAsync();

        Assert.Equal(new RateLimit(30, TimeSpan.FromMinutes(1)), harness.Sender.Limits.For(ChatKind.Private));
        Assert.Equal(new RateLimit(20, TimeSpan.FromMinutes(1)), harness.Sender.Limits.For(ChatKind.Group));
        Assert.Equal("wecom", harness.Sender.Channel);
    }
}
