using CampaignBot.WeCom.Crypto;

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

        AddIfNotPositive(failures, "MemberPerMinute", options.MemberPerMinute, 30);
        AddIfNotPositive(failures, "MemberPerHour", options.MemberPerHour, 1000);
        AddIfNotPositive(failures, "RobotPerMinute", options.RobotPerMinute, 20);
        foreach (var (robot, unit) in options.RobotUnits)
        {
            if (!options.GroupRobots.ContainsKey(robot))
            {
                failures.Add($"WeCom:RobotUnits:{robot} names a robot that WeCom:GroupRobots does not have; add WeCom__GroupRobots__{robot} with its webhook key.");
            }

            if (string.IsNullOrWhiteSpace(unit))
            {
                failures.Add($"WeCom:RobotUnits:{robot} needs a unit id.");
            }
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

    /// <summary>Below 1 nothing would ever be sent; above WeCom's published limit only a private deployment makes sense.</summary>
    private static void AddIfNotPositive(List<string> failures, string name, int value, int wecomLimit)
    {
        if (value < 1)
        {
            failures.Add($"WeCom:{name} must be at least 1 (WeCom's own limit is {wecomLimit}); it is {value}.");
        }
    }
}
