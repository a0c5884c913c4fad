using System.Globalization;
using CampaignBot.Cli;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Storage;

namespace CampaignBot.Features.Registration;

/// <summary>campaignbot invite create --unit &lt;unit-id&gt; --role &lt;role&gt; [--uses N] [--expires yyyy-MM-dd] [--rank r | --max-rank r], and invite revoke &lt;code&gt;.</summary>
public static class InviteCommand
{
    public const int MaxUses = 10_000;

    public static async Task<int> CreateAsync(CliArguments args, CampaignDefinition campaign, IInviteStore invites, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(invites);
        ArgumentNullException.ThrowIfNull(output);
        var unitId = args.Option("unit") ?? throw new CliException("缺少 --unit <单位ID>。可用单位：" + string.Join("、", campaign.Units.Select(u => u.Id)));
        var unit = campaign.FindUnit(unitId) ?? throw new CliException($"单位 '{unitId}' 不在活动配置中。可用单位：" + string.Join("、", campaign.Units.Select(u => u.Id)));
        var roleCode = args.Option("role") ?? Roles.Member;
        var role = campaign.FindRole(roleCode) ?? throw new CliException($"角色 '{roleCode}' 不存在。可用角色：" + string.Join("、", campaign.Roles.Select(r => $"{r.Code}（{r.Name}）")));
        var uses = ParseUses(args.Option("uses"));
        var (rank, maxRank) = ParseRank(args, campaign);
        var now = time.GetUtcNow();
        var expires = ParseExpiry(args.Option("expires"), campaign, now);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var invite = new Invite { Code = InviteCodes.NewCode(), UnitId = unit.Id, Role = role.Code, MaxUses = uses, ExpiresAt = expires, CreatedAt = now, Rank = rank, MaxRank = maxRank };
            if (await invites.CreateAsync(invite, cancellationToken))
            {
                await output.WriteLineAsync(invite.Code);
                var until = expires is { } e ? e.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) : "长期有效";
                var ranks = string.Join("、", invite.AllowedRanks(campaign).Select(r => r.Name));
                await Console.Error.WriteLineAsync($"已生成邀请码 {invite.Code}：单位 {unit.Name}（{unit.Id}），角色 {role.Name}，职级 {ranks}，可用 {uses} 次，有效期至 {until}。");
                return 0;
            }
        }

        throw new CliException("生成邀请码时连续重复，请重试。");
    }

    /// <summary>campaignbot invite revoke &lt;code&gt;: the code can no longer be redeemed; members who used it stay.</summary>
    public static async Task<int> RevokeAsync(CliArguments args, IInviteStore invites, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(invites);
        ArgumentNullException.ThrowIfNull(output);
        var code = args.Word(2)?.Trim().ToUpperInvariant() ?? throw new CliException("用法：campaignbot invite revoke <邀请码>");
        if (!await invites.RevokeAsync(code, time.GetUtcNow(), cancellationToken))
        {
            throw new CliException($"邀请码 '{code}' 不存在或已收回。");
        }

        await output.WriteLineAsync($"邀请码 {code} 已收回。");
        return 0;
    }

    /// <summary>--rank fixes the rank (the member does not choose); --max-rank caps it (ranks are listed highest first in campaign.yaml).</summary>
    private static (string? Rank, string? MaxRank) ParseRank(CliArguments args, CampaignDefinition campaign)
    {
        string? Find(string option) => args.Option(option) is { } given
            ? campaign.Ranks.FirstOrDefault(r => r.Code.Equals(given, StringComparison.OrdinalIgnoreCase) || r.Name == given)?.Code
                ?? throw new CliException($"--{option} '{given}' 不是职级。可用职级：" + string.Join("、", campaign.Ranks.Select(r => $"{r.Code}（{r.Name}）")))
            : null;

        var rank = Find("rank");
        var maxRank = Find("max-rank");
        return rank is not null && maxRank is not null ? throw new CliException("--rank 与 --max-rank 只能选一个。") : (rank, maxRank);
    }

    private static int ParseUses(string? text)
    {
        if (text is null)
        {
            return 1;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var uses) && uses is >= 1 and <= MaxUses
            ? uses
            : throw new CliException($"--uses 应为 1 到 {MaxUses} 之间的整数，收到 '{text}'。");
    }

    /// <summary>A date means the end of that day in the campaign's time zone.</summary>
    private static DateTimeOffset? ParseExpiry(string? text, CampaignDefinition campaign, DateTimeOffset now)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CliException($"--expires 应为日期，例如 2027-03-31，收到 '{text}'。");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(campaign.TimeZone);
        var local = date.ToDateTime(new TimeOnly(23, 59, 59));
        var expires = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return expires > now ? expires : throw new CliException($"--expires {text} 已经过去了。");
    }
}
