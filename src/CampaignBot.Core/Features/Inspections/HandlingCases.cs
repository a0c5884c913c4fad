using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Opinions;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Inspections;

/// <summary>A case for organisational handling (组织处理): a unit, why, since when; <see cref="Code"/> is what the office types.</summary>
public sealed record HandlingCase(string Key, string UnitId, Text Reason, DateOnly Since)
{
    public string Code => CodeFor(Key);

    public static string CodeFor(string key) => "H" + OpinionCodes.From("handling/" + key, 5);
}

/// <summary>
/// The office's list of cases for organisational handling: a unit whose rounds of one evaluation stage failed twice (补课 did
/// not satisfy the masses), and a unit's ledger item still open a full escalation step after the office was told it is overdue
/// (more than 3 × Ledger:EscalationDays days past its deadline). A decided case moves to the decided part of the list and
/// stays there with the reason as it read when the decision was taken, also after its cause is gone (the item closed).
/// </summary>
public sealed class HandlingCases(IInspectionStore store, IEvaluationRoundStore rounds, ILedgerStore ledger, CampaignDefinition campaign, CampaignCalendar calendar, IOptions<LedgerOptions> ledgerOptions)
{
    public CampaignDefinition Campaign => campaign;

    /// <summary>Every case found now, with the decision taken on it, if any; by unit, then since.</summary>
    public async Task<IReadOnlyList<(HandlingCase Case, HandlingDecision? Decision)>> ListAsync(string? unitId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cases = new List<HandlingCase>();
        foreach (var group in (await rounds.ListAsync(unitId, cancellationToken)).GroupBy(r => (r.UnitId, r.Stage)))
        {
            var failed = group.Where(r => r.Result is { Passed: false }).OrderBy(r => r.Result!.ClosedAt).ToList();
            if (failed.Count >= 2)
            {
                var stage = campaign.Evaluation.Stages.FirstOrDefault(s => s.Code == group.Key.Stage)?.Name ?? group.Key.Stage;
                cases.Add(new HandlingCase(
                    $"stage:{group.Key.UnitId}:{group.Key.Stage}",
                    group.Key.UnitId,
                    InspectionTexts.FailedTwice(stage, failed.Count),
                    calendar.Today(failed[1].Result!.ClosedAt)));
            }
        }

        var today = calendar.Today(now);
        var lastStep = LedgerPeople.OfficeLevel * ledgerOptions.Value.EscalationDays;
        foreach (var item in await ledger.ListAsync(unitId, cancellationToken))
        {
            var daysOverdue = today.DayNumber - item.Deadline.DayNumber;
            if (!item.IsClosed && daysOverdue > lastStep)
            {
                cases.Add(new HandlingCase(
                    $"ledger:{item.UnitId}:{item.Id}",
                    item.UnitId,
                    InspectionTexts.OverduePastEscalation(item.Id, item.Problem.Length <= 30 ? item.Problem : item.Problem[..30] + "…", daysOverdue),
                    item.Deadline.AddDays(lastStep + 1)));
            }
        }

        var decisions = (await store.ListDecisionsAsync(unitId, cancellationToken)).ToDictionary(d => d.CaseKey, StringComparer.Ordinal);
        var found = cases.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return [.. cases
            .Select(c => decisions.TryGetValue(c.Key, out var decision) ? c with { Reason = decision.ReasonText() } : c)
            .Concat(decisions.Values
                .Where(d => !found.Contains(d.CaseKey))
                .Select(d => new HandlingCase(d.CaseKey, d.UnitId, d.ReasonText(), d.CaseSince ?? d.DecidedOn)))
            .Where(c => campaign.FindUnit(c.UnitId) is not null)
            .OrderBy(c => c.UnitId, StringComparer.Ordinal).ThenBy(c => c.Since).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (c, decisions.GetValueOrDefault(c.Key)))];
    }

    /// <summary>Why the case <paramref name="code"/> can't be decided (there is no such case, or it is decided already), or null when it can.</summary>
    public async Task<Text?> CheckOpenAsync(string code, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await FindOpenAsync(code, now, cancellationToken)).Refusal;

    /// <summary>Records the office's decision on the case with this code; a refusal when there is no such open case.</summary>
    public async Task<Text?> DecideAsync(string code, DateOnly decidedOn, string decision, Member by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var (found, refusal) = await FindOpenAsync(code, now, cancellationToken);
        if (found is null)
        {
            return refusal;
        }

        var saved = await store.AddDecisionAsync(
            new HandlingDecision
            {
                CaseKey = found.Key,
                UnitId = found.UnitId,
                Reason = found.Reason.Chinese,
                ReasonEnglish = found.Reason.English,
                Decision = decision,
                CaseSince = found.Since,
                DecidedOn = decidedOn,
                RecordedBy = by.Id,
                RecordedAt = now,
            },
            cancellationToken);
        return saved ? null : InspectionTexts.AlreadyDecided(found.Code);
    }

    private async Task<(HandlingCase? Case, Text? Refusal)> FindOpenAsync(string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = (await ListAsync(null, now, cancellationToken)).FirstOrDefault(c => string.Equals(c.Case.Code, code, StringComparison.OrdinalIgnoreCase));
        return found switch
        {
            { Case: null } => (null, InspectionTexts.NoSuchCase),
            { Decision: not null } => (null, InspectionTexts.AlreadyDecided(found.Case.Code)),
            _ => (found.Case, null),
        };
    }
}

/// <summary>The month's handling decisions in the monthly bulletin: in full for the office, the unit and the date in public.</summary>
public sealed class HandlingBulletinNotes(IInspectionStore store, CampaignDefinition campaign) : IBulletinNotes
{
    public async Task<IReadOnlyList<BulletinNote>> NotesAsync(string month, CancellationToken cancellationToken) =>
        [.. (await store.ListDecisionsAsync(null, cancellationToken))
            .Where(d => d.DecidedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture) == month)
            .OrderBy(d => d.DecidedOn)
            .Select(d => new BulletinNote(
                InspectionTexts.HandlingNoteForOffice(InspectionBulletin.UnitName(campaign, d.UnitId), d.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Decision, d.ReasonText()),
                InspectionTexts.HandlingNoteForPublic(InspectionBulletin.UnitName(campaign, d.UnitId), d.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))];
}

/// <summary>The handling part of /progress, for the office and supervisors: a unit's open cases and decisions.</summary>
public sealed class HandlingProgressSection(HandlingCases cases, TimeProvider time) : IProgressSection
{
    public int Order => 60;

    public async Task<string?> RenderAsync(Member viewer, string? unitId, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!InspectionAccess.MayInspect(viewer) || unitId is null)
        {
            return null;
        }

        var list = await cases.ListAsync(unitId, time.GetUtcNow(), cancellationToken);
        if (list.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder(InspectionTexts.HandlingHeading.In(language));
        foreach (var (found, decision) in list)
        {
            text.Append('\n').Append(InspectionTexts.CaseLine(found, decision, InspectionBulletin.UnitName(cases.Campaign, found.UnitId)).In(language));
        }

        return text.ToString();
    }
}
