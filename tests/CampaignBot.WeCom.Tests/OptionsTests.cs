using CampaignBot.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignBot.WeCom.Tests;

public sealed class OptionsTests
{
    private static WeComOptions Valid() => new()
    {
        CorpId = "wwcampaign000001",
        AgentId = 1000002,
        Secret = "s",
        Token = "t",
        EncodingAESKey = Crypto.OfficialSampleTests.EncodingAesKey,
    };

    [Fact]
    public void Complete_settings_are_valid()
    {
        Assert.True(new WeComOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Encoding_aes_key_of_42_characters_is_named_in_the_failure()
    {
        var options = Valid();
        options.EncodingAESKey = options.EncodingAESKey[..42];

        var result = new WeComOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("WeCom:EncodingAESKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("43 characters", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_settings_are_each_named_without_their_values()
    {
        var options = Valid();
        options.AgentId = 0;
        options.Secret = string.Empty;
        options.ApiBaseUrl = "qyapi.weixin.qq.com";
        options.CallbackPath = "wecom";

        var result = new WeComOptionsValidator().Validate(null, options);

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("WeCom:AgentId", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("WeCom__Secret", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("WeCom:ApiBaseUrl", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("WeCom:CallbackPath", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_corp_id_the_channel_registers_nothing()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        builder.AddWeComChannel();

        using var host = builder.Build();
        Assert.Empty(host.Services.GetServices<IChannelSender>());
    }

    [Fact]
    public async Task Start_stops_on_an_invalid_key_with_a_sentence_naming_it()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeCom:CorpId"] = "wwcampaign000001",
            ["WeCom:AgentId"] = "1000002",
            ["WeCom:Secret"] = "s",
            ["WeCom:Token"] = "t",
            ["WeCom:EncodingAESKey"] = "short",
        });
        builder.AddWeComChannel();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("WeCom:EncodingAESKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_channel_registers_the_wecom_sender()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeCom:CorpId"] = "wwcampaign000001",
            ["WeCom:AgentId"] = "1000002",
            ["WeCom:Secret"] = "s",
            ["WeCom:Token"] = "t",
            ["WeCom:EncodingAESKey"] = Crypto.OfficialSampleTests.EncodingAesKey,
            ["WeCom:GroupRobots:unit-1"] = "key",
        });

        builder.AddWeComChannel();

        using var host = builder.Build();
        Assert.Equal("wecom", Assert.Single(host.Services.GetServices<IChannelSender>()).Channel);
        Assert.Equal("key", host.Services.GetRequiredService<IOptions<WeComOptions>>().Value.GroupRobots["unit-1"]);
    }
}
