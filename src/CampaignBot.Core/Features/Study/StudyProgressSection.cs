using CampaignBot.Core.Features.Progress;
using MemberRecord = CampaignBot.Core.Features.Registration.Member;

namespace CampaignBot.Core.Features.Study;

/// <summary>The study, field-research and household-visit part of /progress.</summary>
public sealed class StudyProgressSection(StudyProgressService progress, IMemberStore members, CampaignDefinition campaign) : IProgressSection
{
    private const int MaxLines = 100;

    /// <summary>Units listed in the office's all-units view; the rest are counted (the study export has them all).</summary>
    private const int MaxUnitLines = 10;

    public int Order => 10;

    public async Task<string?> RenderAsync(MemberRecord viewer, string? unitId, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var text = new StringBuilder(StudyTexts.StudySectionHeading.In(language));
        switch (unitId)
        {
            case not null:
                var standings = await progress.ForMembersAsync([.. (await members.ListAsync(unitId, cancellationToken)).Where(m => m.IsActive && m.TakesPart)], unitId, cancellationToken);
                var unitName = campaign.FindUnit(unitId)?.NameIn(language) ?? unitId;
                text.Append('\n').Append(StudyTexts.StudyUnitBehind(unitName, standings.Count, standings.Count(s => s.IsBehind), EntryDateParser.Show(progress.Deadline(unitId))).In(language));
                foreach (var s in standings.OrderByDescending(s => s.IsBehind).Take(MaxLines))
                {
                    text.Append('\n').Append(s.IsBehind ? "✗ " : "✓ ").Append(StudyTexts.MemberStanding(s.Member.Name, s.Description.In(language)).In(language));
                }

                break;
            default:
                // Every member's standing from one read of the log (by the unit a mobile member studies with), then
                // the units with members below the minimum, most behind first: a phone screen, not 500 lines.
                var all = await progress.ForMembersAsync([.. (await members.ListAsync(null, cancellationToken)).Where(m => m.IsActive && m.TakesPart)], null, cancellationToken);
                var byUnit = all.GroupBy(s => s.Member.PrimaryUnitId, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => (Total: g.Count(), Behind: g.Count(s => s.IsBehind)), StringComparer.Ordinal);
                var lines = campaign.Units.Where(u => byUnit.ContainsKey(u.Id)).Select(u => (Unit: u, Counts: byUnit[u.Id]))
                    .OrderByDescending(l => (double)l.Counts.Behind / l.Counts.Total).ThenBy(l => progress.Deadline(l.Unit.Id)).ToList();
                var behindUnits = lines.Where(l => l.Counts.Behind > 0).ToList();
                text.Append('\n').Append(StudyTexts.UnitsBehindSummary(lines.Count, behindUnits.Count, all.Count(s => s.IsBehind)).In(language));
                foreach (var (unit, counts) in behindUnits.Take(MaxUnitLines))
                {
                    text.Append('\n').Append(StudyTexts.StudyUnitReached(unit.NameIn(language), counts.Total - counts.Behind, counts.Total, EntryDateParser.Show(progress.Deadline(unit.Id))).In(language));
                }

                if (behindUnits.Count > MaxUnitLines)
                {
                    text.Append('\n').Append(StudyTexts.MoreUnitsBehind(behindUnits.Count - MaxUnitLines).In(language));
                }

                break;
        }

        return text.ToString();
    }
}
