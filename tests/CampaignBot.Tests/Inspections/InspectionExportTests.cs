using System.Text;
using CampaignBot.Core.Features.Inspections;
using MiniExcelLibs;

namespace CampaignBot.Tests.Inspections;

/// <summary>campaignbot export inspections|handling on the command line, through the one table writer.</summary>
public sealed class InspectionExportTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task Export_inspections_writes_a_row_per_drawn_unit_with_the_seed_the_checklist_and_the_ledger_item()
    {
        var stores = await _bot.StoresAsync();
        var at = new DateTimeOffset(2027, 3, 10, 2, 0, 0, TimeSpan.Zero);
        string[] candidates = ["county_east", "district_west", "town_chengguan", "university", "village_dongguan", "street_xinhua"];
        var units = InspectionDraw.Draw(candidates, "00112233445566778899aabbccddeeff", 5);
        await stores.Inspections.CreateAsync(
            new Inspection { Id = "IABC234", Count = 5, Seed = "00112233445566778899aabbccddeeff", Candidates = [.. candidates.Order(StringComparer.Ordinal)], Units = units, DrawnBy = "telegram:1", DrawnByName = "周主任", DrawnAt = at },
            CancellationToken.None);
        await stores.Inspections.SaveChecklistAsync(
            new UnitInspection
            {
                InspectionId = "IABC234", UnitId = units[0], Rating = Ratings.Poor, InspectorId = "telegram:1", InspectorName = "周主任", CompletedAt = at.AddDays(1),
                Lines = [new ChecklistLine(InspectionFacts.Study, InspectionTexts.StudyLabel, new Text("5 人中 3 人达到学习最低要求", "3 of 5")) { Correction = "=实为 1 人" }],
                Findings = [new Finding("窗口推诿扯皮") { LedgerItemId = "LQWE234" }],
            },
            CancellationToken.None);
        var csv = Path.Combine(Path.GetDirectoryName(_bot.DatabasePath)!, "inspections.csv");
        var xlsx = Path.ChangeExtension(csv, ".xlsx");

        Assert.Equal(0, await RunAsync("export", "inspections", "--out", csv));
        Assert.Equal(0, await RunAsync("export", "inspections", "--format", "xlsx", "--out", xlsx));

        var lines = Encoding.UTF8.GetString((await File.ReadAllBytesAsync(csv)).AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("调研编号,抽取时间,抽取人,范围,随机种子", lines[0], StringComparison.Ordinal);
        Assert.Contains("IABC234,2027-03-10 10:00,周主任,全部单位,00112233445566778899aabbccddeeff,6,1," + units[0], lines[1], StringComparison.Ordinal);
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("差", rows[0]["评定"]);
        Assert.Equal("5 人中 3 人达到学习最低要求；实地核查：=实为 1 人", rows[0]["学习教育"]);
        Assert.Equal("LQWE234", rows[0]["整改台帐编号"]);
        Assert.All(rows.Skip(1), r => Assert.Equal("尚未调研", r["状态"]));
    }

    public void Dispose() => _bot.Dispose();

    private Task<int> RunAsync(params string[] args) => CampaignBotCli.RunAsync(
        [.. args, "--Campaign:File", _bot.Settings["Campaign:File"]!, "--Storage:SqlitePath", _bot.DatabasePath], TextWriter.Null, TextWriter.Null, CancellationToken.None);
}
