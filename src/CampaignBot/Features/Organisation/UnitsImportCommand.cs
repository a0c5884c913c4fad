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

    public static async Task<int> RunAsync(ImportFile args, CampaignDefinition campaign, StoreBundle stores, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        var sheet = ImportSheet.Read(UnitImport.Fields, SpreadsheetFile.Read(args.File));
        var now = time.GetUtcNow();
        var plan = UnitImport.Plan(sheet, campaign, await stores.Units.ListAsync(cancellationToken), now);
        var summary = $"新增 {plan.Added} 个、更新 {plan.Updated} 个、停用 {plan.Deactivated} 个、不变 {plan.Unchanged} 个单位";
        if (await ImportOutput.StopBeforeWritingAsync(output, args, sheet, plan.Problems, summary) is { } exitCode)
        {
            return exitCode;
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

/// <summary>What an import says on the terminal before it writes: a refusal with every problem, or what a dry run would do.</summary>
internal static class ImportOutput
{
    /// <summary>
    /// The exit code when the import stops here: 1 after listing every problem (row and column) and that nothing was
    /// written, 0 after a dry run's "would do <paramref name="summary"/>"; null when the import goes on to write.
    /// </summary>
    public static async Task<int?> StopBeforeWritingAsync(TextWriter output, ImportFile args, ImportSheet sheet, IReadOnlyList<ImportProblem> problems, string summary)
    {
        if (problems.Count > 0)
        {
            await output.WriteLineAsync($"{Path.GetFileName(args.File)} 有 {problems.Count} 处错误，什么都没有写入：");
            foreach (var problem in problems)
            {
                await output.WriteLineAsync("  " + sheet.Describe(problem));
            }

            return 1;
        }

        if (args.DryRun)
        {
            await output.WriteLineAsync($"检查通过（未写入）：将{summary}。");
            return 0;
        }

        return null;
    }
}

/// <summary>The file an import reads and whether it only checks (--dry-run): the two verbs share them.</summary>
public sealed record ImportFile(string File, bool DryRun)
{
    public static readonly Argument<string> PathArgument = new("文件") { Description = "要导入的 .xlsx 或 .csv 文件（第 1 行是表头）" };

    public static readonly Option<bool> DryRunOption = new("--dry-run") { Description = "只检查，列出每一处错误，不写入" };

    public static ImportFile Of(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new ImportFile(parse.GetValue(PathArgument) ?? throw new CliException("缺少要导入的文件。"), parse.GetValue(DryRunOption));
    }

    /// <summary>An "import &lt;file&gt; [--dry-run]" verb that opens the campaign and the store and runs the import.</summary>
    public static Command Verb(string description, Func<ImportFile, CampaignDefinition, StoreBundle, TimeProvider, TextWriter, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var import = new Command("import", description) { PathArgument, DryRunOption };
        import.SetAction((parse, cancellationToken) => CampaignBotCli.WithStoreAsync(
            parse, (campaign, stores) => run(Of(parse), campaign, stores, TimeProvider.System, parse.InvocationConfiguration.Output, cancellationToken), cancellationToken));
        return import;
    }
}
