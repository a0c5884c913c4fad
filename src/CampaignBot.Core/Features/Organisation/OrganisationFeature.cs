namespace CampaignBot.Core.Features.Organisation;

/// <summary>The imported unit tree and roster as registration's host units; the imports and the address-book sync are the host's.</summary>
public static class OrganisationFeature
{
    public static FeatureParts Parts { get; } = new() { Ports = [(typeof(IHostUnits), typeof(RosterHostUnits))] };
}
