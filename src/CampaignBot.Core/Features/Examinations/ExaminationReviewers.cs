namespace CampaignBot.Core.Features.Examinations;

/// <summary>
/// Who reviews a self-examination: the unit's secretary for checklists reviewed by secretaries; for leaders, the
/// supervisors registered for the unit or the nearest unit above it. The campaign office may review any, and is
/// told when nobody else can.
/// </summary>
public sealed class ExaminationReviewers(IMemberStore members, CampaignDefinition campaign)
{
    public async Task<IReadOnlyList<Member>> ForAsync(SelfExamination examination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examination);
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
