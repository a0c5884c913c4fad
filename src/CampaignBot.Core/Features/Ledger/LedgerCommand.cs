namespace CampaignBot.Core.Features.Ledger;

/// <summary>
/// /ledger add|list|show|note|done|evidence|confirm|reopen|institution: the rectification ledger. The unit's secretary,
/// its supervisors and the office manage it; the lead leader reports progress and completion of their own items.
/// </summary>
public sealed class LedgerCommand(LedgerService service, ILedgerStore ledger, LedgerPeople people, CampaignDefinition campaign, LedgerAddFlow addFlow, LedgerEvidenceFlow evidenceFlow) : ICommandHandler
{
    /// <summary>Items a page of /ledger list shows: with its heading and footer it fits a phone screen.</summary>
    public const int ListPageSize = 15;

    private CommandVerbs? _verbs;

    public string Command => "ledger";

    /// <summary>Any member may ask; what they may do is decided per item. The ledger is managed in private chats.</summary>
    private CommandVerbs Verbs => _verbs ??= new CommandVerbs(UsageFor)
        .ForMembers(LedgerTexts.NotAllowed)
        .InPrivate(LedgerTexts.PleaseManageLedgerPrivate, verb => verb.Length == 0)
        .On("add", AddAsync)
        .On("list", ListAsync)
        .On(["show", "note", "done", "evidence", "confirm", "reopen", "institution"], OnItemAsync);

    public Task HandleAsync(FlowContext context, CancellationToken cancellationToken) => Verbs.RunAsync(context, cancellationToken);

    /// <summary>The verbs this person can use: those who manage a unit's ledger see them all, a lead leader the ones for their items.</summary>
    private Text UsageFor(Member member) => campaign.ManagedUnits(member).Count > 0 ? LedgerTexts.Usage : LedgerTexts.LeadLeaderUsage;

    private async Task AddAsync(FlowContext context, Member member, string rest, CancellationToken cancellationToken)
    {
        if (!rest.Contains('|', StringComparison.Ordinal))
        {
            // "/ledger add" or "/ledger add <unit>": the step-by-step form.
            await FlowStart.StartAsync(addFlow, context, cancellationToken);
            return;
        }

        var (first, afterFirst) = Split(rest);
        var unitId = campaign.FindUnit(first) is not null ? first : member.UnitId;
        var words = campaign.FindUnit(first) is not null ? afterFirst : rest;
        if (!campaign.Manages(member, unitId))
        {
            context.Reply(LedgerTexts.NotAllowed);
            return;
        }

        var (leader, afterLeader) = Split(words);
        var (deadline, text) = Split(afterLeader);
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            context.Reply(LedgerTexts.NeedsThreeFixes);
            context.Reply(UsageFor(member));
            return;
        }

        var source = member.Role == Roles.Supervisor ? ProblemSource.Supervisor : ProblemSource.Examination;
        var request = new LedgerRequest(unitId, text[..bar].Trim(), "other", source, [], text[(bar + 1)..].Trim(), leader, deadline);
        var (item, refusal) = await service.CreateAsync(request, member, context.Update.UpdateId, context.Now, cancellationToken);
        if (item is null)
        {
            context.Reply(refusal!);
            return;
        }

        context.Reply(LedgerTexts.Created(item, UnitName(item.UnitId)));
        await service.NotifyAssignedAsync(context, item, cancellationToken);
    }

    /// <summary>
    /// "/ledger list": the units the member manages and the items they lead; "/ledger list &lt;unit&gt;": that unit; a
    /// number after either is the page. What needs attention first: overdue, then waiting for confirmation, then open
    /// items by deadline, the done ones last.
    /// </summary>
    private async Task ListAsync(FlowContext context, Member member, string rest, CancellationToken cancellationToken)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var page = 1;
        if (words.Count > 0 && campaign.FindUnit(words[^1]) is null && words[^1].Length <= 4
            && int.TryParse(words[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var asked))
        {
            page = Math.Max(1, asked);
            words.RemoveAt(words.Count - 1);
        }

        var unitId = words.Count == 0 ? null : string.Join(' ', words);
        if (unitId is not null && campaign.FindUnit(unitId) is null)
        {
            context.Reply(LedgerTexts.NoUnitWithId(Words.Short(unitId)));
            return;
        }

        var units = unitId is null ? campaign.ManagedUnits(member) : campaign.Manages(member, unitId) ? [unitId] : [];
        if (unitId is not null && units.Count == 0)
        {
            context.Reply(LedgerTexts.NotAllowed);
            return;
        }

        var items = new List<LedgerItem>();
        foreach (var unit in units)
        {
            items.AddRange(await ledger.ListAsync(unit, cancellationToken));
        }

        // A lead leader sees the items they lead, whatever their role and wherever the item is (a leader may lead an item of
        // a unit they contact or supervise, not only of their own).
        if (unitId is null)
        {
            var listed = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            items.AddRange((await ledger.ListLedByAsync(member.Id, cancellationToken)).Where(i => !listed.Contains(i.Id)));
        }

        if (items.Count == 0 && units.Count == 0)
        {
            // The lead leader's usage offers /ledger list for the items they lead: when there are none, say that, not "not allowed".
            context.Reply(unitId is null ? LedgerTexts.NoItemsYouLead : LedgerTexts.NotAllowed);
            return;
        }

        var pages = Math.Max(1, (items.Count + ListPageSize - 1) / ListPageSize);
        page = Math.Min(page, pages);
        var text = new StringBuilder(context.Text(LedgerTexts.ListHeading(items.Count)));
        var ordered = items
            .OrderBy(AttentionOrder)
            .ThenBy(i => i.Deadline)
            .ThenBy(i => i.UnitId, StringComparer.Ordinal)
            .ThenBy(i => i.Id, StringComparer.Ordinal);
        foreach (var item in ordered.Skip((page - 1) * ListPageSize).Take(ListPageSize))
        {
            text.Append('\n').Append($"{item.Id} [{LedgerTexts.StatusName(item.Status).In(context.Language)}{(item.AwaitingConfirmation ? LedgerTexts.AwaitingMark(context.Language == Language.English) : string.Empty)}] {context.Text(LedgerTexts.ListLine(UnitName(item.UnitId), Short(item.Problem, 40), item.LeadLeaderName, LedgerTexts.Date(item.Deadline)))}");
        }

        if (page < pages)
        {
            var command = unitId is null ? $"/ledger list {page + 1}" : $"/ledger list {unitId} {page + 1}";
            text.Append('\n').Append(context.Text(LedgerTexts.ListPage(page, pages, command)));
        }
        else if (pages > 1)
        {
            text.Append('\n').Append(context.Text(LedgerTexts.ListLastPage(pages)));
        }

        context.Reply(new TextMessage(text.ToString()));
    }

    /// <summary>Overdue first, then waiting for confirmation, then open, then done.</summary>
    private static int AttentionOrder(LedgerItem item) => item switch
    {
        { Status: LedgerStatus.Overdue } => 0,
        { AwaitingConfirmation: true } => 1,
        { Status: LedgerStatus.Done } => 3,
        _ => 2,
    };

    private async Task OnItemAsync(FlowContext context, Member member, string verb, string rest, CancellationToken cancellationToken)
    {
        var (id, text) = Split(rest);
        var item = id.Length is >= 2 and <= 12 ? await ledger.GetAsync(id, cancellationToken) : null;
        if (item is null)
        {
            context.Reply(LedgerTexts.NoSuchItem);
            return;
        }

        var manages = campaign.Manages(member, item.UnitId);
        var leads = item.LeadLeaderId == member.Id;
        if (!manages && !(leads && verb is "show" or "note" or "done" or "evidence"))
        {
            context.Reply(leads && verb == "confirm" ? LedgerTexts.NotYourself : verb is "note" or "done" or "evidence" ? LedgerTexts.OnlyLeaderReports : LedgerTexts.NotAllowed);
            return;
        }

        if (verb is "done" or "evidence" && text.Length == 0)
        {
            // No text: the evidence comes next, as a description, a photo or a document.
            if (item.IsClosed)
            {
                context.Reply(LedgerTexts.Closed);
                return;
            }

            await FlowStart.StartAsync(evidenceFlow, context, cancellationToken);
            return;
        }

        if (verb is not "show" and not "confirm" && text.Length == 0)
        {
            context.Reply(UsageFor(member));
            return;
        }

        if (text.Length > service.MaxText)
        {
            context.Reply(LedgerTexts.TooLong(service.MaxText));
            return;
        }

        if (item.IsClosed && verb is "note" or "done" or "evidence" or "confirm")
        {
            context.Reply(LedgerTexts.Closed);
            return;
        }

        switch (verb)
        {
            case "show":
                await ShowAsync(context, item, cancellationToken);
                return;
            case "note":
                context.Reply(LedgerTexts.Noted(await service.NoteAsync(item, text, member, context.Now, cancellationToken)));
                return;
            case "done":
                var done = await service.ReportDoneAsync(item, text, member, context.Now, cancellationToken);
                context.Reply(LedgerTexts.ReportedDone(done));
                var level = await service.IsLeadershipItemAsync(done, cancellationToken) ? LedgerPeople.SupervisorLevel : LedgerPeople.SecretaryLevel;
                foreach (var confirmer in await people.ConfirmersAsync(done.UnitId, level, member.Id, cancellationToken))
                {
                    context.Notify(confirmer.PrivateChat, TextMessage.In(LedgerTexts.AwaitingConfirmation(done), confirmer.Language));
                }

                return;
            case "evidence":
                context.Reply(LedgerTexts.EvidenceAdded(await service.AddEvidenceAsync(item, text, member, context.Now, cancellationToken)));
                return;
            case "confirm":
                if (await service.WhyNotConfirmAsync(item, member, cancellationToken) is { } why)
                {
                    context.Reply(why);
                    return;
                }

                var confirmed = await service.ConfirmAsync(item, member, context.Now, cancellationToken);
                context.Reply(LedgerTexts.Confirmed(confirmed));
                await NotifyLeaderAsync(context, confirmed, LedgerTexts.Confirmed(confirmed), cancellationToken);
                return;
            case "reopen":
                if (!TextLength.SendBackReason.Fits(text))
                {
                    context.Reply(LedgerTexts.ReopenReasonLength(TextLength.SendBackReason.Min, TextLength.SendBackReason.Max, text.Length));
                    return;
                }

                var reopened = await service.ReopenAsync(item, text, member, context.Now, cancellationToken);
                context.Reply(LedgerTexts.Reopened(reopened, text));
                await NotifyLeaderAsync(context, reopened, LedgerTexts.ReopenedToLeader(reopened, text), cancellationToken);
                return;
            default:
                var (kind, title) = Split(text);
                InstitutionChange? change = kind.ToLowerInvariant() switch
                {
                    "废" or "abolish" => InstitutionChange.Abolish,
                    "改" or "amend" => InstitutionChange.Amend,
                    "立" or "establish" => InstitutionChange.Establish,
                    _ => null,
                };
                if (change is null || title.Length == 0)
                {
                    context.Reply(UsageFor(member));
                    return;
                }

                context.Reply(LedgerTexts.InstitutionSet(await service.SetInstitutionAsync(item, change.Value, title, member, context.Now, cancellationToken), change.Value));
                return;
        }
    }

    private async Task ShowAsync(FlowContext context, LedgerItem item, CancellationToken cancellationToken)
    {
        var text = new StringBuilder(LedgerTexts.Card(item, UnitName(item.UnitId), context.Language == Language.English));
        foreach (var entry in (await ledger.HistoryAsync(item.Id, cancellationToken)).TakeLast(20))
        {
            text.Append($"\n{entry.Number}. {CampaignBot.Core.Features.Progress.CampaignTable.Time(entry.At, TimeZoneInfo.FindSystemTimeZoneById(campaign.TimeZone))} {entry.ByIn(context.Language)}{(context.Language == Language.English ? ": " : "：")}{entry.WhatIn(context.Language)}");
        }

        context.Reply(new TextMessage(text.ToString()));
    }

    private async Task NotifyLeaderAsync(FlowContext context, LedgerItem item, Text text, CancellationToken cancellationToken)
    {
        if (item.LeadLeaderId != context.Member?.Id && await people.MemberAsync(item.LeadLeaderId, cancellationToken) is { } leader)
        {
            context.Notify(leader.PrivateChat, TextMessage.In(text, leader.Language));
        }
    }

    private string UnitName(string unitId) => campaign.FindUnit(unitId)?.Name ?? unitId;

    private static (string Word, string Remainder) Split(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (trimmed, string.Empty) : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }

    private static string Short(string value, int max) => value.Length <= max ? value : value[..max] + "…";
}
