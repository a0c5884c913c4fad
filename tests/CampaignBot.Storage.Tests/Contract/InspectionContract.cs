using CampaignBot.Core.Features.Inspections;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static Inspection NewInspection(string id, params string[] units) => new()
    {
        Id = id,
        Kinds = ["county"],
        Count = units.Length,
        Seed = "00112233445566778899aabbccddeeff",
        Candidates = [.. units.Append("u_spare").Order(StringComparer.Ordinal)],
        Excluded = ["u_recent"],
        ExcludeWeeks = 8,
        Units = units,
        DrawnBy = "telegram:1",
        DrawnByName = "活动办",
        DrawnAt = T0,
    };

    private static UnitInspection NewChecklist(string inspectionId, string unitId, string rating) => new()
    {
        InspectionId = inspectionId,
        UnitId = unitId,
        Lines = [new ChecklistLine("study", new Text("学习", "Study"), new Text("5 人中 3 人", "3 of 5")) { Correction = "实为 2 人" }],
        Findings = [new Finding("窗口推诿") { LedgerItemId = "LABC234" }],
        Rating = rating,
        InspectorId = "telegram:2",
        InspectorName = "督导组",
        CompletedAt = T0.AddDays(1),
    };

    [Fact]
    public async Task An_inspection_is_stored_once_and_read_back_whole_by_its_id_in_any_case()
    {
        var stores = await OpenFreshAsync();
        var inspection = NewInspection("IABC234", "u_b", "u_a", "u_c", "u_e", "u_d");

        Assert.True(await stores.Inspections.CreateAsync(inspection, Ct));
        Assert.False(await stores.Inspections.CreateAsync(inspection with { Seed = "other" }, Ct));

        var read = await stores.Inspections.GetAsync("iabc234", Ct);
        Assert.NotNull(read);
        Assert.Equal(inspection.Seed, read.Seed);
        Assert.Equal(inspection.Units, read.Units);
        Assert.Equal(inspection.Candidates, read.Candidates);
        Assert.Equal(["u_recent"], read.Excluded);
        Assert.Equal(T0, read.DrawnAt);
        Assert.Equal(["IABC234"], (await stores.Inspections.ListAsync(Ct)).Select(i => i.Id));
    }

    [Fact]
    public async Task Checklists_are_listed_by_inspection_and_by_unit_and_completing_again_replaces_the_unit_s_one()
    {
        var stores = await OpenFreshAsync();
        await stores.Inspections.SaveChecklistAsync(NewChecklist("IAAAAA1", "u_a", Ratings.Fair), Ct);
        await stores.Inspections.SaveChecklistAsync(NewChecklist("IAAAAA1", "u_b", Ratings.Good), Ct);
        await stores.Inspections.SaveChecklistAsync(NewChecklist("IBBBBB2", "u_a", Ratings.Poor), Ct);
        await stores.Inspections.SaveChecklistAsync(NewChecklist("IAAAAA1", "u_a", Ratings.Average), Ct);

        var first = await stores.Inspections.ListChecklistsAsync("IAAAAA1", Ct);
        Assert.Equal(["u_a", "u_b"], first.Select(c => c.UnitId).Order(StringComparer.Ordinal));
        Assert.Equal(Ratings.Average, first.Single(c => c.UnitId == "u_a").Rating);
        Assert.Equal(2, (await stores.Inspections.ListChecklistsOfUnitAsync("u_a", Ct)).Count);
        var read = await stores.Inspections.GetChecklistAsync("IBBBBB2", "u_a", Ct);
        Assert.Equal("实为 2 人", read?.Lines.Single().Correction);
        Assert.Equal("学习", read?.Lines.Single().Label.Chinese);
        Assert.Equal("LABC234", read?.Findings.Single().LedgerItemId);
        Assert.Null(await stores.Inspections.GetChecklistAsync("IBBBBB2", "u_b", Ct));
    }

    [Fact]
    public async Task An_inspection_bulletin_is_recorded_once_even_when_published_at_once_from_many_places()
    {
        var stores = await OpenFreshAsync();

        var won = await InParallelAsync(6, i => stores.Inspections.TryRecordBulletinAsync(new InspectionBulletinRecord("IAAAAA1", $"telegram:{i}", T0), Ct));

        Assert.Single(won, w => w);
        Assert.NotNull(await stores.Inspections.GetBulletinAsync("IAAAAA1", Ct));
        Assert.Null(await stores.Inspections.GetBulletinAsync("IBBBBB2", Ct));
    }

    [Fact]
    public async Task A_handling_decision_is_kept_once_per_case_and_listed_by_unit()
    {
        var stores = await OpenFreshAsync();
        var decision = new HandlingDecision
        {
            CaseKey = "stage:u_a:style", UnitId = "u_a", Reason = "作风现状评价已 2 次未通过", Decision = "约谈主要负责人",
            DecidedOn = new DateOnly(2026, 3, 9), RecordedBy = "telegram:1", RecordedAt = T0,
        };

        Assert.True(await stores.Inspections.AddDecisionAsync(decision, Ct));
        Assert.False(await stores.Inspections.AddDecisionAsync(decision with { Decision = "改写" }, Ct));
        Assert.True(await stores.Inspections.AddDecisionAsync(decision with { CaseKey = "ledger:u_b:L1", UnitId = "u_b" }, Ct));

        var ofA = Assert.Single(await stores.Inspections.ListDecisionsAsync("u_a", Ct));
        Assert.Equal("约谈主要负责人", ofA.Decision);
        Assert.Equal(new DateOnly(2026, 3, 9), ofA.DecidedOn);
        Assert.Equal(2, (await stores.Inspections.ListDecisionsAsync(null, Ct)).Count);
    }
}
