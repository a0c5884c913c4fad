using CampaignBot.Cli;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Organisation;
using CampaignBot.Core.Storage;

namespace CampaignBot.Features.Organisation;

/// <summary>campaignbot units import &lt;units.xlsx|units.csv&gt; [--dry-run].</summary>
public static class UnitsImportCommand
{
    public static async Task<int> RunAsync(CliArguments args, CampaignDefinition campaign, StoreBundle stores, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        var path = args.Word(2) ?? throw new CliException("用法：units import <units.xlsx|units.csv> [--dry-run]（模板见 config/templates/units.xlsx）");
        var sheet = ImportSheet.Read(UnitImport.Fields, SpreadsheetFile.Read(path));
        var now = time.GetUtcNow();
        var plan = UnitImport.Plan(sheet, campaign, await stores.Units.ListAsync(cancellationToken), now);
        if (!plan.IsValid)
        {
            await ImportOutput.RefuseAsync(output, path, sheet, plan.Problems);
            return 1;
        }

        var summary = $"新增 {plan.Added} 个、更新 {plan.Updated} 个、停用 {plan.Deactivated} 个、不变 {plan.Unchanged} 个单位";
        if (args.Has("dry-run"))
        {
            await output.WriteLineAsync($"检查通过（未写入）：将{summary}。");
            return 0;
        }

        await stores.Units.SaveAsync(plan.Changed, cancellationToken);
        await UnitTree.RefreshAsync(campaign, stores.Units, cancellationToken);
        var unlinked = await LinkGroupsAsync(plan.Changed, stores.Chats, now, cancellationToken);
        await output.WriteLineAsync($"已导入：{summary}。");
        foreach (var (unit, group) in unlinked)
        {
            await output.WriteLineAsync($"提示：单位 {unit} 的关联群 “{group}” 机器人还不认识；机器人进群后（或配置群机器人后）再发送 /link。");
        }

        return 0;
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

/// <summary>How an import that is refused reads on the terminal: every problem, with its row and column, then that nothing was written.</summary>
internal static class ImportOutput
{
    public static async Task RefuseAsync(TextWriter output, string path, ImportSheet sheet, IReadOnlyList<ImportProblem> problems)
    {
        await output.WriteLineAsync($"{Path.GetFileName(path)} 有 {problems.Count} 处错误，什么都没有写入：");
        foreach (var problem in problems)
        {
            await output.WriteLineAsync("  " + sheet.Describe(problem));
        }
    }
}
