namespace CampaignBot.Core.Features.Contacts;

/// <summary>
/// /contact: the office sets and lists contact points (<c>set</c>, <c>clear</c>, <c>list</c>); a contact leader sees
/// their units, reads (never changes) each unit's self-examinations and ledger (<c>exams</c>, <c>exam</c>,
/// <c>ledger</c>) and logs visits (<c>visit</c>, <c>visits</c>). Whoever manages a unit may read it the same way.
/// </summary>
public sealed class ContactCommand(ContactDirectory directory, ContactUnitView view, IContactStore store, IMemberStore members, CampaignDefinition campaign, ContactVisitFlow visitFlow) : ICommandHandler, IButtonHandler
{
    /// <summary>The page buttons of <c>/contact exam</c>: <c>cexam:&lt;unit&gt;:&lt;n&gt;:&lt;page&gt;</c>.</summary>
    public const string ExamPagePrefix = "cexam";

    public string Command => "contact";

    public string Prefix => ExamPagePrefix;

    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    /// <summary>More than the catalogue's line (the office): whoever manages a unit reads it here too; contact leaders come by <see cref="ContactAudience"/>.</summary>
    public Text? NotFor(Member? member, CampaignDefinition campaign) =>
        member?.Role is Roles.CampaignOffice or Roles.Supervisor or Roles.Secretary ? null : ContactTexts.ForOfficeAndLeaders;

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = context.Update.Content is CommandInput command ? command.Arguments.Trim() : string.Empty;
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (context.Member is not { IsActive: true } member)
        {
            context.Reply(ContactTexts.NotAllowed);
            return;
        }

        switch (words.FirstOrDefault()?.ToLowerInvariant())
        {
            case null:
                await OverviewAsync(context, member, cancellationToken);
                return;
            case "list" when member.Role == Roles.CampaignOffice:
                await ListAsync(context, cancellationToken);
                return;
            case "set" when member.Role == Roles.CampaignOffice:
                await SetAsync(context, member, words[1..], cancellationToken);
                return;
            case "clear" when member.Role == Roles.CampaignOffice:
                await ClearAsync(context, member, words[1..], cancellationToken);
                return;
            case "list" or "set" or "clear":
                context.Reply(ContactTexts.OnlyOffice);
                return;
            case "exams" when words.Length == 2:
                await ExamsAsync(context, member, words[1], cancellationToken);
                return;
            case "exam" when words.Length is 3 or 4:
                await ExamAsync(context, member, words[1], words[2], words.Length == 4 ? words[3] : "1", cancellationToken);
                return;
            case "ledger" when words.Length == 2:
                await LedgerAsync(context, member, words[1], cancellationToken);
                return;
            case "visit" when words.Length == 1 && context.Update.Chat.Kind == ChatKind.Group:
                // A flow started here would live in the group's session while its prompts go to the private chat.
                context.Reply(ContactTexts.VisitInPrivate);
                return;
            case "visit" when words.Length == 1:
                await FlowStart.StartAsync(visitFlow, context, cancellationToken);
                return;
            case "visits":
                await VisitsAsync(context, member, words.Length > 1 ? words[1] : null, cancellationToken);
                return;
            default:
                context.Reply(member.Role == Roles.CampaignOffice ? ContactTexts.OfficeUsage : ContactTexts.LeaderUsage);
                return;
        }
    }

    /// <summary>A page button of <c>/contact exam</c>: the same checks as the typed command, then that page.</summary>
    public async Task HandleAsync(FlowContext context, ButtonPress press, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(press);
        if (press.Payload.Split(':') is not [ExamPagePrefix, var unitId, var number, var page] || campaign.FindUnit(unitId) is null)
        {
            context.RefusePress(ContactTexts.BadExaminationPageButton);
            return;
        }

        if (context.Member is not { IsActive: true } member)
        {
            context.Reply(ContactTexts.NotAllowed);
            return;
        }

        await ExamAsync(context, member, unitId, number, page, cancellationToken);
    }

    private async Task OverviewAsync(FlowContext context, Member member, CancellationToken cancellationToken)
    {
        var units = await directory.UnitsOfAsync(member, cancellationToken);
        if (units.Count == 0)
        {
            if (member.Role == Roles.CampaignOffice)
            {
                await ListAsync(context, cancellationToken, ContactTexts.OfficeUsage);
            }
            else
            {
                context.Reply(ContactTexts.NotAContactLeader);
            }

            return;
        }

        var text = new StringBuilder(context.Text(ContactTexts.MyUnitsHeading));
        foreach (var unit in units)
        {
            text.Append('\n').Append(context.Text(ContactTexts.MyUnitLine(view.UnitName(unit), unit)));
        }

        text.Append('\n').Append(context.Text(ContactTexts.LeaderUsage));
        context.Reply(new TextMessage(text.ToString()));
    }

    /// <summary>Every contact point; <paramref name="then"/> (the office's verbs) closes the same message.</summary>
    private async Task ListAsync(FlowContext context, CancellationToken cancellationToken, Text? then = null)
    {
        var all = await directory.AllAsync(cancellationToken);
        var text = new StringBuilder(context.Text(ContactTexts.ListHeading(all.Count)));
        foreach (var assignment in all)
        {
            text.Append('\n').Append(context.Text(ContactTexts.AssignmentLine(assignment.LeaderName, assignment.LeaderId, assignment.Level, Text.List(assignment.UnitIds.Select(view.UnitName)))));
        }

        if (then is not null)
        {
            text.Append('\n').Append(context.Text(then));
        }

        context.Reply(new TextMessage(text.ToString()));
    }

    /// <summary>/contact set &lt;member-id&gt; &lt;city|county&gt; &lt;unit&gt; [&lt;unit&gt;]: checked by the source's rules before it is stored.</summary>
    private async Task SetAsync(FlowContext context, Member office, string[] words, CancellationToken cancellationToken)
    {
        if (words.Length is < 3 or > 4 || ContactRules.ParseLevel(words[1]) is not { } level)
        {
            context.Reply(ContactTexts.SetUsage);
            return;
        }

        var leaderId = words[0];
        var name = await members.GetAsync(leaderId, cancellationToken) is { } leader ? leader.Name : leaderId;
        var assignment = new ContactAssignment(leaderId, name, level, words[2..]);
        var problems = ContactRules.Check(assignment, campaign.Contacts, unit => campaign.FindUnit(unit)?.Kind);
        if (problems.Count > 0)
        {
            context.Reply(new TextMessage(string.Join("\n", problems.Select(context.Text)) + "\n" + context.Text(ContactTexts.SetUsage)));
            return;
        }

        await store.SetAsync(new ContactChange(assignment, Removed: false, office.Id, context.Now), cancellationToken);
        context.Reply(ContactTexts.Set(name, leaderId, level, Text.List(assignment.UnitIds.Select(view.UnitName))));
    }

    private async Task ClearAsync(FlowContext context, Member office, string[] words, CancellationToken cancellationToken)
    {
        if (words.Length != 1 || await directory.OfLeaderAsync(words[0], cancellationToken) is not { } assignment)
        {
            context.Reply(ContactTexts.NoSuchLeader);
            return;
        }

        await store.SetAsync(new ContactChange(assignment, Removed: true, office.Id, context.Now), cancellationToken);
        context.Reply(ContactTexts.Cleared(assignment.LeaderName, assignment.LeaderId));
    }

    private async Task<bool> MayReadAsync(FlowContext context, Member member, string unitId, CancellationToken cancellationToken)
    {
        if (campaign.FindUnit(unitId) is null)
        {
            context.Reply(ContactTexts.UnknownUnit(unitId));
            return false;
        }

        if (!await directory.MayReadAsync(member, unitId, cancellationToken))
        {
            context.Reply(ContactTexts.NotYourUnit);
            return false;
        }

        return true;
    }

    private async Task ExamsAsync(FlowContext context, Member member, string unitId, CancellationToken cancellationToken)
    {
        if (await MayReadAsync(context, member, unitId, cancellationToken))
        {
            context.Reply(new TextMessage(view.ExaminationList(unitId, await view.ExaminationsAsync(unitId, cancellationToken), context.Language)));
        }
    }

    private async Task ExamAsync(FlowContext context, Member member, string unitId, string number, string page, CancellationToken cancellationToken)
    {
        if (!await MayReadAsync(context, member, unitId, cancellationToken))
        {
            return;
        }

        var exams = await view.ExaminationsAsync(unitId, cancellationToken);
        if (exams.Count == 0)
        {
            context.Reply(ContactTexts.NoExaminationsYet(campaign.FindUnit(unitId)?.Name ?? unitId));
            return;
        }

        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > exams.Count)
        {
            context.Reply(ContactTexts.NoSuchExamination(unitId, exams.Count));
            return;
        }

        // A page past the end shows the last; a word that is not a page number, the first.
        var shown = await view.ExaminationAsync(exams[n - 1], int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1, context.Language, cancellationToken);
        if (shown.Pages == 1)
        {
            context.Reply(new TextMessage(shown.Text));
            return;
        }

        var row = new List<Button>();
        if (shown.Page > 1)
        {
            row.Add(new Button(context.Text(ContactTexts.ExaminationPreviousPage), ExamPagePayload(unitId, n, shown.Page - 1)));
        }

        if (shown.Page < shown.Pages)
        {
            row.Add(new Button(context.Text(ContactTexts.ExaminationNextPage), ExamPagePayload(unitId, n, shown.Page + 1)));
        }

        // A unit id too long for a button's payload leaves the typed command on the last line as the way on.
        var fits = row.TrueForAll(b => Encoding.UTF8.GetByteCount(b.Payload) <= Button.MaxPayloadBytes);
        context.Reply(new TextMessage(shown.Text + "\n" + context.Text(ContactTexts.ExaminationPageLine(shown.Page, shown.Pages, unitId, n)), fits ? [row] : null));
    }

    public static string ExamPagePayload(string unitId, int number, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{ExamPagePrefix}:{unitId}:{number}:{page}");

    private async Task LedgerAsync(FlowContext context, Member member, string unitId, CancellationToken cancellationToken)
    {
        if (await MayReadAsync(context, member, unitId, cancellationToken))
        {
            context.Reply(new TextMessage(await view.LedgerAsync(unitId, context.Language, cancellationToken)));
        }
    }

    /// <summary>A leader's own visits; with a unit, that unit's visits for whoever may read it.</summary>
    private async Task VisitsAsync(FlowContext context, Member member, string? unitId, CancellationToken cancellationToken)
    {
        IReadOnlyList<ContactVisit> visits;
        if (unitId is null)
        {
            visits = await store.ListVisitsByLeaderAsync(member.Id, cancellationToken);
        }
        else if (await MayReadAsync(context, member, unitId, cancellationToken))
        {
            visits = await store.ListVisitsAsync(unitId, cancellationToken);
        }
        else
        {
            return;
        }

        if (visits.Count == 0)
        {
            // An empty list says what to do: a leader logs a visit, anyone else is told none is logged (or that they have no contact points).
            context.Reply(unitId is not null ? ContactTexts.NoVisitsToUnit(view.UnitName(unitId, context.Language))
                : (await directory.UnitsOfAsync(member, cancellationToken)).Count > 0 ? ContactTexts.NoVisitsYet : ContactTexts.NotAContactLeader);
            return;
        }

        var text = new StringBuilder(context.Text(ContactTexts.VisitsHeading(visits.Count)));
        foreach (var visit in visits.TakeLast(20))
        {
            var bar = ContactUnitView.Bar(context.Language);
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{ContactTexts.Date(visit.Date)} {view.UnitName(visit.UnitId, context.Language)}{bar}{visit.LeaderName}{bar}{visit.What}");
        }

        context.Reply(new TextMessage(text.ToString()));
    }
}
