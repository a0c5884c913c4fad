namespace CampaignBot.Core.Features.Examinations;

/// <summary>
/// Who reviews a self-examination: the unit's secretary for checklists reviewed by secretaries; for leaders, the
/// supervisors registered for the unit or the nearest unit above it. The campaign office may review any, and is
/// told when nobody else can. Leadership examinations may have further reviewers (<see cref="IAdditionalReviewers"/>:
/// contact leaders), who are told and may decide beside the supervisors.
/// </summary>
public sealed class ExaminationReviewers(IMemberStore members, CampaignDefinition campaign, IEnumerable<IAdditionalReviewers>? additional = null)
{
    private readonly IReadOnlyList<IAdditionalReviewers> _additional = [.. additional ?? []];

    public async Task<IReadOnlyList<Member>> ForAsync(SelfExamination examination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examination);
        var usual = await UsualForAsync(examination, cancellationToken);
        var extra = new List<Member>();
        if (IsLeadership(examination))
        {
            foreach (var source in _additional)
            {
                foreach (var id in await source.ReviewersOfAsync(examination.UnitId, cancellationToken))
                {
                    if (id != examination.MemberId && await members.GetAsync(id, cancellationToken) is { IsActive: true } person)
                    {
                        extra.Add(person);
                    }
                }
            }
        }

        return [.. usual.Concat(extra).DistinctBy(m => m.Id)];
    }

    /// <summary>The units whose leadership examinations <paramref name="reviewer"/> reviews besides what their role allows.</summary>
    public async Task<IReadOnlySet<string>> AdditionalUnitsAsync(Member reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var units = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in _additional)
        {
            units.UnionWith(await source.UnitsReviewedByAsync(reviewer.Id, cancellationToken));
        }

        return units;
    }

    /// <summary>Whether <paramref name="reviewer"/> may decide, by role or as an additional reviewer of <paramref name="additionalUnits"/>.</summary>
    public bool MayReview(Member reviewer, SelfExamination examination, IReadOnlySet<string> additionalUnits)
    {
        ArgumentNullException.ThrowIfNull(additionalUnits);
        return MayReview(reviewer, examination)
            || (reviewer.Id != examination.MemberId && IsLeadership(examination) && additionalUnits.Contains(examination.UnitId));
    }

    /// <summary>Leadership examinations are those whose checklist the supervisors review (领导班子和领导干部对照检查).</summary>
    public bool IsLeadership(SelfExamination examination) =>
        campaign.FindChecklist(examination.ChecklistCode)?.ReviewedBy == Roles.Supervisor;

    private async Task<IReadOnlyList<Member>> UsualForAsync(SelfExamination examination, CancellationToken cancellationToken)
    {
        var role = campaign.FindChecklist(examination.ChecklistCode)?.ReviewedBy ?? Roles.Secretary;
        var all = await members.ListAsync(null, cancellationToken);
        var candidates = all.Where(m => m.IsActive && m.Id != examination.MemberId).ToList();
        foreach (var unitId in UnitAndAncestors(examination.UnitId))
        {
            var found = candidates.Where(m => m.Role == role && m.UnitId == unitId).ToList();
            if (found.Count > 0)
            {
                return found;
            }

            if (role == Roles.Secretary)
            {
                break;
            }
        }

        return candidates.Where(m => m.Role == Roles.CampaignOffice).ToList();
    }

    /// <summary>Whether <paramref name="reviewer"/> may decide on this self-examination.</summary>
    public bool MayReview(Member reviewer, SelfExamination examination)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(examination);
        if (reviewer.Id == examination.MemberId)
        {
            return false;
        }

        var role = campaign.FindChecklist(examination.ChecklistCode)?.ReviewedBy ?? Roles.Secretary;
        return reviewer.Role switch
        {
            Roles.CampaignOffice => true,
            Roles.Secretary => role == Roles.Secretary && reviewer.UnitId == examination.UnitId,
            Roles.Supervisor => role == Roles.Supervisor && UnitAndAncestors(examination.UnitId).Contains(reviewer.UnitId),
            _ => false,
        };
    }

    /// <summary>The unit itself, then its parent, up to the top; stops at a loop or an unknown unit.</summary>
    public IEnumerable<string> UnitAndAncestors(string unitId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var unit = campaign.FindUnit(unitId); unit is not null && seen.Add(unit.Id); unit = unit.ParentId is { } parent ? campaign.FindUnit(parent) : null)
        {
            yield return unit.Id;
        }
    }
}
