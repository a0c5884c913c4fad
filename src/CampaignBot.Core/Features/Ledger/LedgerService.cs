namespace CampaignBot.Core.Features.Ledger;

/// <summary>A problem to put on a unit's ledger, as another feature (an accepted opinion) or a command hands it over.</summary>
public sealed record LedgerRequest(
    string UnitId,
    string Problem,
    string Category,
    ProblemSource Source,
    IReadOnlyList<string> SourceRefs,
    string Measures,
    string LeadLeader,
    string Deadline);

/// <summary>
/// The ledger as other features reach it: an accepted opinion becomes an item, or joins one; a reviewer turns a
/// self-examination's problems into items.
/// </summary>
public interface ILedgerIntake
{
    /// <summary>The longest problem or measures text an item takes (Ledger:MaxTextLength).</summary>
    int MaxText { get; }

    /// <summary>The unit's item that names <paramref name="sourceRef"/> among its sources, or null.</summary>
    Task<LedgerItem?> FindBySourceAsync(string unitId, string sourceRef, CancellationToken cancellationToken);

    /// <summary>Creates the item (id derived from <paramref name="seed"/>, so a re-run creates it once), or says why not.</summary>
    Task<(LedgerItem? Item, Text? Refusal)> CreateAsync(LedgerRequest request, Member by, string seed, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adds a source (a merged opinion) to an existing item of the unit; null when there is no such open item.</summary>
    Task<LedgerItem?> AttachAsync(string itemId, string unitId, string sourceRef, Member by, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Tells the lead leader (unless they made it) that they lead the item, with this update's effects.</summary>
    Task NotifyAssignedAsync(Conversations.FlowContext context, LedgerItem item, CancellationToken cancellationToken);
}

/// <summary>
/// The ledger's rules: 三落实 on creation, status moves, evidence and confirmation, reopening, institutions; every change is
/// appended to the item's history with who and when.
/// </summary>
public sealed class LedgerService(ILedgerStore ledger, IMemberStore members, CampaignDefinition campaign, CampaignCalendar calendar, IOptions<LedgerOptions> options) : ILedgerIntake
{
    /// <summary>The rank code of county-level leaders (县处级以上领导干部) in campaign.yaml.</summary>
    public const string LeadershipRank = "county";

    public int MaxText => options.Value.MaxTextLength;

    public async Task<(LedgerItem? Item, Text? Refusal)> CreateAsync(LedgerRequest request, Member by, string seed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        if (string.IsNullOrWhiteSpace(request.Problem) || string.IsNullOrWhiteSpace(request.Measures) || string.IsNullOrWhiteSpace(request.LeadLeader) || string.IsNullOrWhiteSpace(request.Deadline))
        {
            return (null, LedgerTexts.NeedsThreeFixes);
        }

        if (request.Problem.Length > MaxText || request.Measures.Length > MaxText)
        {
            return (null, LedgerTexts.TooLong(MaxText));
        }

        if (ParseDeadline(request.Deadline, now) is not { } deadline)
        {
            return (null, LedgerTexts.BadDeadline(LedgerTexts.Date(campaign.End)));
        }

        var (leader, refusal) = await FindLeaderAsync(request.UnitId, request.LeadLeader.Trim(), cancellationToken);
        if (leader is null)
        {
            return (null, refusal);
        }

        var item = new LedgerItem
        {
            Id = "L" + Opinions.OpinionCodes.From("ledger/" + seed, 6),
            UnitId = request.UnitId,
            Problem = request.Problem.Trim(),
            Category = request.Category,
            Source = request.Source,
            SourceRefs = request.SourceRefs,
            Measures = request.Measures.Trim(),
            LeadLeaderId = leader.Id,
            LeadLeaderName = leader.Name,
            Deadline = deadline,
            CreatedBy = by.Id,
            CreatedAt = now,
            ChangedAt = now,
        };
        if (await ledger.GetAsync(item.Id, cancellationToken) is { } earlier)
        {
            return (earlier, null);
        }

        await ledger.SaveAsync(item, cancellationToken);
        await AppendAsync(item.Id, now, by, LedgerTexts.HistoryCreated(item), item, cancellationToken);
        return (item, null);
    }

    public async Task<LedgerItem?> FindBySourceAsync(string unitId, string sourceRef, CancellationToken cancellationToken) =>
        (await ledger.ListAsync(unitId, cancellationToken)).FirstOrDefault(i => i.SourceRefs.Contains(sourceRef));

    public async Task<LedgerItem?> AttachAsync(string itemId, string unitId, string sourceRef, Member by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (await ledger.GetAsync(itemId, cancellationToken) is not { } item || item.UnitId != unitId || item.IsClosed)
        {
            return null;
        }

        if (!item.SourceRefs.Contains(sourceRef))
        {
            item = item with { SourceRefs = [.. item.SourceRefs, sourceRef] };
            await ledger.SaveAsync(item, cancellationToken);
            await AppendAsync(item.Id, now, by, LedgerTexts.HistoryJoinedOpinion(sourceRef), item, cancellationToken);
        }

        return item;
    }

    public async Task NotifyAssignedAsync(Conversations.FlowContext context, LedgerItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        if (item.LeadLeaderId != context.Member?.Id && await members.GetAsync(item.LeadLeaderId, cancellationToken) is { } leader)
        {
            context.Notify(leader.PrivateChat, TextMessage.In(LedgerTexts.Assigned(item), leader.Language));
        }
    }

    /// <summary>A progress note: a not-started item is now being rectified (an overdue one stays overdue).</summary>
    public async Task<LedgerItem> NoteAsync(LedgerItem item, string note, Member by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return await SaveWithHistoryAsync(Started(item), now, by, LedgerTexts.HistoryNote(note), cancellationToken);
    }

    /// <summary>A not-started item is now being rectified; any other keeps its status (an overdue one stays overdue).</summary>
    private static LedgerItem Started(LedgerItem item) =>
        item with { Status = item.Status == LedgerStatus.NotStarted ? LedgerStatus.InProgress : item.Status };

    public Task<LedgerItem> ReportDoneAsync(LedgerItem item, string evidence, Member by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        return ReportDoneAsync(item, new Evidence(now, by.Id, evidence), by, now, cancellationToken);
    }

    /// <summary>Completion with evidence: the item waits for confirmation. Evidence already on the item (a re-run update) is not added twice.</summary>
    public Task<LedgerItem> ReportDoneAsync(LedgerItem item, Evidence evidence, Member by, DateTimeOffset now, CancellationToken cancellationToken) =>
        WithEvidenceAsync(item, evidence, i => Started(i) with { AwaitingConfirmation = true }, LedgerTexts.HistoryReportedDone, by, now, cancellationToken);

    public Task<LedgerItem> AddEvidenceAsync(LedgerItem item, string evidence, Member by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        return AddEvidenceAsync(item, new Evidence(now, by.Id, evidence), by, now, cancellationToken);
    }

    public Task<LedgerItem> AddEvidenceAsync(LedgerItem item, Evidence evidence, Member by, DateTimeOffset now, CancellationToken cancellationToken) =>
        WithEvidenceAsync(item, evidence, i => i, LedgerTexts.HistoryEvidenceAdded, by, now, cancellationToken);

    /// <summary>Adds the evidence with <paramref name="change"/> and a history line; evidence already on the item (a re-run update) is not added twice.</summary>
    private async Task<LedgerItem> WithEvidenceAsync(LedgerItem item, Evidence evidence, Func<LedgerItem, LedgerItem> change, Func<Evidence, Text> history, Member by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(by);
        if (evidence.Id is { } id && item.Evidence.Any(e => e.Id == id))
        {
            return item;
        }

        var updated = change(item) with { Evidence = [.. item.Evidence, evidence] };
        return await SaveWithHistoryAsync(updated, now, by, history(evidence), cancellationToken);
    }

    /// <summary>
    /// Replaces one file's evidence record (its fetch moved on) on the item as stored now, so a change made meanwhile is kept;
    /// <paramref name="what"/>, when given, goes into the history as the system's. Null when the item or the evidence is gone.
    /// </summary>
    public async Task<LedgerItem?> UpdateEvidenceAsync(string itemId, string evidenceId, Func<Evidence, Evidence> change, Text? what, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await ledger.GetAsync(itemId, cancellationToken) is not { } item || item.Evidence.FirstOrDefault(e => e.Id == evidenceId) is not { } evidence)
        {
            return null;
        }

        var updated = item with { Evidence = [.. item.Evidence.Select(e => e.Id == evidenceId ? change(evidence) : e)] };
        await ledger.SaveAsync(updated, cancellationToken);
        if (what is not null)
        {
            await AppendAsync(item.Id, now, null, what, updated, cancellationToken);
        }

        return updated;
    }

    /// <summary>Null when the caller may confirm; otherwise why not.</summary>
    public async Task<Text?> WhyNotConfirmAsync(LedgerItem item, Member by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(by);
        if (item.IsClosed)
        {
            return LedgerTexts.Closed;
        }

        if (!item.AwaitingConfirmation)
        {
            return LedgerTexts.NotAwaiting;
        }

        if (item.Evidence.Count == 0)
        {
            return LedgerTexts.NeedsEvidence;
        }

        if (!item.Evidence.Any(e => e.IsUsable))
        {
            // Only files, none stored yet: there is nothing the confirmer could have looked at.
            return item.Evidence.Any(e => e.File == EvidenceFileState.Fetching) ? LedgerTexts.EvidenceStillFetching : LedgerTexts.EvidenceLost;
        }

        if (item.LeadLeaderId == by.Id)
        {
            return LedgerTexts.NotYourself;
        }

        return by.Role == Roles.Secretary && await IsLeadershipItemAsync(item, cancellationToken) ? LedgerTexts.LeadershipNeedsSupervisor : null;
    }

    public async Task<LedgerItem> ConfirmAsync(LedgerItem item, Member by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(by);
        var updated = item with { Status = LedgerStatus.Done, AwaitingConfirmation = false, ConfirmedBy = by.Id, ConfirmedOn = calendar.Today(now) };
        return await SaveWithHistoryAsync(updated, now, by, LedgerTexts.HistoryConfirmed, cancellationToken);
    }

    public async Task<LedgerItem> ReopenAsync(LedgerItem item, string reason, Member by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var overdue = calendar.Today(now) > item.Deadline;
        var updated = item with
        {
            Status = overdue ? LedgerStatus.Overdue : LedgerStatus.InProgress,
            AwaitingConfirmation = false,
            ConfirmedBy = null,
            ConfirmedOn = null,
            Reopened = item.Reopened + 1,
        };
        return await SaveWithHistoryAsync(updated, now, by, LedgerTexts.HistoryReopened(updated.Reopened, reason), cancellationToken);
    }

    public async Task<LedgerItem> SetInstitutionAsync(LedgerItem item, InstitutionChange change, string title, Member by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var updated = item with { Institution = change, InstitutionTitle = title };
        return await SaveWithHistoryAsync(updated, now, by, LedgerTexts.HistoryInstitution(change, title), cancellationToken);
    }

    /// <summary>Marks an item overdue (by the daily job) with a history entry; "system" is the author.</summary>
    public async Task<LedgerItem> MarkAsync(LedgerItem item, LedgerItem updated, Text what, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(updated);
        return await SaveWithHistoryAsync(updated, now, null, what, cancellationToken);
    }

    /// <summary>A leadership item (领导班子): its lead leader is a secretary or a county-level (县处级) cadre; a supervisor confirms it.</summary>
    public async Task<bool> IsLeadershipItemAsync(LedgerItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var leader = await members.GetAsync(item.LeadLeaderId, cancellationToken);
        return leader is { Role: Roles.Secretary } or { Rank: LeadershipRank };
    }

    /// <summary>yyyy-MM-dd (or yyyy/M/d), from today to the campaign's end; null otherwise.</summary>
    public DateOnly? ParseDeadline(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date >= calendar.Today(now) && date <= campaign.End ? date : null;
    }

    private async Task<(Member? Leader, Text? Refusal)> FindLeaderAsync(string unitId, string reference, CancellationToken cancellationToken)
    {
        if (await members.GetAsync(reference, cancellationToken) is { } byId)
        {
            return (byId, null);
        }

        var named = (await members.ListAsync(unitId, cancellationToken)).Where(m => m.Name == reference).ToList();
        return named.Count switch
        {
            1 => (named[0], null),
            0 => (null, LedgerTexts.NoLeader(Short(reference))),
            _ => (null, LedgerTexts.AmbiguousLeader(Short(reference))),
        };
    }

    /// <summary>Saves a changed item and writes what changed to its history (by null: the system).</summary>
    private async Task<LedgerItem> SaveWithHistoryAsync(LedgerItem updated, DateTimeOffset now, Member? by, Text what, CancellationToken cancellationToken)
    {
        updated = updated with { ChangedAt = now };
        await ledger.SaveAsync(updated, cancellationToken);
        await AppendAsync(updated.Id, now, by, what, updated, cancellationToken);
        return updated;
    }

    /// <summary>Writes a history line with the status the item has after it (<paramref name="after"/>).</summary>
    private async Task AppendAsync(string itemId, DateTimeOffset now, Member? by, Text what, LedgerItem after, CancellationToken cancellationToken)
    {
        // Numbers are taken in order; a racing writer that took the number first makes this one take the next.
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var number = (await ledger.HistoryAsync(itemId, cancellationToken)).Count + 1;
            if (await ledger.AppendAsync(new LedgerEntry(itemId, number, now, by is null ? "system" : $"{by.Name}（{by.Id}）", what.Chinese, what.English, after.Status, after.AwaitingConfirmation ? true : null), cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The history of ledger item {itemId} kept changing; the entry was not written.");
    }

    private static string Short(string value) => value.Length <= 24 ? value : value[..24] + "…";
}
