namespace CampaignBot.Core.Features.Study;

/// <summary>
/// One member's standing against their rank's minimums (null minimum: the unit decides; 0: not required)
/// and the unit's deadline. Lengths are in half-days.
/// </summary>
public sealed record MemberProgress(
    Member Member,
    DateOnly Deadline,
    int StudyHalfDays,
    int? StudyMinimumDays,
    int ResearchHalfDays,
    int? ResearchMinimumDays,
    int Households,
    int? HouseholdMinimum,
    int Visits,
    int VisitsInWindows)
{
    public bool StudyBehind => StudyMinimumDays is { } min && StudyHalfDays < min * 2;

    public bool ResearchBehind => ResearchMinimumDays is { } min && ResearchHalfDays < min * 2;

    public bool HouseholdsBehind => HouseholdMinimum is { } min && Households < min;

    public bool IsBehind => StudyBehind || ResearchBehind || HouseholdsBehind;

    /// <summary>"学习 2/7 天；蹲点调研 0/3 天；结对 1/5 户…", only the parts that apply.</summary>
    public Text Description
    {
        get
        {
            var minimum = StudyMinimumDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) is { } days ? new Text(days, days) : StudyTexts.StandingMinimumSetByUnit;
            var parts = new List<Text> { StudyTexts.StandingStudy(LengthParser.Days(StudyHalfDays), minimum) };
            if (ResearchMinimumDays is > 0 || ResearchHalfDays > 0)
            {
                parts.Add(StudyTexts.StandingResearch(LengthParser.Days(ResearchHalfDays), ResearchMinimumDays ?? 0));
            }

            if (HouseholdMinimum is > 0 || Households > 0)
            {
                parts.Add(StudyTexts.StandingHouseholds(Households, HouseholdMinimum ?? 0, Visits, VisitsInWindows));
            }

            return new Text(string.Join("；", parts.Select(p => p.Chinese)), string.Join("; ", parts.Select(p => p.English)));
        }
    }

    public string Describe(bool english) => Description.In(english ? Language.English : Language.Chinese);
}

/// <summary>Computes progress from the stores; the deadline is the end of the configured phase for the member's unit.</summary>
public sealed class StudyProgressService(
    CampaignDefinition campaign,
    CampaignCalendar calendar,
    IActivityLogStore log,
    IHouseholdStore households)
{
    /// <summary>The unit's study deadline: the last day of the first phase (学习教育、听取意见) for that unit.</summary>
    public DateOnly Deadline(string unitId) => calendar.PhaseEnd(unitId, campaign.Phases[0].Code);

    public async Task<MemberProgress> ForMemberAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var entries = await log.ListAsync(null, member.Id, null, cancellationToken);
        var pairs = await households.ListAsync(null, member.Id, cancellationToken);
        return Compute(member, entries, pairs.Count);
    }

    /// <summary>Progress of each given member, reading each store once for the whole unit.</summary>
    public async Task<IReadOnlyList<MemberProgress>> ForMembersAsync(IReadOnlyList<Member> members, string? unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        // Mobile members' entries are kept with their host unit (流入地), so a home unit's view reads those units too.
        var units = unitId is null ? [null] : members.Select(m => m.PrimaryUnitId).Append(unitId).Distinct(StringComparer.Ordinal).Select(u => (string?)u).ToList();
        var allEntries = new List<ActivityEntry>();
        var allPairs = new List<Household>();
        foreach (var unit in units)
        {
            allEntries.AddRange(await log.ListAsync(unit, null, null, cancellationToken));
            allPairs.AddRange(await households.ListAsync(unit, null, cancellationToken));
        }

        var entries = allEntries.DistinctBy(e => e.Id).ToLookup(e => e.MemberId, StringComparer.Ordinal);
        var pairs = allPairs.DistinctBy(h => h.Id).ToLookup(h => h.MemberId, StringComparer.Ordinal);
        return [.. members.Select(m => Compute(m, [.. entries[m.Id]], pairs[m.Id].Count()))];
    }

    /// <summary>True when the visit's date falls in one of the configured windows for the visitor's unit.</summary>
    public bool InWindow(string unitId, DateOnly date) => campaign.VisitWindows.Any(w => Contains(w, unitId, date));

    private bool Contains(VisitWindow window, string unitId, DateOnly date)
    {
        if (window.Phase is not { } phase)
        {
            return date >= window.From && date <= window.To;
        }

        var index = campaign.Phases.ToList().FindIndex(p => p.Code == phase);
        var start = index <= 0 ? calendar.UnitStart(unitId) : calendar.PhaseEnd(unitId, campaign.Phases[index - 1].Code).AddDays(1);
        return date >= start && date <= calendar.PhaseEnd(unitId, phase);
    }

    private MemberProgress Compute(Member member, IReadOnlyList<ActivityEntry> entries, int householdCount)
    {
        var rank = campaign.FindRank(member.Rank);
        var deadline = campaign.FindUnit(member.PrimaryUnitId) is null ? campaign.End : Deadline(member.PrimaryUnitId);
        var visits = entries.Where(e => e.Kind == ActivityKind.Visit).ToList();
        return new MemberProgress(
            member,
            deadline,
            StudyTime.HalfDays(entries.Where(e => e.Kind == ActivityKind.Study)),
            rank is null ? null : campaign.StudyDaysFor(rank, member.PrimaryUnitId),
            StudyTime.HalfDays(entries.Where(e => e.Kind == ActivityKind.Research)),
            rank?.FieldResearchDays,
            householdCount,
            rank?.HouseholdVisits,
            visits.Count,
            visits.Count(v => InWindow(member.PrimaryUnitId, v.Date)));
    }
}
