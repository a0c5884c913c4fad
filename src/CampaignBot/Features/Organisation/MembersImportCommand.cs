using CampaignBot.Core.Features.Organisation;
using CampaignBot.Features.Registration;

namespace CampaignBot.Features.Organisation;

/// <summary>campaignbot members import &lt;members.xlsx|members.csv&gt; [--dry-run].</summary>
public static class MembersImportCommand
{
    /// <summary>campaignbot members import …: a verb of the members command (people management), beside list, set and deactivate.</summary>
    public static Command Import { get; } =
        ImportFile.Verb("从 XLSX 或 CSV 导入成员：企业微信成员按账号直接登记，其他人各得一个个人邀请码（模板见 config/templates/members.xlsx）", RunAsync);

    public static Task<int> RunAsync(ImportFile args, CampaignDefinition campaign, StoreBundle stores, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stores);
        return args.RunAsync(MemberImport.Fields, time, output, PlanAsync, WriteAsync);

        async Task<ImportPlanned<MemberImportPlan>> PlanAsync(ImportSheet sheet, DateTimeOffset now)
        {
            var plan = MemberImport.Plan(
                sheet,
                campaign,
                await stores.Roster.ListAsync(null, cancellationToken),
                await stores.Members.ListAsync(null, cancellationToken),
                await stores.Invites.ListAsync(cancellationToken),
                InviteCodes.NewCode,
                now);
            return new(
                plan,
                plan.Problems,
                $"新增 {plan.Added} 人、更新 {plan.Updated} 人、不变 {plan.Unchanged} 人；企业微信成员直接登记 {plan.Members.Count} 人，新发个人邀请码 {plan.NewInvites.Count} 个");
        }

        async Task WriteAsync(MemberImportPlan plan, DateTimeOffset now, string summary)
        {
            await MemberImport.ApplyAsync(plan, stores.Invites, stores.Members, stores.Roster, now, cancellationToken);
            await output.WriteLineAsync($"已导入：{summary}。个人邀请码用 export invites 导出后发给本人。");
        }
    }
}
