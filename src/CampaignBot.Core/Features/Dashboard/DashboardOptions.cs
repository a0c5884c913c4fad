using System.ComponentModel.DataAnnotations;

namespace CampaignBot.Core.Features.Dashboard;

/// <summary>The "Dashboard" section: the office's web dashboard in the host.</summary>
public sealed class DashboardOptions : IValidatableObject
{
    public const string SectionName = "Dashboard";

    /// <summary>Null: on whenever a web host runs (webhook modes); true also starts a web host in console mode.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The address people open (https://bot.example.org); sign-in links start with it. Empty: the first listening address.</summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>How long a sign-in link is valid (at most one hour).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A session unused this long ends; the member asks for a new link.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>At most this many sign-in links per member in <see cref="LinkWindow"/>.</summary>
    [Range(1, 100)]
    public int LinksPerWindow { get; set; } = 5;

    public TimeSpan LinkWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Supervision groups (督导组): the unit a supervisor is registered in → the units that group oversees
    /// (each with the units below it). A supervisor also sees their own unit and below (what they review).
    /// </summary>
    public Dictionary<string, string[]> SupervisorGroups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The overview and evaluations pages show campaign-wide numbers at most this old (refreshed in the background);
    /// unit pages and downloads always read the stores.
    /// </summary>
    public TimeSpan SnapshotAge { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>WeCom's web OAuth (网页授权) authorize page; a private deployment may have its own.</summary>
    public string WeComAuthorizeUrl { get; set; } = "https://open.weixin.qq.com/connect/oauth2/authorize";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LinkLifetime <= TimeSpan.Zero || LinkLifetime > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Dashboard:LinkLifetime must be more than zero and at most 01:00:00.", [nameof(LinkLifetime)]);
        }

        if (IdleTimeout < TimeSpan.FromMinutes(1) || IdleTimeout > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Dashboard:IdleTimeout must be between 00:01:00 and 1.00:00:00.", [nameof(IdleTimeout)]);
        }

        if (SnapshotAge < TimeSpan.Zero || SnapshotAge > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Dashboard:SnapshotAge must be between 00:00:00 and 01:00:00.", [nameof(SnapshotAge)]);
        }

        if (LinkWindow <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Dashboard:LinkWindow must be more than zero.", [nameof(LinkWindow)]);
        }

        if (PublicUrl.Length > 0 && !(Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && string.IsNullOrEmpty(url.Query)))
        {
            yield return new ValidationResult($"Dashboard:PublicUrl must be an absolute http(s) address without a query, got '{PublicUrl}'.", [nameof(PublicUrl)]);
        }
    }
}
