using CampaignBot.Cli;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Members;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

namespace CampaignBot.Features.Members;

/// <summary>
/// campaignbot members list [--unit u] | set &lt;id&gt; [--name n] [--rank r] [--unit u] | deactivate &lt;id&gt; | activate &lt;id&gt;:
/// the office's people management on the command line, by the same rules as /members and /member in chat.
/// </summary>
public static class MembersCliCommand
{
    public static async Task<int> RunAsync(CliArguments args, CampaignDefinition campaign, IMemberStore members, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(output);
        switch (args.Word(1))
        {
            case "list":
                return await ListAsync(args, campaign, members, output, cancellationToken);
            case "set":
                var changes = new List<MemberChange>();
                foreach (var option in new[] { "name", "rank", "unit" })
                {
                    if (args.Option(option) is { } value)
                    {
                        changes.Add(MemberChanges.Parse(option, value)!);
                    }
                }

                return changes.Count == 0
                    ? throw new CliException("members set 需要 --name、--rank 或 --unit 中的至少一项。")
                    : await ChangeAsync(args, campaign, members, changes, time, output, cancellationToken);
            case "deactivate":
                return await ChangeAsync(args, campaign, members, [new MemberChange.Deactivate()], time, output, cancellationToken);
            case "activate":
                return await ChangeAsync(args, campaign, members, [new MemberChange.Activate()], time, output, cancellationToken);
            default:
                throw new CliException("用法：campaignbot members list [--unit 单位ID] | set <成员ID> [--name 姓名] [--rank 职级] [--unit 单位ID] | deactivate <成员ID> | activate <成员ID>");
        }
    }

    private static async Task<int> ListAsync(CliArguments args, CampaignDefinition campaign, IMemberStore members, TextWriter output, CancellationToken cancellationToken)
    {
        var unitId = args.Option("unit");
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

    private static async Task<int> ChangeAsync(
        CliArguments args, CampaignDefinition campaign, IMemberStore members, IReadOnlyList<MemberChange> changes, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        var id = args.Word(2) ?? throw new CliException("缺少成员ID（例如 telegram:12345；见 members list）。");
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
