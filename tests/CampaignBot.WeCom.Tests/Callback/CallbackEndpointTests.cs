using System.Net;
using CampaignBot.Core.Messaging;

namespace CampaignBot.WeCom.Tests.Callback;

public sealed class CallbackEndpointTests
{
    [Fact]
    public async Task Url_verification_answers_the_plain_echo()
    {
        await using var host = await CallbackHost.StartAsync();
        var echo = host.Crypto.Encrypt("5927782542963467721");
        var signature = host.Crypto.Sign(host.Now, "n1", echo);

        var response = await host.Client.GetAsync($"/wecom/callback?msg_signature={signature}&timestamp={host.Now}&nonce=n1&echostr={Uri.EscapeDataString(echo)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("5927782542963467721", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Url_verification_with_a_wrong_signature_is_refused()
    {
        await using var host = await CallbackHost.StartAsync();
        var echo = host.Crypto.Encrypt("5927782542963467721");

        var response = await host.Client.GetAsync($"/wecom/callback?msg_signature=0000&timestamp={host.Now}&nonce=n1&echostr={Uri.EscapeDataString(echo)}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("5927782542963467721", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushed_message_is_stored_before_the_empty_200()
    {
        await using var host = await CallbackHost.StartAsync();
        host.Sink.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var pending = host.Client.SendAsync(host.Push(CallbackHost.TextXml("zhangsan", "你好", "8001")));
        await host.Sink.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(pending.IsCompleted);
        host.Sink.Gate.SetResult();
        var response = await pending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Equal(new TextInput("你好"), host.Sink.Stored["8001"].Content);
    }

    [Fact]
    public async Task Redelivered_callback_is_stored_once_and_answered_200_both_times()
    {
        await using var host = await CallbackHost.StartAsync();
        var xml = CallbackHost.TextXml("zhangsan", "/start", "8002");

        var first = await host.Client.SendAsync(host.Push(xml));
        var second = await host.Client.SendAsync(host.Push(xml));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Single(host.Sink.Stored);
        Assert.Equal(new CommandInput("start", string.Empty), host.Sink.Stored["8002"].Content);
    }

    [Fact]
    public async Task Flipped_signature_character_is_refused_and_nothing_stored()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.SendAsync(host.Push(CallbackHost.TextXml("u", "x", "8003"), tamperSignature: Flip));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Sink.Stored);
    }

    [Fact]
    public async Task Flipped_ciphertext_byte_is_refused_and_nothing_stored()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.SendAsync(host.Push(CallbackHost.TextXml("u", "x", "8004"), tamperCipher: FlipByte));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Sink.Stored);
    }

    [Fact]
    public async Task Stale_timestamp_is_refused_as_a_replay()
    {
        await using var host = await CallbackHost.StartAsync();
        var request = host.Push(CallbackHost.TextXml("u", "x", "8005"));
        host.Time.Advance(TimeSpan.FromMinutes(6));

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("StaleTimestamp", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Sink.Stored);
    }

    [Fact]
    public async Task Body_that_is_not_xml_is_a_400()
    {
        await using var host = await CallbackHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/wecom/callback?msg_signature=x&timestamp={host.Now}&nonce=n")
        {
            Content = new StringContent("{\"not\":\"xml\"}"),
        };

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadXml", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Card_button_press_reaches_the_inbox_as_a_button_press()
    {
        await using var host = await CallbackHost.StartAsync();
        var xml = $"<xml><ToUserName>{CallbackHost.CorpId}</ToUserName><FromUserName>lisi</FromUserName><CreateTime>1700000000</CreateTime>" +
            "<MsgType>event</MsgType><Event>template_card_event</Event><EventKey>se:q1:yes</EventKey><TaskId>cb_1</TaskId>" +
            "<CardType>button_interaction</CardType><ResponseCode>rc-77</ResponseCode><AgentID>1000002</AgentID></xml>";

        var response = await host.Client.SendAsync(host.Push(xml));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new ButtonPress("se:q1:yes", "rc-77", "cb_1"), Assert.Single(host.Sink.Stored.Values).Content);
    }

    private static string Flip(string hex) => (hex[0] == 'a' ? 'b' : 'a') + hex[1..];

    private static string FlipByte(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        bytes[^5] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }
}

public sealed class UnconfiguredCallbackTests
{
    [Fact]
    public async Task Without_wecom_settings_no_callback_route_is_mapped()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.AddWeComChannel();
        await using var app = builder.Build();

        CampaignBot.WeCom.Callback.WeComCallbackEndpoints.MapWeComCallback(app);

        Assert.Empty(((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints));
    }
}
