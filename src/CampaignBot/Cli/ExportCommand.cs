using System.Text;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Storage;

namespace CampaignBot.Cli;

/// <summary>campaignbot export &lt;members|units|invites|sessions&gt; [--format csv|json] [--out file].</summary>
public static class ExportCommand
{
    public static readonly IReadOnlyList<string> Kinds = ["members", "units", "invites", "sessions"];

    public static async Task<int> RunAsync(CliArguments args, CampaignDefinition campaign, StoreBundle stores, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(output);
        var kind = args.Word(1) ?? throw new CliException("要导出什么？用法：export <" + string.Join("|", Kinds) + "> [--format csv|json] [--out 文件]");
        var format = (args.Option("format") ?? "csv").ToLowerInvariant();
        if (format is not ("csv" or "json"))
        {
            throw new CliException($"--format 只能是 csv 或 json，收到 '{format}'。");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(campaign.TimeZone);
        var text = kind.ToLowerInvariant() switch
        {
            "members" => Render(await stores.Members.ListAsync(null, cancellationToken), MemberColumns(campaign, zone), format),
            "units" => Render(campaign.Units, UnitColumns(campaign), format),
            "invites" => Render(await stores.Invites.ListAsync(cancellationToken), InviteColumns(campaign, zone), format),
            "sessions" => Render(await stores.Sessions.ListAsync(cancellationToken), SessionColumns(zone), format),
            _ => throw new CliException($"不能导出 '{kind}'。可导出：{string.Join("、", Kinds)}。"),
        };

        if (args.Option("out") is { } file)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            Directory.CreateDirectory(folder!);
            // A byte order mark lets spreadsheet programs read the Chinese text of a CSV correctly.
            await File.WriteAllTextAsync(file, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: format == "csv"), cancellationToken);
            await Console.Error.WriteLineAsync($"已导出到 {Path.GetFullPath(file)}");
        }
        else
        {
            await output.WriteAsync(text);
        }

        return 0;
    }

    private static string Render<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string format) =>
        format == "json" ? TableExport.ToJson(rows, columns) : TableExport.ToCsv(rows, columns);

    private static ExportColumn<Member>[] MemberColumns(CampaignDefinition campaign, TimeZoneInfo zone) =>
    [
        new("id", "成员ID", m => m.Id),
        new("name", "姓名", m => m.Name),
        new("unitId", "单位ID", m => m.UnitId),
        new("unit", "单位", m => campaign.FindUnit(m.UnitId)?.Name),
        new("rank", "职级", m => campaign.FindRank(m.Rank)?.Name ?? m.Rank),
        new("role", "角色", m => campaign.FindRole(m.Role)?.Name ?? m.Role),
        new("channel", "渠道", m => m.Channel),
        new("registeredAt", "注册时间", m => TimeZoneInfo.ConvertTime(m.RegisteredAt, zone)),
    ];

    private static ExportColumn<UnitDefinition>[] UnitColumns(CampaignDefinition campaign) =>
    [
        new("id", "单位ID", u => u.Id),
        new("name", "单位", u => u.Name),
        new("kind", "类型", u => campaign.FindUnitKind(u.Kind)?.Name ?? u.Kind),
        new("parentId", "上级单位ID", u => u.ParentId),
        new("start", "开始日期", u => u.Start),
        new("active", "状态", u => u.Active ? "在用" : "已停用"),
    ];

    private static ExportColumn<Invite>[] InviteColumns(CampaignDefinition campaign, TimeZoneInfo zone) =>
    [
        new("code", "邀请码", i => i.Code),
        new("unitId", "单位ID", i => i.UnitId),
        new("unit", "单位", i => campaign.FindUnit(i.UnitId)?.Name),
        new("role", "角色", i => campaign.FindRole(i.Role)?.Name ?? i.Role),
        new("name", "姓名", i => i.Name),
        new("rank", "职级", i => i.Rank is { } rank ? campaign.FindRank(rank)?.Name ?? rank : null),
        new("maxUses", "可用次数", i => i.MaxUses),
        new("uses", "已用次数", i => i.Uses),
        new("expiresAt", "有效期至", i => i.ExpiresAt is { } expires ? TimeZoneInfo.ConvertTime(expires, zone) : null),
        new("createdAt", "生成时间", i => TimeZoneInfo.ConvertTime(i.CreatedAt, zone)),
    ];

    private static ExportColumn<Session>[] SessionColumns(TimeZoneInfo zone) =>
    [
        new("key", "会话", s => s.Key),
        new("flow", "流程", s => s.Flow),
        new("state", "步骤", s => s.State),
        new("version", "版本", s => s.Version),
        new("updatedAt", "更新时间", s => TimeZoneInfo.ConvertTime(s.UpdatedAt, zone)),
    ];
}
