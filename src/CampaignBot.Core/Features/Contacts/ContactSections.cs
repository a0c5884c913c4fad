using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Contacts;

/// <summary>The contact part of /progress: per unit, its contact leaders and their visits (this month and in all).</summary>
public sealed class ContactProgressSection(ContactDirectory directory, IContactStore store, CampaignDefinition campaign, CampaignCalendar calendar, TimeProvider time) : IProgressSection
{
    public int Order => 40;

    public async Task<string?> RenderAsync(Member viewer, string? unitId, Language language, CancellationToken cancellationToken)
    {
        var all = await directory.AllAsync(cancellationToken);
        var visits = await store.ListVisitsAsync(unitId, cancellationToken);
        var today = calendar.Today(time.GetUtcNow());
        var monthStart = CampaignCalendar.MonthStart(today);
        var units = unitId is null ? [.. campaign.Units.Select(u => u.Id).Where(u => all.Any(a => a.UnitIds.Contains(u)))] : new List<string> { unitId };
        if (units.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder(ContactTexts.ProgressHeading.In(language));
        foreach (var unit in units)
        {
            var leaders = all.Where(a => a.UnitIds.Contains(unit)).Select(a => a.LeaderName).ToList();
            var unitVisits = visits.Where(v => v.UnitId == unit).ToList();
            text.Append('\n').Append(ContactTexts.ProgressLine(
                campaign.FindUnit(unit)?.Name ?? unit,
                leaders.Count == 0 ? new Text("-", "-") : Text.List(leaders),
                unitVisits.Count(v => v.Date >= monthStart),
                unitVisits.Count,
                unitVisits.Count == 0 ? null : ContactTexts.Date(unitVisits[^1].Date)).In(language));
        }

        return text.ToString();
    }
}

/// <summary>
/// The contact part of the monthly bulletin: visits to contact points in the month, per unit, and the contact points
/// nobody visited. Unit names and counts only, no person: the public version goes to the units' groups.
/// </summary>
public sealed class ContactBulletinSection(ContactDirectory directory, IContactStore store, CampaignDefinition campaign) : IBulletinSection
{
    public int Order => 40;

    public async Task<Text?> RenderAsync(string month, CancellationToken cancellationToken)
    {
        var all = await directory.AllAsync(cancellationToken);
        var contacted = campaign.Units.Select(u => u.Id).Where(u => all.Any(a => a.UnitIds.Contains(u))).ToList();
        if (contacted.Count == 0)
        {
            return null;
        }

        var inMonth = (await store.ListVisitsAsync(null, cancellationToken))
            .Where(v => v.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) == month).ToList();
        var visited = contacted.Select(u => (Name: campaign.FindUnit(u)?.Name ?? u, Count: inMonth.Count(v => v.UnitId == u))).ToList();
        return ContactTexts.BulletinLine(
            inMonth.Count,
            Text.List(visited.Where(v => v.Count > 0).Select(v => $"{v.Name} {v.Count}")),
            Text.List(visited.Where(v => v.Count == 0).Select(v => v.Name)));
    }
}

/// <summary>Contact leaders review their units' leadership examinations when the campaign file says so (reviews_examinations).</summary>
public sealed class ContactReviewers(ContactDirectory directory, CampaignDefinition campaign) : IAdditionalReviewers
{
    public async Task<IReadOnlyList<string>> ReviewersOfAsync(string unitId, CancellationToken cancellationToken) =>
        campaign.Contacts.ReviewsExaminations ? [.. (await directory.LeadersOfAsync(unitId, cancellationToken)).Select(a => a.LeaderId)] : [];

    public async Task<IReadOnlyList<string>> UnitsReviewedByAsync(string memberId, CancellationToken cancellationToken) =>
        campaign.Contacts.ReviewsExaminations && await directory.OfLeaderAsync(memberId, cancellationToken) is { } assignment ? assignment.UnitIds : [];
}

/// <summary>/help lists /contact for contact leaders (the catalogue names it for the office), and /review when they review.</summary>
public sealed class ContactAudience(ContactDirectory directory, CampaignDefinition campaign, string command) : ICommandAudienceCheck
{
    public string Command { get; } = command;

    public async Task<bool> IncludesAsync(Member member, CancellationToken cancellationToken) =>
        (Command != "review" || campaign.Contacts.ReviewsExaminations) && (await directory.UnitsOfAsync(member, cancellationToken)).Count > 0;
}
