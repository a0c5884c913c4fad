using System.Text;
using CampaignBot.Core.Features.Progress;
using CampaignBot.Exports;
using CampaignBot.Tests.Examinations;
using MiniExcelLibs;

namespace CampaignBot.Tests.Exports;

/// <summary>Every export kind goes through the one table writer: Chinese headers and sheet names, a BOM and CRLF in CSV, formulas defused.</summary>
public sealed class EveryExportTests : IDisposable
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
    private readonly BotUnderTest _bot = new();

    public static TheoryData<string> Kinds() => [.. ExportCommand.All.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_export_kind_writes_csv_with_a_byte_order_mark_crlf_and_chinese_headers(string kind)
    {
        var file = Path.Combine(Path.GetDirectoryName(_bot.DatabasePath)!, $"{kind}.csv");

        Assert.Equal(0, await RunAsync("export", kind, "--out", file));

        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", text);
        Assert.All(text[..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(','), header => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", header));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_export_kind_writes_xlsx_with_a_chinese_sheet_name_and_headers(string kind)
    {
        var file = Path.Combine(Path.GetDirectoryName(_bot.DatabasePath)!, $"{kind}.xlsx");

        Assert.Equal(0, await RunAsync("export", kind, "--format", "xlsx", "--out", file));

        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", Assert.Single(MiniExcel.GetSheetNames(file)));
        var headers = ((IDictionary<string, object>)MiniExcel.Query(file).First()).Values.Select(v => (string)v);
        Assert.All(headers, header => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", header));
    }

    [Fact]
    public async Task A_pledge_typed_as_a_formula_comes_out_defused_in_csv_xlsx_and_the_chat_document()
    {
        await using (var chat = await CampaignChat.StartAsync(_bot))
        {
            await chat.RegisterAsync(_bot, "1", "活动办", "city", "office");
            await chat.RegisterAsync(_bot, "22", "王村民", "village_dongguan");
            await chat.SayAllAsync("22", "/pledge", "6", "8", Hyperlink, "确认发布");
            await chat.SayAsync("1", "/export pledges");
            var document = Assert.Single(chat.BodiesTo(CampaignChat.Private("1")).OfType<DocumentMessage>());
            var row = new MemoryStream(document.Content).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Single();
            Assert.Equal("'" + Hyperlink, row["承诺内容"]);
        }

        var csv = Path.Combine(Path.GetDirectoryName(_bot.DatabasePath)!, "pledges.csv");
        var xlsx = Path.ChangeExtension(csv, ".xlsx");
        Assert.Equal(0, await RunAsync("export", "pledges", "--out", csv));
        Assert.Equal(0, await RunAsync("export", "pledges", "--format", "xlsx", "--out", xlsx));

        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
        var cell = MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object>>().Single()["承诺内容"];
        Assert.Equal("'" + Hyperlink, cell);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("-3", "-3")]
    [InlineData("+1.5", "+1.5")]
    [InlineData("平常的话", "平常的话")]
    public void Cells_that_a_spreadsheet_would_run_are_defused_and_plain_numbers_are_not(string cell, string written) =>
        Assert.Equal(written, CampaignTable.Defuse(cell));

    [Fact]
    public void Times_are_written_to_the_minute_in_the_campaign_time_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        var cell = CampaignTable.Cell(new DateTimeOffset(2027, 1, 20, 2, 0, 30, TimeSpan.Zero), zone);

        Assert.Equal("2027-01-20 10:00", cell);
    }

    [Fact]
    public void An_empty_table_still_has_its_header_row_in_xlsx()
    {
        var bytes = TableWriter.Instance.Write(new CampaignTable("成员", ["成员ID", "姓名"], []), TableFormat.Xlsx);

        var rows = new MemoryStream(bytes).Query().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["成员ID", "姓名"], Assert.Single(rows).Values.Select(v => (string)v));
    }

    public void Dispose() => _bot.Dispose();

    private Task<int> RunAsync(params string[] args) => CampaignBotCli.RunAsync(
        [.. args, "--Campaign:File", _bot.Settings["Campaign:File"]!, "--Storage:SqlitePath", _bot.DatabasePath], TextWriter.Null, TextWriter.Null, CancellationToken.None);
}
