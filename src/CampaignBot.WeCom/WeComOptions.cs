namespace CampaignBot.WeCom;

/// <summary>
/// The "WeCom" section. Secret, Token, EncodingAESKey and robot keys come from the environment
/// (WeCom__Secret, WeCom__Token, WeCom__EncodingAESKey, WeCom__GroupRobots__name); appsettings holds placeholders only.
/// </summary>
public sealed class WeComOptions
{
    public const string SectionName = "WeCom";

    /// <summary>企业ID. When empty the WeCom channel is not registered at all.</summary>
    public string CorpId { get; set; } = string.Empty;

    /// <summary>The self-built app's AgentId.</summary>
    public int AgentId { get; set; }

    /// <summary>The app's Secret, for gettoken.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The callback Token set in the admin console.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>The callback EncodingAESKey: 43 Base64 characters.</summary>
    public string EncodingAESKey { get; set; } = string.Empty;

    /// <summary>Overridable for private deployments and the test stand-in.</summary>
    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    public string CallbackPath { get; set; } = "/wecom/callback";

    /// <summary>Callbacks whose timestamp is further than this from now are refused as replays.</summary>
    public TimeSpan CallbackTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Group robots (群机器人) by name: the name is the group chat's id, the value the webhook key.</summary>
    public Dictionary<string, string> GroupRobots { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Which unit each group robot speaks for (robot name → unit id): that unit's group announcements go through it.</summary>
    public Dictionary<string, string> RobotUnits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>WeCom's limit of app messages to one member a minute.</summary>
    public int MemberPerMinute { get; set; } = 30;

    /// <summary>WeCom's limit of app messages to one member an hour.</summary>
    public int MemberPerHour { get; set; } = 1000;

    /// <summary>WeCom's limit of messages through one group robot a minute.</summary>
    public int RobotPerMinute { get; set; } = 20;

    /// <summary>The pace the outbox keeps for WeCom: per member (spacing and an hourly window) and per robot.</summary>
    public ChannelRateLimits Limits => new(
        RateLimit.None,
        new RateLimit(MemberPerMinute, TimeSpan.FromMinutes(1)),
        new RateLimit(RobotPerMinute, TimeSpan.FromMinutes(1)))
    {
        PerPrivateChatWindow = new RateLimit(MemberPerHour, TimeSpan.FromHours(1)),
    };
}
