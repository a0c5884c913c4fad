namespace CampaignBot.Core.Features.Dashboard;

/// <summary>
/// Where the dashboard can be opened: set by the host once its web server listens (Dashboard:PublicUrl, or the
/// first listening address); null while no dashboard runs.
/// </summary>
public sealed class DashboardAddress
{
    private volatile string? baseUrl;

    public string? BaseUrl
    {
        get => baseUrl;
        set => baseUrl = value?.TrimEnd('/');
    }

    /// <summary>The sign-in link for a token; the token is not personal data, and the page it opens sends no referrer.</summary>
    public string? SignInUrl(string token) => BaseUrl is { } root ? $"{root}/signin?token={Uri.EscapeDataString(token)}" : null;
}
