using CampaignBot.Core.Features.Contacts;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static ContactChange NewChange(string leader, ContactLevel level, bool removed, int minutes, params string[] units) =>
        new(new ContactAssignment(leader, "领导" + leader[^1], level, units), removed, "telegram:office", T0.AddMinutes(minutes));

    private static ContactVisit NewVisit(string id, string leader, string unit, int day) =>
        new(id, leader, "李市长", unit, DateOnly.FromDateTime(T0.UtcDateTime).AddDays(day), "座谈了解整改进展", T0.AddDays(day).AddHours(1));

    [Fact]
    public async Task A_later_contact_change_for_a_leader_replaces_the_earlier_one_and_survives_a_restart()
    {
        var name = NewDatabaseName();
        var stores = await OpenAsync(name);
        await stores.Contacts.SetAsync(NewChange("telegram:1", ContactLevel.City, false, 0, "dept_a", "village_a"), Ct);
        await stores.Contacts.SetAsync(NewChange("telegram:2", ContactLevel.County, false, 1, "village_b"), Ct);
        await stores.Contacts.SetAsync(NewChange("telegram:1", ContactLevel.County, false, 2, "village_c"), Ct);
        await stores.Contacts.SetAsync(NewChange("telegram:2", ContactLevel.County, true, 3, "village_b"), Ct);

        var changes = await (await OpenAsync(name)).Contacts.ListChangesAsync(Ct);

        Assert.Equal(["telegram:1", "telegram:2"], changes.Select(c => c.Assignment.LeaderId));
        Assert.Equal((ContactLevel.County, false), (changes[0].Assignment.Level, changes[0].Removed));
        Assert.Equal(["village_c"], changes[0].Assignment.UnitIds);
        Assert.True(changes[1].Removed);
        Assert.Equal(T0.AddMinutes(3), changes[1].ChangedAt);
    }

    [Fact]
    public async Task A_contact_visit_is_stored_once_even_when_recorded_at_once_from_several_places()
    {
        var stores = await OpenFreshAsync();

        var added = await InParallelAsync(6, _ => stores.Contacts.AddVisitAsync(NewVisit("cv-update-1", "telegram:1", "dept_a", 0), Ct));

        Assert.Equal(1, added.Count(a => a));
        Assert.Single(await stores.Contacts.ListVisitsAsync(null, Ct));
        Assert.False(await stores.Contacts.AddVisitAsync(NewVisit("cv-update-1", "telegram:1", "dept_a", 5) with { What = "改写" }, Ct));
        Assert.Equal("座谈了解整改进展", (await stores.Contacts.ListVisitsAsync("dept_a", Ct))[0].What);
    }

    [Fact]
    public async Task Contact_visits_are_listed_by_unit_and_by_leader_oldest_day_first()
    {
        var stores = await OpenFreshAsync();
        await stores.Contacts.AddVisitAsync(NewVisit("cv-3", "telegram:1", "dept_a", 9), Ct);
        await stores.Contacts.AddVisitAsync(NewVisit("cv-1", "telegram:1", "village_a", 2), Ct);
        await stores.Contacts.AddVisitAsync(NewVisit("cv-2", "telegram:2", "dept_a", 4), Ct);

        Assert.Equal(["cv-2", "cv-3"], (await stores.Contacts.ListVisitsAsync("dept_a", Ct)).Select(v => v.Id));
        Assert.Equal(["cv-1", "cv-3"], (await stores.Contacts.ListVisitsByLeaderAsync("telegram:1", Ct)).Select(v => v.Id));
        Assert.Equal(["cv-1", "cv-2", "cv-3"], (await stores.Contacts.ListVisitsAsync(null, Ct)).Select(v => v.Id));
        var visit = (await stores.Contacts.ListVisitsByLeaderAsync("telegram:2", Ct)).Single();
        Assert.Equal((DateOnly.FromDateTime(T0.UtcDateTime).AddDays(4), "李市长", T0.AddDays(4).AddHours(1)), (visit.Date, visit.LeaderName, visit.RecordedAt));
        Assert.Empty(await stores.Contacts.ListVisitsAsync("nowhere", Ct));
    }
}
