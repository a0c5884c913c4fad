using CampaignBot.Core.Features.Organisation;

namespace CampaignBot.Features.Organisation;

/// <summary>campaignbot units import &lt;units.xlsx|units.csv&gt; [--dry-run].</summary>
public static class UnitsImportCommand
{
    /// <summary>campaignbot units import …</summary>
    public static Command Command { get; } = Build();

    private static Command Build()
    {
        var import = ImportFile.Verb("从 XLSX 或 CSV 导入单位树：先整体检查，有错误则什么都不写（模板见 config/templates/units.xlsx）", RunAsync);
        return new Command("units", "单位：从组织部门的表格导入") { import };
    }

    public static Task<int> RunAsync(ImportFile args, CampaignDefinition campaign, StoreBundle stores, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stores);
        return args.RunAsync(UnitImport.Fields, time, output, PlanAsync, WriteAsync);

        async Task<ImportPlanned<UnitImportPlan>> PlanAsync(ImportSheet sheet, DateTimeOffset now)
        {
            var plan = UnitImport.Plan(sheet, campaign, await stores.Units.ListAsync(cancellationToken), now);
            return new(plan, plan.Problems, $"新增 {plan.Added} 个、更新 {plan.Updated} 个、停用 {plan.Deactivated} 个、不变 {plan.Unchanged} 个单位");
        }

        async Task WriteAsync(UnitImportPlan plan, DateTimeOffset now, string summary)
        {
            await stores.Units.SaveAsync(plan.Changed, cancellationToken);
            await UnitTree.RefreshAsync(campaign, stores.Units, cancellationToken);
            var unlinked = await LinkGroupsAsync(plan.Changed, stores.Chats, now, cancellationToken);
            await output.WriteLineAsync($"已导入：{summary}。");
            foreach (var (unit, group) in unlinked)
            {
                await output.WriteLineAsync($"提示：单位 {unit} 的关联群 “{group}” 机器人还不认识；机器人进群后（或配置群机器人后）再发送 /link。");
            }
        }
    }

    /// <summary>Links each changed unit's named group when the bot knows a group by that id or title; returns the ones it could not.</summary>
    private static async Task<List<(string Unit, string Group)>> LinkGroupsAsync(IReadOnlyList<StoredUnit> units, IChatStore chats, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unlinked = new List<(string, string)>();
        var wanted = units.Where(u => u.Active && u.LinkedGroup is not null).ToList();
        if (wanted.Count == 0)
        {
            return unlinked;
        }

        var known = (await chats.ListAsync(cancellationToken)).Where(c => c.Kind == Core.Messaging.ChatKind.Group).ToList();
        foreach (var unit in wanted)
        {
            var chat = known.FirstOrDefault(c => c.ChatId == unit.LinkedGroup) ?? known.FirstOrDefault(c => c.Title == unit.LinkedGroup);
            if (chat is null)
            {
                unlinked.Add((unit.Id, unit.LinkedGroup!));
            }
            else if (chat.UnitId != unit.Id)
            {
                await chats.UpsertAsync(chat with { UnitId = unit.Id, UpdatedAt = now }, cancellationToken);
            }
        }

        return unlinked;
    }
}
