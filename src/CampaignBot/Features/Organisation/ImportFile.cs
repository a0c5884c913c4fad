using CampaignBot.Core.Features.Organisation;

namespace CampaignBot.Features.Organisation;

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

    /// <summary>
    /// The steps every import takes: read the file by <paramref name="fields"/>, plan the whole of it, then list every
    /// problem (row and column) and write nothing (exit 1), or on a dry run say what it would do (exit 0), or write the
    /// plan with <paramref name="write"/> (exit 0).
    /// </summary>
    public async Task<int> RunAsync<TPlan>(
        IReadOnlyList<SheetField> fields,
        TimeProvider time,
        TextWriter output,
        Func<ImportSheet, DateTimeOffset, Task<ImportPlanned<TPlan>>> plan,
        Func<TPlan, DateTimeOffset, string, Task> write)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(write);
        var sheet = ImportSheet.Read(fields, SpreadsheetFile.Read(File));
        var now = time.GetUtcNow();
        var planned = await plan(sheet, now);
        if (planned.Problems.Count > 0)
        {
            await output.WriteLineAsync($"{Path.GetFileName(File)} 有 {planned.Problems.Count} 处错误，什么都没有写入：");
            foreach (var problem in planned.Problems)
            {
                await output.WriteLineAsync("  " + sheet.Describe(problem));
            }

            return 1;
        }

        if (DryRun)
        {
            await output.WriteLineAsync($"检查通过（未写入）：将{planned.Summary}。");
            return 0;
        }

        await write(planned.Plan, now, planned.Summary);
        return 0;
    }
}

/// <summary>What an import would write, the problems that stop it, and what it says it does ("新增 3 个、……").</summary>
public sealed record ImportPlanned<TPlan>(TPlan Plan, IReadOnlyList<ImportProblem> Problems, string Summary);
