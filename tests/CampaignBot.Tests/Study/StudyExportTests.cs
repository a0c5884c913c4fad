using CampaignBot.Features.Study;
using CampaignBot.Core.Features.Study;
using CampaignBot.Tests.Configuration;
using MiniExcelLibs;

namespace CampaignBot.Tests.Study;

public sealed class StudyExportTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task Study_entries_export_as_csv_with_chinese_headers_and_names()
    {
        var stores = await _bot.StoresAsync();
        await stores.ActivityLog.AddAsync(Entry("e1", ActivityKind.Study) with { Form = "self", Topic = "theory", Note = "=SUM(A1)" }, CancellationToken.None);
        var output = new StringWriter();

        Assert.Equal(0, await ExportCommand.RunAsync(CampaignBotCli.Parse(["export", "study"]), CampaignFiles.LoadShipped(), stores, output, CancellationToken.None));

        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("成员ID,姓名,单位ID,单位,日期,天数,形式,专题,内容,已确认", lines[0], StringComparison.Ordinal);
        Assert.Contains("东县,2027-03-05,1.5,自学,理论宣讲,'=SUM(A1),否", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visits_export_as_xlsx_with_the_household_label_and_whether_the_visit_was_in_a_window()
    {
        var stores = await _bot.StoresAsync();
        await stores.Households.AddAsync(new Household { Id = "h1", MemberId = "console:1", UnitId = "county_east", Label = "王大爷家", PairedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
        await stores.ActivityLog.AddAsync(Entry("v1", ActivityKind.Visit) with { Date = new DateOnly(2027, 2, 6), Place = "h1", Note = "拜年", HalfDays = 0 }, CancellationToken.None);
        var file = Path.Combine(Path.GetDirectoryName(_bot.DatabasePath)!, "visits.xlsx");

        Assert.Equal(0, await ExportCommand.RunAsync(CampaignBotCli.Parse(["export", "visits", "--format", "xlsx", "--out", file]), CampaignFiles.LoadShipped(), stores, TextWriter.Null, CancellationToken.None));

        var row = Assert.Single(MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal(("王大爷家", "拜年", "是"), ((string)row["结对户"], (string)row["走访内容"], (string)row["在规定时段内"]));
    }

    [Theory]
    [InlineData("--format", "pdf", "--format 只能是 csv 或 xlsx")]
    [InlineData("--format", "xlsx", "请用 --out 指定")]
    public async Task Bad_export_options_get_a_clear_error(string option, string value, string message)
    {
        var stores = await _bot.StoresAsync();
        var error = await Assert.ThrowsAsync<CliException>(() => ExportCommand.RunAsync(
            CampaignBotCli.Parse(["export", "study", option, value]), CampaignFiles.LoadShipped(), stores, TextWriter.Null, CancellationToken.None));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();

    private static ActivityEntry Entry(string id, ActivityKind kind) => new()
    {
        Id = id,
        Kind = kind,
        MemberId = "console:1",
        UnitId = "county_east",
        Date = new DateOnly(2027, 3, 5),
        HalfDays = 3,
        RecordedBy = "console:1",
        RecordedAt = DateTimeOffset.UnixEpoch,
    };
}
