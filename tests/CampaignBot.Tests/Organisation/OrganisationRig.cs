using CampaignBot.Core.Features.Organisation;
using CampaignBot.Features.Organisation;
using CampaignBot.Tests.Configuration;

namespace CampaignBot.Tests.Organisation;

/// <summary>The import verbs over the host's SQLite file and the shipped campaign, with small files written per test.</summary>
internal sealed class OrganisationRig : IDisposable
{
    public static readonly string[] UnitHeaders = ["单位ID", "单位名称", "类型", "上级单位ID", "开始日期或天数"];

    public static readonly string[] MemberHeaders = ["姓名", "单位ID", "职级", "角色", "手机号", "企业微信账号", "Telegram用户名", "流入地单位ID"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-org-tests", Guid.NewGuid().ToString("N"));

    public BotUnderTest Bot { get; } = new();

    /// <summary>The campaign as a verb sees it: the shipped file with the stored units merged in (reloaded per call, like a new process).</summary>
    public async Task<CampaignDefinition> CampaignAsync()
    {
        var campaign = CampaignFiles.LoadShipped();
        await UnitTree.RefreshAsync(campaign, (await Bot.StoresAsync()).Units, CancellationToken.None);
        return campaign;
    }

    public string File(string name, IReadOnlyList<string> headers, params IReadOnlyList<object?>[] rows)
    {
        var path = Path.Combine(_folder, name);
        SpreadsheetFile.Write(path, headers, rows);
        return path;
    }

    public Task<(int Code, string Output)> ImportUnitsAsync(string path, bool dryRun = false) =>
        RunAsync((campaign, stores, output) => UnitsImportCommand.RunAsync(Args("units", path, dryRun), campaign, stores, TimeProvider.System, output, CancellationToken.None));

    public Task<(int Code, string Output)> ImportMembersAsync(string path, bool dryRun = false) =>
        RunAsync((campaign, stores, output) => MembersImportCommand.RunAsync(Args("members", path, dryRun), campaign, stores, TimeProvider.System, output, CancellationToken.None));

    public async Task<StoreBundle> StoresAsync() => await Bot.StoresAsync();

    public void Dispose()
    {
        Bot.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static ImportFile Args(string noun, string path, bool dryRun)
    {
        // Through the real parser, so the verbs' words and option are what the tests use.
        var parse = CampaignBotCli.Parse(dryRun ? [noun, "import", path, "--dry-run"] : [noun, "import", path]);
        Assert.Empty(parse.Errors);
        return ImportFile.Of(parse);
    }

    private async Task<(int, string)> RunAsync(Func<CampaignDefinition, StoreBundle, TextWriter, Task<int>> verb)
    {
        var output = new StringWriter();
        var code = await verb(await CampaignAsync(), await Bot.StoresAsync(), output);
        return (code, output.ToString());
    }
}
