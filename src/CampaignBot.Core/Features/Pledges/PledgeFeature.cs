namespace CampaignBot.Core.Features.Pledges;

/// <summary>Public pledges (公开承诺): the pledge and check-in flows, the monthly check-in job, and posts waiting for a linked group.</summary>
public static class PledgeFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Flows = [typeof(PledgeFlow), typeof(CheckInFlow)],
        Jobs = [typeof(PledgeCheckInJobHandler)],
        Ports = [(typeof(Groups.IGroupLinkListener), typeof(PendingPledgePosts))],
    };
}
