using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.WeCom.Tests.StandIn;

namespace CampaignBot.WeCom.Tests.Sending;

public sealed class ApiClientTests
{
    [Fact]
    public async Task Access_token_is_fetched_once_and_reused()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(new TextMessage("一"));
        await harness.SendAsync(new TextMessage("二"), id: "out-2");

        Assert.Equal(1, harness.Api.TokenFetches);
        Assert.Equal(2, harness.StandIn.Sent.Count);
    }

    [Fact]
    public async Task Access_token_is_fetched_again_shortly_before_it_expires()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.Api.GetAccessTokenAsync(CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromSeconds(7200 - 360));
        await harness.Api.GetAccessTokenAsync(CancellationToken.None);
        Assert.Equal(1, harness.Api.TokenFetches);

        harness.Time.Advance(TimeSpan.FromSeconds(90));
        await harness.Api.GetAccessTokenAsync(CancellationToken.None);
        Assert.Equal(2, harness.Api.TokenFetches);
    }

    [Fact]
    public async Task Expired_token_is_refreshed_once_and_the_call_retried()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.Api.GetAccessTokenAsync(CancellationToken.None);
        harness.StandIn.ExpireAllTokens();

        var result = await harness.SendAsync(new TextMessage("刷新后发送"));

        Assert.IsType<SendSucceeded>(result);
        Assert.Equal(2, harness.Api.TokenFetches);
        Assert.Single(harness.StandIn.Sent);
    }

    [Fact]
    public async Task Wrong_secret_is_a_transient_failure_that_names_no_secret()
    {
        await using var harness = await SenderHarness.StartAsync(secret: "wrong-secret");

        var result = await harness.SendAsync(new TextMessage("x"));

        var failure = Assert.IsType<SendFailedTransiently>(result);
        Assert.Contains("40001", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.StandIn.Sent);
    }

    [Fact]
    public async Task Unreachable_api_is_a_transient_failure()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Options.ApiBaseUrl = "http://127.0.0.1:1";

        var result = await harness.SendAsync(new TextMessage("x"));

        Assert.IsType<SendFailedTransiently>(result);
    }
}
