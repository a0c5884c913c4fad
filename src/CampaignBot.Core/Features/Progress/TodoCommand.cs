using CampaignBot.Core.Features.Study;

namespace CampaignBot.Core.Features.Progress;

/// <summary>
/// /todo: a secretary sees their unit's action lists by name, each with a 催办 button; the office sees only the units that
/// need attention city-wide (make-up rounds, units where half the members or more are on a list), never a name.
/// /todo remind &lt;list&gt; is the typed form of the button.
/// </summary>
public sealed class TodoCommand(ActionLists lists, Nudges nudges) : ICommandHandler
{
    /// <summary>Names shown per list; the button reminds everyone on it.</summary>
    public const int MaxNames = 30;

    /// <summary>A unit with at least this share of its members on one list is behind.</summary>
    public const decimal BehindShare = 0.5m;

    public string Command => "todo";

    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var words = context.Update.Content is CommandInput { Arguments: var a } ? a.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        switch (context.Member)
        {
            case { Role: Roles.Secretary } secretary when words is ["remind" or "催办", var code]:
                await nudges.RemindAsync(context, secretary, ActionListKind.Find(code), cancellationToken);
                return;
            case { Role: Roles.Secretary } when words.Length > 0:
                context.Reply(ProgressTexts.RemindUsage);
                return;
            case { Role: Roles.Secretary } secretary:
                await ShowUnitAsync(context, secretary, cancellationToken);
                return;
            case { Role: Roles.CampaignOffice }:
                await ShowCityAsync(context, cancellationToken);
                return;
            default:
                context.Reply(ProgressTexts.OnlyManagers);
                return;
        }
    }

    private async Task ShowUnitAsync(FlowContext context, Member secretary, CancellationToken cancellationToken)
    {
        var unit = await lists.ForUnitAsync(secretary.UnitId, context.Now, cancellationToken);
        var unitName = context.Campaign.FindUnit(secretary.UnitId)?.NameIn(context.Language) ?? secretary.UnitId;
        if (unit.IsEmpty)
        {
            context.Reply(ProgressTexts.NothingToDo);
            return;
        }

        var text = new StringBuilder(context.Text(ProgressTexts.TodoHeading(unitName)));
        var buttons = new List<IReadOnlyList<Button>>();
        foreach (var kind in ActionListKind.All)
        {
            var people = unit.Lists[kind];
            if (people.Count == 0)
            {
                continue;
            }

            var names = Text.List(people.Take(MaxNames).Select(m => m.Name));
            if (people.Count > MaxNames)
            {
                names = new Text(names.Chinese + "……", names.English + "…");
            }

            text.Append('\n').Append(context.Text(ProgressTexts.TodoLine(context.Text(kind.Name), people.Count, names)));
            buttons.Add([new Button(context.Text(kind.Button), Nudges.Payload(kind))]);
        }

        context.Reply(new TextMessage(text.Append('\n').Append(context.Text(ProgressTexts.RemindHint)).ToString(), buttons));
    }

    private async Task ShowCityAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var makeUp = await lists.MakeUpAsync(cancellationToken);
        var behind = new List<string>();
        foreach (var unit in context.Campaign.Units)
        {
            var standing = await lists.ForUnitAsync(unit.Id, context.Now, cancellationToken);
            var lagging = ActionListKind.All
                .Where(k => standing.Members > 0 && standing.Count(k) >= Math.Ceiling(standing.Members * BehindShare))
                .Select(k => $"{context.Text(k.Name)} {standing.Count(k)}/{standing.Members}")
                .ToList();
            if (lagging.Count > 0)
            {
                behind.Add(context.Text(ProgressTexts.OfficeBehindLine(unit.Name, unit.Id, Text.List(lagging, "，"))));
            }
        }

        if (makeUp.Count == 0 && behind.Count == 0)
        {
            context.Reply(ProgressTexts.OfficeAllGood);
            return;
        }

        var text = new StringBuilder(context.Text(ProgressTexts.OfficeHeading));
        if (makeUp.Count > 0)
        {
            text.Append('\n').Append(context.Text(ProgressTexts.OfficeMakeUp));
            foreach (var (unitId, stages) in makeUp)
            {
                var stageNames = stages.Select(s => context.Campaign.Evaluation.Stages.FirstOrDefault(x => x.Code == s)?.NameIn(context.Language) ?? s);
                text.Append("\n· ").Append(context.Text(ProgressTexts.OfficeMakeUpLine(context.Campaign.FindUnit(unitId)?.NameIn(context.Language) ?? unitId, Text.List(stageNames))));
            }
        }

        if (behind.Count > 0)
        {
            text.Append('\n').Append(context.Text(ProgressTexts.OfficeBehind));
            foreach (var line in behind)
            {
                text.Append("\n· ").Append(line);
            }
        }

        context.Reply(new TextMessage(text.ToString()));
    }
}

/// <summary>
/// 催办: reminds everyone on one of the secretary's action lists, privately, through the outbox under the id
/// "nudge:&lt;member&gt;:&lt;local date&gt;" — so each person gets at most one reminder a day however often it is pressed —
/// and never in quiet hours (the message waits for their end).
/// </summary>
public sealed class Nudges(ActionLists lists, NoticeLedger notices, Campaign.CampaignCalendar calendar, IOptions<QuietHours> quiet) : IButtonHandler
{
    public const string PayloadPrefix = "todo";

    public string Prefix => PayloadPrefix;

    public static string Payload(ActionListKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return $"{PayloadPrefix}:{kind.Code}";
    }

    public static string OutboxIdFor(string memberId, DateOnly day) => $"nudge:{memberId}:{day:yyyy-MM-dd}";

    /// <summary>A press on a 催办 button; the payload is untrusted, the unit is always the presser's own.</summary>
    public async Task HandleAsync(FlowContext context, ButtonPress press, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(press);
        var kind = press.Payload.Split(':') is [PayloadPrefix, var code] ? ActionListKind.Find(code) : null;
        if (kind is null)
        {
            context.RefusePress(ProgressTexts.BadButton);
            return;
        }

        if (context.Member is not { Role: Roles.Secretary } secretary || context.Update.Chat.Kind != ChatKind.Private)
        {
            context.RefusePress(ProgressTexts.OnlyManagers);
            return;
        }

        await RemindAsync(context, secretary, kind, cancellationToken);
    }

    public async Task RemindAsync(FlowContext context, Member secretary, ActionListKind? kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(secretary);
        if (kind is null)
        {
            context.Reply(ProgressTexts.RemindUsage);
            return;
        }

        // The list as it is now, not as it was when the button was drawn: who has caught up is left alone.
        var people = (await lists.ForUnitAsync(secretary.UnitId, context.Now, cancellationToken)).Lists[kind].Where(m => m.Id != secretary.Id).ToList();
        if (people.Count == 0)
        {
            context.Reply(ProgressTexts.NobodyOnList(context.Text(kind.Name)));
            return;
        }

        var sendAt = quiet.Value.NotIn(context.Now, calendar);
        var day = calendar.Today(sendAt);
        var (sent, already) = (0, 0);
        foreach (var member in people)
        {
            var id = OutboxIdFor(member.Id, day);
            if (await notices.WasStoredAsync(id, cancellationToken))
            {
                already++;
                continue;
            }

            var language = member.Language;
            var text = ProgressTexts.Reminder(secretary.Name, kind.Reminder.In(language)).In(language);
            context.NotifyOnce(id, member.PrivateChat, new TextMessage(text).For(language), sendAt);
            sent++;
        }

        var later = sendAt > context.Now ? TimeZoneInfo.ConvertTime(sendAt, calendar.Zone) : (DateTimeOffset?)null;
        context.Reply(ProgressTexts.Reminded(sent, already, later));
    }
}
