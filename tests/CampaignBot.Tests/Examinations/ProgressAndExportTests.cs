using CampaignBot.Features.Progress;
using CampaignBot.Tests.Configuration;
using MiniExcelLibs;

namespace CampaignBot.Tests.Examinations;

/// <summary>/progress, /export in chat and `campaignbot export examinations|pledges`.</summary>
public sealed class ProgressAndExportTests : IDisposable
{
    private const string Village = "village_dongguan";
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_secretary_sees_who_submitted_who_is_returned_and_who_has_not_started()
    {
        await using var chat = await PreparedAsync();

        var progress = await chat.SayAsync("21", "/progress");

        Assert.Contains("「城关镇东关村」对照检查进度（3 人）", progress, StringComparison.Ordinal);
        Assert.Contains("已提交待审核 1 人：王村民", progress, StringComparison.Ordinal);
        Assert.Contains("未开始 2 人：村书记、李村民", progress, StringComparison.Ordinal);
        Assert.Contains("公开承诺：1 人发布 1 条", progress, StringComparison.Ordinal);
        Assert.Contains("截止日期：2027-03-16", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_English_every_part_of_progress_is_English()
    {
        await using var chat = await PreparedAsync();
        chat.LanguageOf["21"] = "en";

        var progress = await chat.SayAsync("21", "/progress");

        Assert.Contains("Self-examinations in \"城关镇东关村\" (3 members)", progress, StringComparison.Ordinal);
        Assert.Contains("submitted: 1 (王村民)", progress, StringComparison.Ordinal);
        Assert.Contains("not started: 2 (村书记, 李村民)", progress, StringComparison.Ordinal);
        Assert.Contains("Deadline: 2027-03-16", progress, StringComparison.Ordinal);
        Assert.Contains("Public pledges: 1 published by 1 member", progress, StringComparison.Ordinal);
        Assert.Contains("Pledge check-ins this month (2027-01): 0 — Kept 0, Partly 0, Not yet 0", progress, StringComparison.Ordinal);
        var withoutNames = new[] { "城关镇东关村", "王村民", "村书记", "李村民" }.Aggregate(progress, (text, name) => text.Replace(name, string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain(withoutNames, c => c is >= '\u4e00' and <= '\u9fff' or '：' or '，' or '（');
    }

    [Theory]
    [InlineData("22", "/progress", "只有支部书记、督导组和活动办可以查看进度")]
    [InlineData("21", "/progress county_east", "你只能查看本单位")]
    [InlineData("21", "/progress atlantis", "单位 'atlantis' 不在活动配置中")]
    [InlineData("21", "/export", "用法：/export examinations 或 /export pledges")]
    public async Task Progress_and_export_refuse_members_other_units_and_bad_arguments_clearly(string user, string line, string expected)
    {
        await using var chat = await PreparedAsync();

        var reply = await chat.SayAsync(user, line);

        Assert.Contains(expected, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_gets_the_examinations_as_an_xlsx_document_in_chat()
    {
        await using var chat = await PreparedAsync();
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office");

        await chat.SayAsync("1", "/export examinations");

        var document = Assert.Single(chat.BodiesTo(CampaignChat.Private("1")).OfType<DocumentMessage>());
        Assert.EndsWith(".xlsx", document.FileName, StringComparison.Ordinal);
        var rows = new MemoryStream(document.Content).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["姓名"] == "王村民" && (string)r["状态"] == "已提交待审核" && (string)r["选择"] == "存在");
        Assert.Contains(rows, r => (string)r["姓名"] == "李村民" && (string)r["状态"] == "未开始");
    }

    [Fact]
    public async Task The_command_line_exports_pledges_as_csv_with_chinese_headers()
    {
        await using (await PreparedAsync())
        {
        }

        var output = new StringWriter();
        var exit = await ExportCommand.RunAsync(CampaignBotCli.Parse(["export", "pledges", "--format", "csv"]), CampaignFiles.LoadShipped(), await _bot.StoresAsync(), output, CancellationToken.None);

        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Equal("成员ID,姓名,单位ID,单位,承诺方面,承诺内容,状态,发布时间,最近报告月份,履约情况,说明,报告次数", lines[0]);
        Assert.StartsWith("console:22,王村民,village_dongguan,城关镇东关村,清正廉洁,不收受群众任何礼品，办事公开透明。,已发布,2027-01-20 10:00", Assert.Single(lines.Skip(1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_refuses_an_unknown_format_or_unit()
    {
        var stores = await _bot.StoresAsync();
        var campaign = CampaignFiles.LoadShipped();

        var format = await Assert.ThrowsAsync<CliException>(() => ExportCommand.RunAsync(CampaignBotCli.Parse(["export", "examinations", "--format", "pdf"]), campaign, stores, new StringWriter(), CancellationToken.None));
        var unit = await Assert.ThrowsAsync<CliException>(() => ExportCommand.RunAsync(CampaignBotCli.Parse(["export", "examinations", "--unit", "atlantis"]), campaign, stores, new StringWriter(), CancellationToken.None));

        Assert.Contains("只能是 csv 或 xlsx", format.Message, StringComparison.Ordinal);
        Assert.Contains("单位 'atlantis' 不在活动配置中", unit.Message, StringComparison.Ordinal);
    }

    /// <summary>A village with a secretary, a member who submitted and published a pledge, and one who did nothing.</summary>
    private async Task<CampaignChat> PreparedAsync()
    {
        var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", Village, "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", Village);
        await chat.RegisterAsync(_bot, "23", "李村民", Village);
        await chat.SayAllAsync("22", "/examine", "1", "3", "3", "3", "跳过", "每周走访群众一次，解决实际问题。", "提交");
        await chat.SayAllAsync("22", "/pledge", "6", "8", "不收受群众任何礼品，办事公开透明。", "确认发布");
        return chat;
    }

    public void Dispose() => _bot.Dispose();
}
