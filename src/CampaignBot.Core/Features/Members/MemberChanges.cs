namespace CampaignBot.Core.Features.Members;

/// <summary>A change to a registered member, asked for in chat (/member) or on the command line (members set|deactivate).</summary>
public abstract record MemberChange
{
    public sealed record Rename(string Name) : MemberChange;

    public sealed record ChangeRank(string Rank) : MemberChange;

    public sealed record MoveToUnit(string UnitId) : MemberChange;

    public sealed record Deactivate : MemberChange;

    public sealed record Activate : MemberChange;

    /// <summary>The language the member reads ("en", "zh"), for channels that do not say it (WeCom).</summary>
    public sealed record SetLanguage(string LanguageCode) : MemberChange;
}

/// <summary>
/// The rules of managing people, shared by chat and command line: who may change whom (the office anyone, a secretary
/// the ordinary members of their own unit, never a unit move), what a valid name, rank and unit are, and the change itself.
/// </summary>
public static class MemberChanges
{
    public const int MaxNameLength = 20;

    /// <summary>"name 张三", "rank section", "unit village_x", "deactivate", "activate"; null when the verb is unknown.</summary>
    public static MemberChange? Parse(string verb, string value)
    {
        ArgumentNullException.ThrowIfNull(verb);
        return verb.ToLowerInvariant() switch
        {
            "name" or "姓名" => new MemberChange.Rename(value.Trim()),
            "rank" or "职级" => new MemberChange.ChangeRank(value.Trim()),
            "unit" or "单位" => new MemberChange.MoveToUnit(value.Trim()),
            "deactivate" or "停用" when value.Length == 0 => new MemberChange.Deactivate(),
            "activate" or "恢复" when value.Length == 0 => new MemberChange.Activate(),
            _ => null,
        };
    }

    /// <summary>Null when <paramref name="actor"/> may make the change to <paramref name="target"/>; the refusal otherwise. Null actor: the command line (the office).</summary>
    public static Text? Forbidden(Member? actor, Member target, MemberChange change)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(change);
        switch (actor)
        {
            case null or { Role: Roles.CampaignOffice } when change is MemberChange.Deactivate && actor?.Id == target.Id:
                return MembersTexts.NotYourself;
            case null or { Role: Roles.CampaignOffice }:
                return null;
            case { Role: Roles.Secretary } when target.UnitId != actor.UnitId || (target.Role != Roles.Member && target.Id != actor.Id):
                return MembersTexts.OwnUnitOnly;
            case { Role: Roles.Secretary } when change is MemberChange.MoveToUnit:
                return MembersTexts.UnitOfficeOnly;
            case { Role: Roles.Secretary } when change is MemberChange.Deactivate && actor.Id == target.Id:
                return MembersTexts.NotYourself;
            case { Role: Roles.Secretary }:
                return null;
            default:
                return MembersTexts.OnlyManagers;
        }
    }

    /// <summary>The changed member, or a refusal naming what is wrong with the value.</summary>
    public static (Member? Changed, Text? Refusal) Apply(Member target, MemberChange change, CampaignDefinition campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(campaign);
        switch (change)
        {
            case MemberChange.Rename { Name: var name }:
                return name switch
                {
                    "" => (null, MembersTexts.NameEmpty),
                    { Length: > MaxNameLength } => (null, MembersTexts.NameTooLong(MaxNameLength)),
                    _ when name.Any(char.IsControl) || name.StartsWith('/') => (null, MembersTexts.NameBad),
                    _ => (target with { Name = name }, null),
                };
            case MemberChange.ChangeRank { Rank: var given }:
                var rank = campaign.Ranks.FirstOrDefault(r => r.Code.Equals(given, StringComparison.OrdinalIgnoreCase) || r.IsCalled(given));
                return rank is null
                    ? (null, MembersTexts.NoSuchRank(Shorten(given), new Text(
                        string.Join("、", campaign.Ranks.Select(r => $"{r.Code}（{r.Name}）")), string.Join(", ", campaign.Ranks.Select(r => $"{r.Code} ({r.NameIn(Language.English)})")))))
                    : (target with { Rank = rank.Code }, null);
            case MemberChange.MoveToUnit { UnitId: var unitId }:
                return campaign.FindUnit(unitId) is { } unit ? (target with { UnitId = unit.Id }, null) : (null, MembersTexts.NoSuchUnit(Shorten(unitId)));
            case MemberChange.Deactivate:
                return (target.IsActive ? target with { DeactivatedAt = now } : target, null);
            case MemberChange.Activate:
                return (target with { DeactivatedAt = null }, null);
            case MemberChange.SetLanguage { LanguageCode: var code }:
                return code.Trim().ToLowerInvariant() is "en" or "zh" ? (target with { LanguageCode = code.Trim().ToLowerInvariant() }, null) : (null, MembersTexts.NoSuchLanguage(Shorten(code)));
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown member change.");
        }
    }

    /// <summary>A member by full id ("telegram:123") or, on the caller's channel, by user id ("123").</summary>
    public static async Task<Member?> FindAsync(IMemberStore members, string reference, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Length is 0 or > 100)
        {
            return null;
        }

        return await members.GetAsync(reference.Contains(':', StringComparison.Ordinal) ? reference : Member.IdFor(channel, reference), cancellationToken);
    }

    /// <summary>How a member is referred to in lists: the user id on the caller's channel, the full id otherwise.</summary>
    public static string Reference(Member member, string channel)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Channel == channel ? member.UserId : member.Id;
    }

    /// <summary>"王明 · 东县 · 乡科级干部 · 党员", with the campaign file's names in <paramref name="language"/> (the command line reads Chinese).</summary>
    public static string Describe(Member member, CampaignDefinition campaign, Language language = Language.Chinese)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(campaign);
        var unit = campaign.FindUnit(member.UnitId)?.NameIn(language) ?? member.UnitId;
        var rank = campaign.FindRank(member.Rank)?.NameIn(language) ?? member.Rank;
        var role = campaign.FindRole(member.Role)?.NameIn(language) ?? member.Role;
        return $"{member.Name} · {unit} · {rank} · {role}";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
