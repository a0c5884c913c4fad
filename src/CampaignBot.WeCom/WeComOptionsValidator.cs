using CampaignBot.WeCom.Crypto;
using Microsoft.Extensions.Options;

namespace CampaignBot.WeCom;

/// <summary>Stops start-up with a sentence naming the wrong setting; never echoes a secret's value.</summary>
public sealed class WeComOptionsValidator : IValidateOptions<WeComOptions>
{
    public ValidateOptionsResult Validate(string? name, WeComOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.CorpId))
        {
            failures.Add("WeCom:CorpId is required (企业ID, from the admin console's 我的企业 page).");
        }

        if (options.AgentId <= 0)
        {
            failures.Add("WeCom:AgentId must be the self-built app's positive AgentId.");
        }

        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add("WeCom:Secret is required; set it in the environment as WeCom__Secret.");
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("WeCom:Token is required; set it in the environment as WeCom__Token.");
        }

        try
        {
            WeComCallbackCrypto.DecodeKey(options.EncodingAESKey);
        }
        catch (WeComCryptoException ex)
        {
            failures.Add($"WeCom:EncodingAESKey is invalid: {ex.Message}");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("WeCom:ApiBaseUrl must be an absolute http(s) URL, such as https://qyapi.weixin.qq.com.");
        }

        if (string.IsNullOrWhiteSpace(options.CallbackPath) || !options.CallbackPath.StartsWith('/'))
        {
            failures.Add("WeCom:CallbackPath must start with '/', such as /wecom/callback.");
        }

        if (options.CallbackTolerance <= TimeSpan.Zero)
        {
            failures.Add("WeCom:CallbackTolerance must be positive.");
        }

        foreach (var (robot, key) in options.GroupRobots)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                failures.Add($"WeCom:GroupRobots:{robot} has no webhook key.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
