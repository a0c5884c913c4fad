using CampaignBot.Core.Features.Ledger;

namespace CampaignBot.Dashboard.Tests;

public sealed partial class DashboardSite
{
    /// <summary>A ledger item of <paramref name="unitId"/> led by the seeded secretary and filed by the office now; tests add what they look at with <c>with</c>.</summary>
    public LedgerItem LedgerItem(string id, string unitId, string problem) => new()
    {
        Id = id,
        UnitId = unitId,
        Problem = problem,
        Category = "bureaucratism",
        Source = ProblemSource.Opinion,
        Measures = "首问负责制",
        LeadLeaderId = Seed.Secretary.Id,
        LeadLeaderName = Seed.Secretary.Name,
        Deadline = new DateOnly(2027, 5, 1),
        CreatedBy = Seed.Office.Id,
        CreatedAt = Time.GetUtcNow(),
    };
}
