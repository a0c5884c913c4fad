namespace CampaignBot.Core.Campaign;

/// <summary>
/// The campaign as configured in <c>config/campaign.yaml</c>: its time frame, phases, ranks, units and
/// the catalogues (four winds, ten problem areas, …) that flows offer. Immutable once loaded.
/// </summary>
public sealed record CampaignDefinition
{
    public required string Name { get; init; }

    /// <summary>IANA zone in which dates and quiet hours are read (Asia/Shanghai by default).</summary>
    public required string TimeZone { get; init; }

    public required DateOnly Start { get; init; }

    public required DateOnly End { get; init; }

    /// <summary>Each unit has at least this many months of focused activity before <see cref="End"/> (at least 3 months).</summary>
    public int MinimumUnitMonths { get; init; } = 3;

    public required IReadOnlyList<PhaseDefinition> Phases { get; init; }

    public required IReadOnlyList<RankDefinition> Ranks { get; init; }

    public required IReadOnlyList<RoleDefinition> Roles { get; init; }

    public required IReadOnlyList<UnitKindDefinition> UnitKinds { get; init; }

    private UnitSet _units = UnitSet.Empty;

    /// <summary>
    /// The unit tree: the campaign file's units merged with the units kept in the store (imports, WeCom sync). The set is
    /// replaced whole by <see cref="ReplaceUnits"/>, so every feature holding this definition sees the current tree.
    /// </summary>
    public required IReadOnlyList<UnitDefinition> Units
    {
        get => _units.Units;
        init => _units = new UnitSet(value);
    }

    /// <summary>The units as the campaign file defines them, before stored units are merged in.</summary>
    public IReadOnlyList<UnitDefinition> FileUnits => _units.FileUnits;

    public required IReadOnlyList<CatalogueItem> FourWinds { get; init; }

    public required IReadOnlyList<CatalogueItem> ProblemAreas { get; init; }

    public required IReadOnlyList<CatalogueItem> Focuses { get; init; }

    public required IReadOnlyList<CatalogueItem> References { get; init; }

    public required IReadOnlyList<CatalogueItem> StudyTopics { get; init; }

    public required IReadOnlyList<CatalogueItem> PledgeAreas { get; init; }

    public required EvaluationSettings Evaluation { get; init; }

    /// <summary>When household visits count as on time (走亲连心): Spring Festival, the opinion-gathering phase, around 1 July.</summary>
    public IReadOnlyList<VisitWindow> VisitWindows { get; init; } = [];

    /// <summary>Self-examination forms (对照检查), first match wins; see <see cref="ChecklistDefinition"/>.</summary>
    public IReadOnlyList<ChecklistDefinition> Checklists { get; init; } = [];

    /// <summary>The democratic life meeting (专题民主生活会): which evaluation follows it and who is asked.</summary>
    public LifeMeetingSettings LifeMeeting { get; init; } = LifeMeetingSettings.Default;

    /// <summary>Contact points (全程联系): which leader contacts which units, and whether they review the units' leadership examinations.</summary>
    public Features.Contacts.ContactSettings Contacts { get; init; } = Features.Contacts.ContactSettings.None;

    public RankDefinition? FindRank(string code) => Ranks.FirstOrDefault(r => r.Code == code);

    public RoleDefinition? FindRole(string code) => Roles.FirstOrDefault(r => r.Code == code);

    public UnitDefinition? FindUnit(string id) => _units.Find(id);

    /// <summary>
    /// Replaces the unit tree (the file's units merged with the stored ones) in one step; readers see the old
    /// tree or the new one, never a mix. Copies made with <c>with</c> share the tree unless they set <see cref="Units"/>.
    /// </summary>
    public void ReplaceUnits(IReadOnlyList<UnitDefinition> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        _units = _units.Replace(units);
    }

    public UnitKindDefinition? FindUnitKind(string code) => UnitKinds.FirstOrDefault(k => k.Code == code);

    /// <summary>
    /// A member's study minimum: the rank's, or where the rank leaves it to the unit (普通党员), the nearest
    /// <see cref="UnitDefinition.OrdinaryStudyDays"/> up the unit tree; null when no unit on the way sets one.
    /// </summary>
    public int? StudyDaysFor(RankDefinition rank, string unitId)
    {
        ArgumentNullException.ThrowIfNull(rank);
        if (rank.StudyDays is { } days)
        {
            return days;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var unit = FindUnit(unitId); unit is not null && seen.Add(unit.Id); unit = unit.ParentId is { } parent ? FindUnit(parent) : null)
        {
            if (unit.OrdinaryStudyDays is { } unitDays)
            {
                return unitDays;
            }
        }

        return null;
    }
}

/// <summary>A code the program uses and a name people read.</summary>
public sealed record CatalogueItem(string Code, string Name, string? Description = null) : ICampaignNamed
{
    /// <summary>The <c>name_en:</c> of the campaign file; null where it gives none (the Chinese is shown).</summary>
    public string? EnglishName { get; init; }

    /// <summary>The <c>description_en:</c> of the campaign file.</summary>
    public string? EnglishDescription { get; init; }

    /// <summary>The description in both languages; null when there is none.</summary>
    public Text? Descriptions => Description is null ? null : CampaignNames.Both(Description, EnglishDescription);
}

/// <summary>One of the three linked phases, as a number of days from a unit's start.</summary>
public sealed record PhaseDefinition(string Code, string Name, int Days) : ICampaignNamed
{
    /// <summary>The <c>name_en:</c> of the campaign file; null where it gives none (the Chinese is shown).</summary>
    public string? EnglishName { get; init; }
}

/// <summary>A rank with its minimums; null where the unit decides (ordinary members' study days).</summary>
public sealed record RankDefinition(
    string Code,
    string Name,
    int? StudyDays,
    int? FieldResearchDays,
    int? HouseholdVisits) : ICampaignNamed
{
    /// <summary>The <c>name_en:</c> of the campaign file; null where it gives none (the Chinese is shown).</summary>
    public string? EnglishName { get; init; }
}

public sealed record RoleDefinition(string Code, string Name) : ICampaignNamed
{
    /// <summary>The <c>name_en:</c> of the campaign file; null where it gives none (the Chinese is shown).</summary>
    public string? EnglishName { get; init; }
}

/// <summary>
/// A kind of unit. Grassroots kinds start <see cref="StartOffsetDays"/> later than organs (后错半个月);
/// <see cref="WritesReport"/> is false for kinds whose members do not write a self-examination report.
/// </summary>
public sealed record UnitKindDefinition(string Code, string Name, int StartOffsetDays, bool WritesReport) : ICampaignNamed
{
    /// <summary>The <c>name_en:</c> of the campaign file; null where it gives none (the Chinese is shown).</summary>
    public string? EnglishName { get; init; }
}

/// <summary>
/// A unit in the tree. <see cref="Start"/> is already resolved (explicit, or campaign start plus the kind's offset).
/// <see cref="OrdinaryStudyDays"/> is the unit's own study minimum for ranks whose minimum "the unit decides".
/// </summary>
/// <see cref="Active"/> is false for a unit a re-import left out while it still had data: it keeps its records, takes no new members.
public sealed record UnitDefinition(string Id, string Name, string Kind, string? ParentId, DateOnly Start, int? OrdinaryStudyDays = null, bool Active = true) : ICampaignNamed
{
    /// <summary>The <c>name_en:</c> of the campaign file; null where it gives none (the Chinese is shown).</summary>
    public string? EnglishName { get; init; }
}

/// <summary>
/// A period in which household visits are expected: fixed dates (<see cref="From"/>–<see cref="To"/>, inclusive) or,
/// when <see cref="Phase"/> is set, that phase of the visitor's unit.
/// </summary>
public sealed record VisitWindow(string Code, string Name, DateOnly? From, DateOnly? To, string? Phase) : ICampaignNamed
{
    /// <summary>The <c>name_en:</c> of the campaign file; null where it gives none (the Chinese is shown).</summary>
    public string? EnglishName { get; init; }
}

public sealed record EvaluationSettings(
    IReadOnlyList<CatalogueItem> Stages,
    IReadOnlyList<EvaluationChoice> Choices,
    PassRule PassRule);

public sealed record EvaluationChoice(string Code, string Name, bool CountsAsSatisfied) : ICampaignNamed
{
    /// <summary>The <c>name_en:</c> of the campaign file; null where it gives none (the Chinese is shown).</summary>
    public string? EnglishName { get; init; }
}

/// <summary>A round passes when at least <see cref="MinimumVotes"/> voted and the satisfied share reaches <see cref="MinimumSatisfiedShare"/>.</summary>
public sealed record PassRule(decimal MinimumSatisfiedShare, int MinimumVotes);

/// <summary>
/// The <c>life_meeting:</c> section: the 满意度测评 that opens by itself once the meeting's record is saved — its stage
/// (a code of <see cref="EvaluationSettings.Stages"/>), its audience ("group", "roster" or "code") and how many hours it stays open.
/// </summary>
public sealed record LifeMeetingSettings(string SatisfactionStage, string SatisfactionAudience, int SatisfactionHours)
{
    public const string DefaultStage = "meeting_satisfaction";

    public static readonly LifeMeetingSettings Default = new(DefaultStage, "roster", 48);
}
