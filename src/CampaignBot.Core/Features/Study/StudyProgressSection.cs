using CampaignBot.Core.Features.Progress;
using MemberRecord = CampaignBot.Core.Features.Registration.Member;

namespace CampaignBot.Core.Features.Study;

/// <summary>The study, field-research and household-visit part of /progress.</summary>
public sealed class StudyProgressSection(StudyProgressService progress, IMemberStore members, CampaignDefinition campaign) : IProgressSection
{
    private const int MaxLines = 100;

    public int Order => 10;

    public async Task<string?> RenderAsync(MemberRecord viewer, string? unitId, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var english = language == Language.English;
        var text = new StringBuilder(english ? "Study, field research, household visits" : "【学习、蹲点调研、走亲连心】");
        switch (unitId)
        {
            case not null:
                var standings = await progress.ForMembersAsync([.. (await members.ListAsync(unitId, cancellationToken)).Where(m => m.IsActive)], unitId, cancellationToken);
                var unitName = campaign.FindUnit(unitId)?.Name ?? unitId;
                text.Append('\n').Append(english
                    ? $"{unitName}: {standings.Count(s => s.IsBehind)} of {standings.Count} below the minimum; deadline {EntryDateParser.Show(progress.Deadline(unitId))}"
                    : $"{unitName}：{standings.Count} 人中 {standings.Count(s => s.IsBehind)} 人未达到最低要求；截止 {EntryDateParser.Show(progress.Deadline(unitId))}");
                foreach (var s in standings.OrderByDescending(s => s.IsBehind).Take(MaxLines))
                {
                    text.Append('\n').Append(s.IsBehind ? "✗ " : "✓ ").Append(s.Member.Name).Append(english ? ": " : "：").Append(s.Describe(english));
                }

                break;
            default:
                // Grouped once (by the unit a mobile member studies with), not searched once per unit.
                var byUnit = (await members.ListAsync(null, cancellationToken)).Where(m => m.IsActive)
                    .GroupBy(m => m.PrimaryUnitId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                foreach (var unit in campaign.Units.Take(MaxLines))
                {
                    var inUnit = byUnit.GetValueOrDefault(unit.Id) ?? [];
                    var behind = inUnit.Count == 0 ? 0 : (await progress.ForMembersAsync(inUnit, unit.Id, cancellationToken)).Count(s => s.IsBehind);
                    text.Append('\n').Append(english
                        ? $"{unit.Name}: {inUnit.Count - behind}/{inUnit.Count} at the minimum, deadline {EntryDateParser.Show(progress.Deadline(unit.Id))}"
                        : $"{unit.Name}：{inUnit.Count - behind}/{inUnit.Count} 人达标，截止 {EntryDateParser.Show(progress.Deadline(unit.Id))}");
                }

                break;
        }

        return text.ToString();
    }
}
