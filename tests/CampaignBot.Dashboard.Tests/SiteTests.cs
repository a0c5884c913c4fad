namespace CampaignBot.Dashboard.Tests;

/// <summary>A test class that starts a fresh dashboard site (its own database and clock) for each test and stops it after.</summary>
public abstract class SiteTests : IAsyncLifetime
{
    protected DashboardSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await DashboardSite.StartAsync();

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
