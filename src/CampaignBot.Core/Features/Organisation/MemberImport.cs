using System.Text.RegularExpressions;

namespace CampaignBot.Core.Features.Organisation;

/// <summary>What a member import would do (or did).</summary>
public sealed record MemberImportPlan(
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<RosterEntry> Entries,
    IReadOnlyList<Member> Members,
    IReadOnlyList<Invite> NewInvites,
    IReadOnlyList<string> RevokedInvites,
    int Added,
    int Updated,
    int Unchanged)
{
    public bool IsValid => Problems.Count == 0;

    public bool ChangesNothing => Entries.Count == 0 && Members.Count == 0 && NewInvites.Count == 0 && RevokedInvites.Count == 0;
}

/// <summary>
/// A member import (members.xlsx): name, unit, rank, role, and one of phone / WeCom userid / Telegram username; a host
/// unit for mobile members (流入地). Members with a WeCom userid are registered at once (WeCom names them on their first
/// message); the others get a personal one-use invite code that fixes unit, role, name and rank. Importing the same file
/// again changes nothing.
/// </summary>
public static partial class MemberImport
{
    public const string Name = "name";
    public const string Unit = "unit";
    public const string HostUnit = "host";
    public const string Rank = "rank";
    public const string Role = "role";
    public const string Phone = "phone";
    public const string WeCom = "wecom";
    public const string Telegram = "telegram";

    public static readonly IReadOnlyList<SheetField> Fields =
    [
        new(Name, "姓名", true, "姓名", "name"),
        new(Unit, "单位ID", true, "单位ID", "unit", "单位", "unit_id", "所在单位", "流出地"),
        new(Rank, "职级", true, "职级", "rank"),
        new(Role, "角色", false, "角色", "role"),
        new(Phone, "手机号", false, "手机号", "phone", "手机", "电话"),
        new(WeCom, "企业微信账号", false, "企业微信账号", "wecom", "userid", "wecom_userid", "企业微信userid"),
        new(Telegram, "Telegram用户名", false, "Telegram用户名", "telegram", "telegram_username"),
        new(HostUnit, "流入地单位ID", false, "流入地单位ID", "host_unit", "流入地", "流入地单位"),
    ];

    public static MemberImportPlan Plan(
        ImportSheet sheet,
        CampaignDefinition campaign,
        IReadOnlyList<RosterEntry> roster,
        IReadOnlyList<Member> members,
        IReadOnlyList<Invite> invites,
        Func<string> newCode,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(newCode);
        var problems = new List<ImportProblem>(sheet.Problems);
        if (problems.Count == 0 && sheet.Rows.Count == 0)
        {
            problems.Add(new ImportProblem(1, null, "文件里没有成员（表头下面是空的）。"));
        }

        var unitsByName = campaign.Units.Where(u => u.Active).GroupBy(u => u.Name).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = new List<RosterEntry>();
        foreach (var row in problems.Count == 0 ? sheet.Rows : [])
        {
            if (Read(row, campaign, unitsByName, keys, problems, now) is { } entry)
            {
                read.Add(entry);
            }
        }

        if (problems.Count > 0)
        {
            return new MemberImportPlan([.. problems.OrderBy(p => p.Row)], [], [], [], [], 0, 0, 0);
        }

        var rosterByKey = roster.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var membersById = members.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var invitesByCode = invites.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var taken = new HashSet<string>(invitesByCode.Keys, StringComparer.Ordinal);
        var entries = new ImportTally<RosterEntry>();
        var changedMembers = new List<Member>();
        var newInvites = new List<Invite>();
        var revoked = new List<string>();
        foreach (var row in read)
        {
            var before = rosterByKey.GetValueOrDefault(row.Key);
            var entry = row with { InviteCode = before?.InviteCode, Source = before?.Source ?? row.Source };
            var memberId = entry.WeComUserId is { } userId ? Member.IdFor("wecom", userId)
                : entry.InviteCode is { } code && invitesByCode.TryGetValue(code, out var used) && used.RedeemedBy.Count > 0 ? used.RedeemedBy[0]
                : null;
            if (memberId is not null)
            {
                var existing = membersById.GetValueOrDefault(memberId);
                var member = Registered(entry, memberId, existing, now);
                if (existing is null || existing != member)
                {
                    changedMembers.Add(member);
                }
            }
            else if (entry.WeComUserId is null)
            {
                // Not registered yet: the personal code must fix what the import says now, so a changed entry gets a new code.
                var current = entry.InviteCode is { } code2 ? invitesByCode.GetValueOrDefault(code2) : null;
                if (current is null || !Fixes(current, entry) || current.RevokedAt is not null || current.ExpiresAt is { } ended && ended <= now)
                {
                    if (current is { RevokedAt: null })
                    {
                        revoked.Add(current.Code);
                    }

                    var invite = PersonalInvite(entry, UniqueCode(newCode, taken), now);
                    newInvites.Add(invite);
                    entry = entry with { InviteCode = invite.Code };
                }
            }

            entries.Count(before, entry);
        }

        return new MemberImportPlan([], entries.Changed, changedMembers, newInvites, revoked, entries.Added, entries.Updated, entries.Unchanged);
    }

    /// <summary>Writes a valid plan: invites first (so no roster entry names a code that is not there), then members and the roster.</summary>
    public static async Task ApplyAsync(MemberImportPlan plan, IInviteStore invites, IMemberStore members, IRosterStore roster, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(invites);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(roster);
        if (!plan.IsValid)
        {
            throw new InvalidOperationException("An import with problems is not written.");
        }

        foreach (var code in plan.RevokedInvites)
        {
            await invites.RevokeAsync(code, now, cancellationToken);
        }

        foreach (var invite in plan.NewInvites)
        {
            if (!await invites.CreateAsync(invite, cancellationToken))
            {
                throw new InvalidOperationException($"Invite code {invite.Code} exists already.");
            }
        }

        foreach (var member in plan.Members)
        {
            await members.UpsertAsync(member, cancellationToken);
        }

        await roster.SaveAsync(plan.Entries, cancellationToken);
    }

    /// <summary>The member record an entry stands for: a new one registered now, or the existing one with the import's facts.</summary>
    public static Member Registered(RosterEntry entry, string memberId, Member? existing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var channelAndUser = memberId.Split(':', 2);
        return existing is null
            ? new Member
            {
                Id = memberId,
                Channel = channelAndUser[0],
                UserId = channelAndUser.Length > 1 ? channelAndUser[1] : memberId,
                Name = entry.Name,
                Rank = entry.Rank,
                UnitId = entry.UnitId,
                HostUnitId = entry.HostUnitId,
                Role = entry.Role,
                RegisteredAt = now,
            }
            : existing with { Name = entry.Name, Rank = entry.Rank, UnitId = entry.UnitId, HostUnitId = entry.HostUnitId, Role = entry.Role };
    }

    private static bool Fixes(Invite invite, RosterEntry entry) =>
        invite.UnitId == entry.UnitId && invite.Role == entry.Role && invite.Rank == entry.Rank && invite.Name == entry.Name && invite.MaxUses == 1;

    private static Invite PersonalInvite(RosterEntry entry, string code, DateTimeOffset now) => new()
    {
        Code = code,
        UnitId = entry.UnitId,
        Role = entry.Role,
        MaxUses = 1,
        CreatedAt = now,
        Name = entry.Name,
        Rank = entry.Rank,
    };

    private static string UniqueCode(Func<string> newCode, HashSet<string> taken)
    {
        while (true)
        {
            var code = newCode();
            if (taken.Add(code))
            {
                return code;
            }
        }
    }

    private static RosterEntry? Read(SheetRow row, CampaignDefinition campaign, Dictionary<string, UnitDefinition> unitsByName, Dictionary<string, int> keys, List<ImportProblem> problems, DateTimeOffset now)
    {
        var count = problems.Count;
        var name = row[Name];
        if (name is null)
        {
            problems.Add(new ImportProblem(row.Number, Name, "姓名不能为空。"));
        }
        else if (name.Length > RegistrationFlow.MaxNameLength || name.Any(char.IsControl) || name.StartsWith('/'))
        {
            problems.Add(new ImportProblem(row.Number, Name, $"姓名不能超过 {RegistrationFlow.MaxNameLength} 个字，也不能有不可见字符或以 / 开头。"));
        }

        var unit = FindUnit(row, Unit, campaign, unitsByName, problems, required: true);
        var host = FindUnit(row, HostUnit, campaign, unitsByName, problems, required: false);
        if (unit is not null && host is not null && unit.Id == host.Id)
        {
            problems.Add(new ImportProblem(row.Number, HostUnit, "流入地单位和所在单位（流出地）相同；不是流动党员请留空。"));
        }

        var rankText = row[Rank];
        var rank = rankText is null ? null : campaign.Ranks.FirstOrDefault(r => r.Code == rankText || r.IsCalled(rankText));
        if (rank is null)
        {
            problems.Add(new ImportProblem(row.Number, Rank, $"职级 “{Short(rankText ?? string.Empty)}” 不认识；可用的有：{string.Join("、", campaign.Ranks.Select(r => r.Name))}。"));
        }

        var roleText = row[Role];
        var role = roleText is null ? campaign.FindRole(Roles.Member) ?? new RoleDefinition(Roles.Member, "党员") : campaign.Roles.FirstOrDefault(r => r.Code == roleText || r.IsCalled(roleText));
        if (role is null)
        {
            problems.Add(new ImportProblem(row.Number, Role, $"角色 “{Short(roleText!)}” 不认识；可用的有：{string.Join("、", campaign.Roles.Select(r => r.Name))}。"));
        }

        var phone = row[Phone];
        var userId = row[WeCom];
        var telegram = row[Telegram]?.TrimStart('@');
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            problems.Add(new ImportProblem(row.Number, Phone, $"手机号 “{Short(phone)}” 格式不对（只写数字，可带 + 和 -）。"));
        }

        if (userId is not null && !UserIdPattern().IsMatch(userId))
        {
            problems.Add(new ImportProblem(row.Number, WeCom, $"企业微信账号 “{Short(userId)}” 格式不对（1–64 个字母、数字或 _-.@）。"));
        }

        if (telegram is not null && !TelegramPattern().IsMatch(telegram))
        {
            problems.Add(new ImportProblem(row.Number, Telegram, $"Telegram 用户名 “{Short(telegram)}” 格式不对（5–32 个字母、数字或下划线）。"));
        }

        if (phone is null && userId is null && telegram is null)
        {
            problems.Add(new ImportProblem(row.Number, null, "手机号、企业微信账号、Telegram 用户名至少填一个。"));
        }

        if (problems.Count > count)
        {
            return null;
        }

        var key = RosterEntry.KeyFor(userId, telegram, phone);
        if (!keys.TryAdd(key, row.Number))
        {
            problems.Add(new ImportProblem(row.Number, null, $"这个人和第 {keys[key]} 行重复（同一个企业微信账号、Telegram 用户名或手机号）。"));
            return null;
        }

        return new RosterEntry
        {
            Key = key,
            Name = name!,
            UnitId = unit!.Id,
            HostUnitId = host?.Id,
            Rank = rank!.Code,
            Role = role!.Code,
            Phone = phone,
            WeComUserId = userId,
            TelegramUsername = telegram,
            UpdatedAt = now,
        };
    }

    private static UnitDefinition? FindUnit(SheetRow row, string field, CampaignDefinition campaign, Dictionary<string, UnitDefinition> unitsByName, List<ImportProblem> problems, bool required)
    {
        if (row[field] is not { } text)
        {
            if (required)
            {
                problems.Add(new ImportProblem(row.Number, field, "单位不能为空（写单位ID或单位全称）。"));
            }

            return null;
        }

        var unit = campaign.FindUnit(text) ?? unitsByName.GetValueOrDefault(text);
        if (unit is null)
        {
            problems.Add(new ImportProblem(row.Number, field, $"单位 “{Short(text)}” 不存在；请先导入单位，或写活动配置中的单位ID。"));
        }
        else if (!unit.Active)
        {
            problems.Add(new ImportProblem(row.Number, field, $"单位 “{unit.Name}” 已停用，不能再加入成员。"));
            return null;
        }

        return unit;
    }

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";

    [GeneratedRegex(@"^\+?[0-9][0-9\- ]{4,19}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_\-.@]{1,64}$")]
    private static partial Regex UserIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_]{5,32}$")]
    private static partial Regex TelegramPattern();
}
