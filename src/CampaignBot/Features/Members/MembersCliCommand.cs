using CampaignBot.Core.Features.Members;

namespace CampaignBot.Features.Members;

/// <summary>
/// campaignbot members list [--unit u] | set &lt;id&gt; [--name n] [--rank r] [--unit u] [--lang zh|en] | deactivate &lt;id&gt; | activate &lt;id&gt;:
/// the office's people management on the command line, by the same rules as /members and /member in chat.
/// </summary>
public static class MembersCliCommand
{
    private static readonly Option<string> ListUnit = new("--unit") { Description = "只列这个单位（单位ID）", HelpName = "单位ID" };
    private static readonly Option<string> Name = new("--name") { Description = "新的姓名", HelpName = "姓名" };
    private static readonly Option<string> Rank = new("--rank") { Description = "新的职级（代号或名称）", HelpName = "职级" };
    private static readonly Option<string> Unit = new("--unit") { Description = "调到这个单位（单位ID）", HelpName = "单位ID" };
    private static readonly Option<string> Lang = new("--lang") { Description = "成员阅读的语言：zh 或 en（企业微信不告知客户端语言时使用）", HelpName = "语言" };
    private static readonly Argument<string> Id = new("成员ID") { Description = "成员ID，形如 telegram:12345（见 members list）" };

    /// <summary>campaignbot members …</summary>
    public static Command Command { get; } = Build();

    private static Command Build()
    {
        var list = new Command("list", "列出成员：ID、姓名、单位、职级、角色、是否停用") { ListUnit };
        list.SetAction((parse, ct) => CampaignBotCli.WithStoreAsync(parse, (campaign, stores) => ListAsync(parse.GetValue(ListUnit), campaign, stores.Members, parse.InvocationConfiguration.Output, ct), ct));

        var set = new Command("set", "修改成员的姓名、职级、单位或语言") { Id, Name, Rank, Unit, Lang };
        set.SetAction((parse, ct) => CampaignBotCli.WithStoreAsync(parse, (campaign, stores) => SetAsync(parse, campaign, stores.Members, parse.InvocationConfiguration.Output, ct), ct));

        var deactivate = new Command("deactivate", "停用成员：记录保留，不能再办理事项、不再收到提醒") { Id };
        deactivate.SetAction((parse, ct) => CampaignBotCli.WithStoreAsync(parse, (campaign, stores) => ChangeAsync(parse.GetValue(Id)!, campaign, stores.Members, [new MemberChange.Deactivate()], TimeProvider.System, parse.InvocationConfiguration.Output, ct), ct));

        var activate = new Command("activate", "恢复已停用的成员") { Id };
        activate.SetAction((parse, ct) => CampaignBotCli.WithStoreAsync(parse, (campaign, stores) => ChangeAsync(parse.GetValue(Id)!, campaign, stores.Members, [new MemberChange.Activate()], TimeProvider.System, parse.InvocationConfiguration.Output, ct), ct));

        return new Command("members", "成员管理：列出、修改、停用、恢复、从表格导入") { list, set, deactivate, activate };
    }

    public static async Task<int> ListAsync(string? unitId, CampaignDefinition campaign, IMemberStore members, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(output);
        if (unitId is not null && campaign.FindUnit(unitId) is null)
        {
            throw new CliException($"单位 '{unitId}' 不在活动配置中。");
        }

        foreach (var member in await members.ListAsync(unitId, cancellationToken))
        {
            var state = member.IsActive ? "在用" : "已停用";
            await output.WriteLineAsync($"{member.Id}\t{MemberChanges.Describe(member, campaign).Replace(" · ", "\t", StringComparison.Ordinal)}\t{state}");
        }

        return 0;
    }

    private static Task<int> SetAsync(ParseResult parse, CampaignDefinition campaign, IMemberStore members, TextWriter output, CancellationToken cancellationToken)
    {
        var changes = new List<MemberChange>();
        foreach (var (option, verb) in new[] { (Name, "name"), (Rank, "rank"), (Unit, "unit") })
        {
            if (parse.GetValue(option) is { } value)
            {
                changes.Add(MemberChanges.Parse(verb, value)!);
            }
        }

        if (parse.GetValue(Lang) is { } language)
        {
            changes.Add(new MemberChange.SetLanguage(language));
        }

        return changes.Count == 0
            ? throw new CliException("members set 需要 --name、--rank、--unit 或 --lang 中的至少一项。")
            : ChangeAsync(parse.GetValue(Id)!, campaign, members, changes, TimeProvider.System, output, cancellationToken);
    }

    public static async Task<int> ChangeAsync(
        string id, CampaignDefinition campaign, IMemberStore members, IReadOnlyList<MemberChange> changes, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        var member = await members.GetAsync(id, cancellationToken) ?? throw new CliException($"没有成员 '{id}'（成员ID 形如 telegram:12345，见 members list）。");
        var changed = member;
        foreach (var change in changes)
        {
            var (next, problem) = MemberChanges.Apply(changed, change, campaign, time.GetUtcNow());
            changed = next ?? throw new CliException(problem!.In(Language.Chinese));
        }

        await members.UpsertAsync(changed, cancellationToken);
        await output.WriteLineAsync($"{changed.Id}\t{MemberChanges.Describe(changed, campaign)}\t{(changed.IsActive ? "在用" : "已停用")}");
        return 0;
    }
}
