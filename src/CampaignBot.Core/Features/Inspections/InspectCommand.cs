namespace CampaignBot.Core.Features.Inspections;

/// <summary>
/// /inspect draw|verify|list|show|check|bulletin|history: random inspections (随机调研). The office draws and publishes the
/// bulletin; the office and supervisors inspect (a supervisor the units it supervises). Nothing is said to the drawn units.
/// </summary>
public sealed class InspectCommand(
    InspectionService service,
    IInspectionStore store,
    InspectionFlow flow,
    InspectionBulletinPublisher publisher,
    HandlingCases handling,
    CampaignDefinition campaign,
    CampaignCalendar calendar) : ICommandHandler
{
    private const int MaxListed = 20;

    public string Command => "inspect";

    /// <summary>An unannounced inspection is nobody's business in a group.</summary>
    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var words = (context.Update.Content is CommandInput command ? command.Arguments : string.Empty).Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries);
        var verb = words.Length == 0 ? string.Empty : words[0].ToLowerInvariant();
        var rest = words.Skip(1).ToArray();
        if (!InspectionAccess.MayInspect(context.Member))
        {
            context.Reply(InspectionTexts.NotAllowed);
            return;
        }

        // Unannounced: nothing of an inspection is done in a group, and a checklist is never started there.
        if (context.Update.Chat.Kind == ChatKind.Group)
        {
            context.ReplyPrivately(InspectionTexts.PrivateOnly);
            return;
        }

        var member = context.Member!;
        switch (verb)
        {
            case "draw" when !InspectionAccess.MayDraw(member):
            case "bulletin" when !InspectionAccess.MayDraw(member):
                context.Reply(InspectionTexts.OfficeOnly);
                return;
            case "draw":
                await DrawAsync(context, member, rest, cancellationToken);
                return;
            case "verify" or "show" or "bulletin" when rest.Length == 0:
                context.Reply(InspectionTexts.Usage);
                return;
            case "verify":
                await VerifyAsync(context, member, rest[0], cancellationToken);
                return;
            case "show":
                await ShowAsync(context, member, rest[0], cancellationToken);
                return;
            case "list":
                await ListAsync(context, member, cancellationToken);
                return;
            case "check":
                await FlowStart.StartAsync(flow, context, cancellationToken);
                return;
            case "bulletin":
                await BulletinAsync(context, rest, cancellationToken);
                return;
            case "history" when rest.Length == 1:
                await HistoryAsync(context, member, rest[0], cancellationToken);
                return;
            default:
                context.Reply(InspectionTexts.Usage);
                return;
        }
    }

    private async Task DrawAsync(FlowContext context, Member member, string[] words, CancellationToken cancellationToken)
    {
        var (kinds, count, refusal) = service.ParseDraw(words);
        if (kinds is null)
        {
            context.Reply(refusal!);
            return;
        }

        var (inspection, why) = await service.DrawAsync(member, kinds, count, context.Update.UpdateId, context.Now, cancellationToken);
        if (inspection is null)
        {
            context.Reply(why!);
            return;
        }

        context.Reply(InspectionTexts.Drawn(inspection, UnitLines(inspection, context.Language), InspectionBulletin.KindNamesText(inspection, campaign)));
    }

    private async Task VerifyAsync(FlowContext context, Member member, string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(context, member, id, cancellationToken) is not { } inspection)
        {
            return;
        }

        var recomputed = inspection.Count <= inspection.Candidates.Count ? InspectionDraw.Draw(inspection.Candidates, inspection.Seed, inspection.Count) : [];
        context.Reply(InspectionTexts.Verified(inspection, InspectionDraw.Verify(inspection), Text.List(recomputed.Select(Name))));
    }

    private async Task ShowAsync(FlowContext context, Member member, string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(context, member, id, cancellationToken) is not { } inspection)
        {
            return;
        }

        var done = (await store.ListChecklistsAsync(inspection.Id, cancellationToken)).ToDictionary(c => c.UnitId, StringComparer.Ordinal);
        var text = new StringBuilder(context.Text(InspectionTexts.Shown(inspection, InspectionBulletin.KindNamesText(inspection, campaign), Local(inspection.DrawnAt))));
        foreach (var unitId in inspection.Units)
        {
            text.Append('\n').Append(context.Text(done.TryGetValue(unitId, out var checklist)
                ? InspectionTexts.UnitDone(Name(unitId), Ratings.Name(checklist.Rating), checklist.Findings.Count)
                : InspectionTexts.UnitToDo(Name(unitId), inspection.Id, unitId, campaign.Manages(member, unitId))));
        }

        context.Reply(new TextMessage(text.ToString()));
    }

    private async Task ListAsync(FlowContext context, Member member, CancellationToken cancellationToken)
    {
        var visible = (await store.ListAsync(cancellationToken)).Where(i => Sees(member, i)).OrderByDescending(i => i.DrawnAt).Take(MaxListed).ToList();
        if (visible.Count == 0)
        {
            context.Reply(InspectionTexts.NoneYet);
            return;
        }

        var text = new StringBuilder(context.Text(InspectionTexts.ListHeading(visible.Count)));
        foreach (var inspection in visible)
        {
            var done = (await store.ListChecklistsAsync(inspection.Id, cancellationToken)).Count;
            text.Append('\n').Append(context.Text(InspectionTexts.ListLine(inspection.Id, Local(inspection.DrawnAt), inspection.Units.Count, done)));
        }

        context.Reply(new TextMessage(text.ToString()));
    }

    private async Task BulletinAsync(FlowContext context, string[] words, CancellationToken cancellationToken)
    {
        if (words.Length > 2 || (words.Length == 2 && words[1] is not ("publish" or "preview")))
        {
            context.Reply(InspectionTexts.Usage);
            return;
        }

        if (await FindAsync(context, context.Member!, words[0], cancellationToken) is not { } inspection)
        {
            return;
        }

        if (words.Length == 2 && words[1] == "publish")
        {
            await publisher.PublishAsync(context, inspection, cancellationToken);
            return;
        }

        context.ReplyAll(await publisher.OfficeMessagesAsync(inspection, cancellationToken, context.Language));
    }

    private async Task HistoryAsync(FlowContext context, Member member, string unitId, CancellationToken cancellationToken)
    {
        if (campaign.FindUnit(unitId) is null)
        {
            context.Reply(InspectionTexts.NoSuchUnit(Words.Short(unitId)));
            return;
        }

        if (!campaign.Manages(member, unitId))
        {
            context.Reply(InspectionTexts.NotYourUnit);
            return;
        }

        var text = new StringBuilder(context.Text(InspectionTexts.HistoryHeading(Name(unitId))));
        var entries = new List<(DateTimeOffset At, Text Line)>();
        var checklists = (await store.ListChecklistsOfUnitAsync(unitId, cancellationToken)).ToDictionary(c => c.InspectionId, StringComparer.Ordinal);
        foreach (var inspection in (await store.ListAsync(cancellationToken)).Where(i => i.Units.Contains(unitId)))
        {
            entries.Add((inspection.DrawnAt, InspectionTexts.HistoryDrawn(inspection.Id, Local(inspection.DrawnAt))));
            if (checklists.TryGetValue(inspection.Id, out var checklist))
            {
                entries.Add((checklist.CompletedAt, InspectionTexts.HistoryInspected(
                    inspection.Id, Local(checklist.CompletedAt), Ratings.Name(checklist.Rating), checklist.Findings.Select(f => f.Text).ToList(), checklist.Findings.Select(f => f.LedgerItemId).OfType<string>().ToList())));
            }
        }

        foreach (var (found, decision) in await handling.ListAsync(unitId, context.Now, cancellationToken))
        {
            entries.Add((decision?.RecordedAt ?? calendar.At(found.Since, TimeOnly.MinValue), InspectionTexts.CaseLine(found, decision, Name(unitId))));
        }

        if (entries.Count == 0)
        {
            text.Append('\n').Append(context.Text(InspectionTexts.NothingInHistory));
        }

        foreach (var (_, line) in entries.OrderBy(e => e.At))
        {
            text.Append('\n').Append(context.Text(line));
        }

        context.Reply(new TextMessage(text.ToString()));
    }

    /// <summary>The inspection, when it exists and the member may see it; otherwise replies why not.</summary>
    private async Task<Inspection?> FindAsync(FlowContext context, Member member, string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is { } inspection && Sees(member, inspection))
        {
            return inspection;
        }

        context.Reply(InspectionTexts.NoSuchInspection);
        return null;
    }

    /// <summary>The office sees every inspection; a supervisor those that drew a unit it supervises.</summary>
    private bool Sees(Member member, Inspection inspection) =>
        InspectionAccess.MayDraw(member) || inspection.Units.Any(u => campaign.Manages(member, u));

    private IReadOnlyList<string> UnitLines(Inspection inspection, Language language) =>
        [.. inspection.Units.Select((u, i) => $"{i + 1}. {InspectionTexts.DrawnUnit(Name(u), u).In(language)}")];

    private string Name(string unitId) => campaign.FindUnit(unitId)?.Name ?? unitId;

    private string Local(DateTimeOffset at) => calendar.Local(at);
}

/// <summary>/handling [decide &lt;case&gt; &lt;yyyy-MM-dd&gt; &lt;decision&gt;]: the office's list of cases for organisational handling (组织处理).</summary>
public sealed class HandlingCommand(HandlingCases cases, CampaignDefinition campaign, CampaignCalendar calendar) : ICommandHandler
{
    public const int MaxDecisionLength = 500;

    public string Command => "handling";

    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!InspectionAccess.MayDraw(context.Member))
        {
            context.Reply(InspectionTexts.HandlingOfficeOnly);
            return;
        }

        var words = (context.Update.Content is CommandInput command ? command.Arguments : string.Empty).Split([' ', '　'], 4, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            await ListAsync(context, cancellationToken);
            return;
        }

        if (words[0] != "decide" || words.Length < 4)
        {
            context.Reply(InspectionTexts.HandlingUsage);
            return;
        }

        // The case first: a wrong code is the likelier slip, and a date can't be judged for a case that isn't there.
        if (await cases.CheckOpenAsync(words[1], context.Now, cancellationToken) is { } notOpen)
        {
            context.Reply(notOpen);
            return;
        }

        var today = calendar.Today(context.Now);
        DateOnly? date = words[2] is "今天" or "today" ? today
            : DateOnly.TryParseExact(words[2], ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        if (date is not { } decidedOn || decidedOn > today || decidedOn < campaign.Start)
        {
            context.Reply(InspectionTexts.BadDecisionDate(LedgerDate(campaign.Start), LedgerDate(today)));
            return;
        }

        var decision = words[3];
        if (decision.Length < 4 || decision.Length > MaxDecisionLength)
        {
            context.Reply(InspectionTexts.DecisionLength(MaxDecisionLength));
            return;
        }

        if (await cases.DecideAsync(words[1], decidedOn, decision, context.Member!, context.Now, cancellationToken) is { } refusal)
        {
            context.Reply(refusal);
            return;
        }

        context.Reply(InspectionTexts.Decided(words[1].ToUpperInvariant(), LedgerDate(decidedOn)));
    }

    private async Task ListAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var list = await cases.ListAsync(null, context.Now, cancellationToken);
        var open = list.Where(c => c.Decision is null).ToList();
        var decided = list.Where(c => c.Decision is not null).OrderByDescending(c => c.Decision!.DecidedOn).Take(10).ToList();
        var text = new StringBuilder(context.Text(InspectionTexts.CasesHeading(open.Count)));
        foreach (var (found, _) in open.Take(30))
        {
            text.Append('\n').Append(context.Text(InspectionTexts.CaseLine(found, null, Name(found.UnitId))));
        }

        if (decided.Count > 0)
        {
            text.Append('\n').Append(context.Text(InspectionTexts.DecidedHeading));
            foreach (var (found, decision) in decided)
            {
                text.Append('\n').Append(context.Text(InspectionTexts.CaseLine(found, decision, Name(found.UnitId))));
            }
        }

        text.Append('\n').Append(context.Text(InspectionTexts.HandlingUsage));
        context.Reply(new TextMessage(text.ToString()));
    }

    private string Name(string unitId) => campaign.FindUnit(unitId)?.Name ?? unitId;

    private static string LedgerDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
