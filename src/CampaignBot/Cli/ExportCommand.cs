using CampaignBot.Core.Features.Progress;
using CampaignBot.Exports;
using CampaignBot.Features.Evaluations;
using CampaignBot.Features.Progress;
using CampaignBot.Features.Study;

namespace CampaignBot.Cli;

/// <summary>What an export kind is asked for: the campaign, the store, and the unit when it exports by unit.</summary>
public sealed record ExportRequest(CampaignDefinition Campaign, StoreBundle Stores, string? UnitId)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(Campaign.TimeZone);
}

/// <summary>An export's table, and the same rows as JSON for the kinds that offer it.</summary>
public sealed record ExportData(CampaignTable Table, string? Json = null);

/// <summary>One kind of export: <c>campaignbot export &lt;Name&gt;</c>, what it is, and how its table is made.</summary>
public sealed record ExportKind(string Name, string Description, Func<ExportRequest, CancellationToken, Task<ExportData>> BuildAsync, bool OffersJson = false, bool ByUnit = false)
{
    /// <summary>Kinds that one of a feature's table builders makes by unit (the same tables as /export in chat); it is given the kind's name.</summary>
    public static IReadOnlyList<ExportKind> ForUnits(Func<ExportRequest, string, CancellationToken, Task<CampaignTable>> build, params (string Name, string Description)[] kinds)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(kinds);
        return [.. kinds.Select(kind => new ExportKind(
            kind.Name,
            kind.Description,
            async (request, cancellationToken) => new ExportData(await build(request, kind.Name, cancellationToken)),
            ByUnit: true))];
    }
}

/// <summary>
/// campaignbot export &lt;kind&gt; [--format csv|xlsx|json] [--unit 单位ID] [--out 文件]: one subcommand per kind, each
/// feature bringing its own kinds; every table goes through the one <see cref="TableWriter"/>.
/// CSV and JSON go to standard output unless --out is given; XLSX needs --out.
/// </summary>
public static class ExportCommand
{
    public const string Name = "export";

    private static readonly Option<string> Format = new("--format") { Description = "文件格式：csv（默认）、xlsx，部分种类还可以是 json", HelpName = "csv|xlsx|json" };
    private static readonly Option<string> Out = new("--out") { Description = "保存到这个文件（xlsx 必须指定）；不指定时 csv 打印到标准输出", HelpName = "文件" };
    private static readonly Option<string> Unit = new("--unit") { Description = "只导出这个单位及其下级（单位ID）", HelpName = "单位ID" };

    /// <summary>The people and units the office manages.</summary>
    public static IReadOnlyList<ExportKind> Kinds { get; } =
    [
        new("members", "成员：姓名、单位、职级、角色、注册时间", MembersAsync, OffersJson: true),
        new("units", "单位：单位树和开始日期", UnitsAsync, OffersJson: true),
        new("invites", "邀请码：单位、角色、已用次数、有效期", InvitesAsync, OffersJson: true),
        new("sessions", "进行中的对话：流程、步骤、更新时间", SessionsAsync, OffersJson: true),
    ];

    /// <summary>Every kind there is, each feature's own included, for the help and for the error about an unknown kind.</summary>
    public static IReadOnlyList<ExportKind> All { get; } =
        [.. Kinds, .. StudyExportCommand.Kinds, .. CampaignExportCommand.Kinds, .. EvaluationExportCommand.Kinds, .. Features.Ledger.OpinionLedgerExportCommand.Kinds, .. Features.Inspections.InspectionExportCommand.Kinds];

    public static Command Build()
    {
        var export = new Command(Name, "导出表格（中文表头）：" + string.Join("、", All.Select(k => k.Name)));
        foreach (var kind in All)
        {
            var command = new Command(kind.Name, kind.Description) { Format, Out };
            if (kind.ByUnit)
            {
                command.Options.Add(Unit);
            }

            command.SetAction((parse, cancellationToken) => CampaignBotCli.WithStoreAsync(parse, (campaign, stores) => RunAsync(parse, campaign, stores, parse.InvocationConfiguration.Output, cancellationToken), cancellationToken));
            export.Subcommands.Add(command);
        }

        return export;
    }

    public static string UnknownKind(string? kind) =>
        (kind is null ? "要导出什么？" : $"不能导出 '{kind}'。") + $"可导出：{string.Join("、", All.Select(k => k.Name))}。用法：campaignbot export <种类> [--format csv|xlsx] [--out 文件]";

    /// <summary>Runs the export the parsed command line names (its last command is the kind).</summary>
    public static async Task<int> RunAsync(ParseResult parse, CampaignDefinition campaign, StoreBundle stores, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(output);
        var kind = All.FirstOrDefault(k => k.Name == parse.CommandResult.Command.Name) ?? throw new CliException(UnknownKind(parse.CommandResult.Command.Name));
        var format = (parse.GetValue(Format) ?? "csv").ToLowerInvariant();
        string[] formats = kind.OffersJson ? ["csv", "xlsx", "json"] : ["csv", "xlsx"];
        if (!formats.Contains(format))
        {
            throw new CliException($"--format 只能是 {string.Join("、", formats[..^1])} 或 {formats[^1]}，收到 '{format}'。");
        }

        var unit = kind.ByUnit ? parse.GetValue(Unit) : null;
        if (unit is not null && campaign.FindUnit(unit) is null)
        {
            throw new CliException($"单位 '{unit}' 不在活动配置中；可用 export units 查看单位ID。");
        }

        var file = parse.GetValue(Out);
        if (format == "xlsx" && file is null)
        {
            throw new CliException($"xlsx 是二进制文件，请用 --out 指定保存的文件，例如 --out {kind.Name}.xlsx。");
        }

        var data = await kind.BuildAsync(new ExportRequest(campaign, stores, unit), cancellationToken);
        if (file is null)
        {
            await output.WriteAsync(format == "json" ? data.Json : TableWriter.Csv(data.Table));
            return 0;
        }

        var path = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = format switch
        {
            "json" => System.Text.Encoding.UTF8.GetBytes(data.Json ?? "[]"),
            "xlsx" => TableWriter.Instance.Write(data.Table, TableFormat.Xlsx),
            _ => TableWriter.Instance.Write(data.Table, TableFormat.Csv),
        };
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        await parse.InvocationConfiguration.Error.WriteLineAsync($"已导出 {data.Table.Rows.Count} 行到 {path}");
        return 0;
    }

    private static ExportData Data<T>(string name, IReadOnlyList<T> rows, IReadOnlyList<ExportColumn<T>> columns, TimeZoneInfo zone) =>
        new(ExportColumns.Table(name, rows, columns, zone), ExportColumns.Json(rows, columns));

    private static async Task<ExportData> MembersAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var campaign = request.Campaign;
        ExportColumn<Member>[] columns =
        [
            new("id", "成员ID", m => m.Id),
            new("name", "姓名", m => m.Name),
            new("unitId", "单位ID", m => m.UnitId),
            new("unit", "单位", m => campaign.FindUnit(m.UnitId)?.Name),
            new("rank", "职级", m => campaign.FindRank(m.Rank)?.Name ?? m.Rank),
            new("role", "角色", m => campaign.FindRole(m.Role)?.Name ?? m.Role),
            new("channel", "渠道", m => m.Channel),
            new("registeredAt", "注册时间", m => TimeZoneInfo.ConvertTime(m.RegisteredAt, request.Zone)),
        ];
        return Data("成员", await request.Stores.Members.ListAsync(null, cancellationToken), columns, request.Zone);
    }

    private static Task<ExportData> UnitsAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var campaign = request.Campaign;
        ExportColumn<UnitDefinition>[] columns =
        [
            new("id", "单位ID", u => u.Id),
            new("name", "单位", u => u.Name),
            new("kind", "类型", u => campaign.FindUnitKind(u.Kind)?.Name ?? u.Kind),
            new("parentId", "上级单位ID", u => u.ParentId),
            new("start", "开始日期", u => u.Start),
            new("active", "状态", u => u.Active ? "在用" : "已停用"),
        ];
        return Task.FromResult(Data("单位", campaign.Units, columns, request.Zone));
    }

    private static async Task<ExportData> InvitesAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var campaign = request.Campaign;
        ExportColumn<Invite>[] columns =
        [
            new("code", "邀请码", i => i.Code),
            new("unitId", "单位ID", i => i.UnitId),
            new("unit", "单位", i => campaign.FindUnit(i.UnitId)?.Name),
            new("role", "角色", i => campaign.FindRole(i.Role)?.Name ?? i.Role),
            new("name", "姓名", i => i.Name),
            new("rank", "职级", i => i.Rank is { } rank ? campaign.FindRank(rank)?.Name ?? rank : null),
            new("maxUses", "可用次数", i => i.MaxUses),
            new("uses", "已用次数", i => i.Uses),
            new("expiresAt", "有效期至", i => i.ExpiresAt is { } expires ? TimeZoneInfo.ConvertTime(expires, request.Zone) : null),
            new("createdAt", "生成时间", i => TimeZoneInfo.ConvertTime(i.CreatedAt, request.Zone)),
        ];
        return Data("邀请码", await request.Stores.Invites.ListAsync(cancellationToken), columns, request.Zone);
    }

    private static async Task<ExportData> SessionsAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        ExportColumn<Session>[] columns =
        [
            new("key", "会话", s => s.Key),
            new("flow", "流程", s => s.Flow),
            new("state", "步骤", s => s.State),
            new("version", "版本", s => s.Version),
            new("updatedAt", "更新时间", s => TimeZoneInfo.ConvertTime(s.UpdatedAt, request.Zone)),
        ];
        return Data("会话", await request.Stores.Sessions.ListAsync(cancellationToken), columns, request.Zone);
    }
}
