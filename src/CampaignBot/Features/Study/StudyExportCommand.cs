using System.Text;
using CampaignBot.Cli;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Storage;
using MiniExcelLibs;

namespace CampaignBot.Features.Study;

/// <summary>campaignbot export &lt;study|research|visits&gt; [--format csv|xlsx] [--out file]: one row per entry.</summary>
public static class StudyExportCommand
{
    public static readonly IReadOnlyList<string> Kinds = ["study", "research", "visits"];

    public static async Task<int> RunAsync(CliArguments args, CampaignDefinition campaign, StoreBundle stores, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(output);
        var kind = args.Word(1)?.ToLowerInvariant() switch
        {
            "study" => ActivityKind.Study,
            "research" => ActivityKind.Research,
            "visits" => ActivityKind.Visit,
            var other => throw new CliException($"不能导出 '{other}'。可导出：{string.Join("、", Kinds)}。"),
        };
        var format = (args.Option("format") ?? "csv").ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
        {
            throw new CliException($"--format 只能是 csv 或 xlsx，收到 '{format}'。");
        }

        var file = args.Option("out");
        if (format == "xlsx" && file is null)
        {
            throw new CliException("xlsx 是二进制文件，请用 --out 指定保存的文件，例如 --out study.xlsx。");
        }

        var columns = await ColumnsAsync(kind, campaign, stores, cancellationToken);
        var entries = await stores.ActivityLog.ListAsync(null, null, kind, cancellationToken);
        if (format == "csv")
        {
            var text = TableExport.ToCsv(entries, columns);
            if (file is null)
            {
                await output.WriteAsync(text);
                return 0;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file!))!);
            var rows = entries.Select(e => columns.ToDictionary(c => c.Header, c => c.Value(e))).ToList();
            await using var stream = File.Create(file!);
            await stream.SaveAsAsync(rows, sheetName: kind.ToString(), excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        }

        await Console.Error.WriteLineAsync($"已导出 {entries.Count} 条到 {Path.GetFullPath(file!)}");
        return 0;
    }

    internal static async Task<IReadOnlyList<ExportColumn<ActivityEntry>>> ColumnsAsync(ActivityKind kind, CampaignDefinition campaign, StoreBundle stores, CancellationToken cancellationToken)
    {
        var members = (await stores.Members.ListAsync(null, cancellationToken)).ToDictionary(m => m.Id, m => m.Name, StringComparer.Ordinal);
        var houses = (await stores.Households.ListAsync(null, null, cancellationToken)).ToDictionary(h => h.Id, h => h.Label, StringComparer.Ordinal);
        var calendar = new CampaignCalendar(campaign);
        var progress = new StudyProgressService(campaign, calendar, stores.ActivityLog, stores.Households);
        List<ExportColumn<ActivityEntry>> columns =
        [
            new("memberId", "成员ID", e => e.MemberId),
            new("name", "姓名", e => members.GetValueOrDefault(e.MemberId)),
            new("unit", "单位", e => campaign.FindUnit(e.UnitId)?.Name ?? e.UnitId),
            new("date", "日期", e => e.Date),
        ];
        columns.AddRange(kind switch
        {
            ActivityKind.Study =>
            [
                new("days", "天数", e => e.HalfDays / 2m),
                new("form", "形式", e => StudyForms.FormName(e.Form)),
                new("topic", "专题", e => StudyForms.TopicName(campaign, e.Topic)),
                new("note", "内容", e => e.Note),
                new("confirmed", "已确认", e => e.Confirmed ? "是" : "否"),
            ],
            ActivityKind.Research =>
            [
                new("days", "天数", e => e.HalfDays / 2m),
                new("place", "地点", e => e.Place),
                new("findings", "发现", e => e.Note),
                new("opinions", "群众意见", e => e.Opinions),
                new("confirmed", "已确认", e => e.Confirmed ? "是" : "否"),
            ],
            _ =>
            [
                new("household", "结对户", e => e.Place is { } id ? houses.GetValueOrDefault(id) : null),
                new("done", "走访内容", e => e.Note),
                new("inWindow", "在规定时段内", e => progress.InWindow(e.UnitId, e.Date) ? "是" : "否"),
            ],
        });
        columns.Add(new("recordedAt", "记录时间", e => TimeZoneInfo.ConvertTime(e.RecordedAt, calendar.Zone)));
        return columns;
    }
}
