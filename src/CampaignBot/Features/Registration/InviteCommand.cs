namespace CampaignBot.Features.Registration;

/// <summary>
/// campaignbot invite create --unit &lt;unit-id&gt; --role &lt;role&gt; [--uses N] [--expires yyyy-MM-dd] [--rank r | --max-rank r]:
/// the office's way to onboard people; invite revoke &lt;code&gt; stops a code.
/// </summary>
public static class InviteCommand
{
    public const int MaxUses = 10_000;

    private static readonly Option<string> Unit = new("--unit") { Description = "邀请加入的单位（单位ID，见 export units）", HelpName = "单位ID" };
    private static readonly Option<string> Role = new("--role") { Description = "角色代号：member 党员（默认）、secretary 书记、supervisor 督导组、office 活动办", HelpName = "角色" };
    private static readonly Option<string> Uses = new("--uses") { Description = $"可用次数，1 到 {MaxUses}（默认 1）", HelpName = "N" };
    private static readonly Option<string> Expires = new("--expires") { Description = "有效期至这一天结束（活动时区），例如 2027-03-31", HelpName = "yyyy-MM-dd" };
    private static readonly Option<string> Rank = new("--rank") { Description = "固定职级：注册时只能选这一个（职级代号，如 ordinary）", HelpName = "职级" };
    private static readonly Option<string> MaxRank = new("--max-rank") { Description = "最高职级：注册时只能选它及以下（如 section，村里不能选县处级）", HelpName = "职级" };
    private static readonly Argument<string> Code = new("邀请码") { Description = "要收回的邀请码" };

    /// <summary>campaignbot invite create …</summary>
    public static Command Command { get; } = Build();

    private static Command Build()
    {
        var create = new Command("create", "生成邀请码，打印到标准输出") { Unit, Role, Uses, Expires, Rank, MaxRank };
        create.SetAction((parse, cancellationToken) => CampaignBotCli.WithStoreAsync(
            parse, (campaign, stores) => CreateAsync(parse, campaign, stores.Invites, TimeProvider.System, parse.InvocationConfiguration.Output, cancellationToken), cancellationToken));
        var revoke = new Command("revoke", "收回邀请码：不能再用于注册，已注册的成员不受影响") { Code };
        revoke.SetAction((parse, cancellationToken) => CampaignBotCli.WithStoreAsync(
            parse, (_, stores) => RevokeAsync(parse, stores.Invites, TimeProvider.System, parse.InvocationConfiguration.Output, cancellationToken), cancellationToken));
        return new Command("invite", "邀请码：成员凭邀请码注册，邀请码决定单位和角色（也可固定或限制职级）") { create, revoke };
    }

    public static async Task<int> CreateAsync(ParseResult args, CampaignDefinition campaign, IInviteStore invites, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(invites);
        ArgumentNullException.ThrowIfNull(output);
        var unitId = args.GetValue(Unit) ?? throw new CliException("缺少 --unit <单位ID>。可用单位：" + string.Join("、", campaign.Units.Select(u => u.Id)));
        var unit = campaign.FindUnit(unitId) ?? throw new CliException($"单位 '{unitId}' 不在活动配置中。可用单位：" + string.Join("、", campaign.Units.Select(u => u.Id)));
        var roleCode = args.GetValue(Role) ?? Roles.Member;
        var role = campaign.FindRole(roleCode) ?? throw new CliException($"角色 '{roleCode}' 不存在。可用角色：" + string.Join("、", campaign.Roles.Select(r => $"{r.Code}（{r.Name}）")));
        var uses = ParseUses(args.GetValue(Uses));
        var (rank, maxRank) = ParseRank(args, campaign);
        var now = time.GetUtcNow();
        var expires = ParseExpiry(args.GetValue(Expires), campaign, now);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var invite = new Invite { Code = InviteCodes.NewCode(), UnitId = unit.Id, Role = role.Code, MaxUses = uses, ExpiresAt = expires, CreatedAt = now, Rank = rank, MaxRank = maxRank };
            if (await invites.CreateAsync(invite, cancellationToken))
            {
                await output.WriteLineAsync(invite.Code);
                var until = expires is { } e ? e.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) : "长期有效";
                var ranks = string.Join("、", invite.AllowedRanks(campaign).Select(r => r.Name));
                await args.InvocationConfiguration.Error.WriteLineAsync($"已生成邀请码 {invite.Code}：单位 {unit.Name}（{unit.Id}），角色 {role.Name}，职级 {ranks}，可用 {uses} 次，有效期至 {until}。");
                return 0;
            }
        }

        throw new CliException("生成邀请码时连续重复，请重试。");
    }

    /// <summary>campaignbot invite revoke &lt;code&gt;: the code can no longer be redeemed; members who used it stay.</summary>
    public static async Task<int> RevokeAsync(ParseResult args, IInviteStore invites, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(invites);
        ArgumentNullException.ThrowIfNull(output);
        var code = args.GetValue(Code)?.Trim().ToUpperInvariant() ?? throw new CliException("用法：campaignbot invite revoke <邀请码>");
        if (!await invites.RevokeAsync(code, time.GetUtcNow(), cancellationToken))
        {
            throw new CliException($"邀请码 '{code}' 不存在或已收回。");
        }

        await output.WriteLineAsync($"邀请码 {code} 已收回。");
        return 0;
    }

    /// <summary>--rank fixes the rank (the member does not choose); --max-rank caps it (ranks are listed highest first in campaign.yaml).</summary>
    private static (string? Rank, string? MaxRank) ParseRank(ParseResult args, CampaignDefinition campaign)
    {
        string? Find(Option<string> option) => args.GetValue(option) is { } given
            ? campaign.Ranks.FirstOrDefault(r => r.Code.Equals(given, StringComparison.OrdinalIgnoreCase) || r.Name == given)?.Code
                ?? throw new CliException($"{option.Name} '{given}' 不是职级。可用职级：" + string.Join("、", campaign.Ranks.Select(r => $"{r.Code}（{r.Name}）")))
            : null;

        var rank = Find(Rank);
        var maxRank = Find(MaxRank);
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
