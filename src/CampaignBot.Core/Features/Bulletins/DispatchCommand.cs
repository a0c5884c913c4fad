namespace CampaignBot.Core.Features.Bulletins;

/// <summary>/dispatch count | lines | checked | note: a secretary's answer to this month's dispatch (月调度), one per unit and month.</summary>
public sealed class DispatchCommand(IBulletinStore store, CampaignCalendar calendar, IOptions<BulletinOptions> options, DispatchFlow form) : ICommandHandler
{
    public string Command => "dispatch";

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Member is not { Role: Roles.Secretary } member || context.Update.Chat.Kind != ChatKind.Private)
        {
            context.Reply(context.Member is { Role: Roles.Secretary } ? BulletinTexts.PleaseAnswerDispatchPrivate : BulletinTexts.DispatchNotAllowed);
            return;
        }

        var arguments = context.Update.Content is CommandInput command ? command.Arguments.Trim() : string.Empty;
        if (arguments.Length == 0)
        {
            await FlowStart.StartAsync(form, context, cancellationToken);
            return;
        }

        var parts = arguments.Split('|').Select(p => p.Trim()).ToArray();
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 999)
        {
            context.Reply(BulletinTexts.BadCount);
            context.Reply(BulletinTexts.DispatchUsage);
            return;
        }

        var lines = parts.Length > 1 ? parts[1].Split(['；', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        var note = parts.Length > 3 ? string.Join(" | ", parts[3..]) : null;
        var max = options.Value;
        if (lines.Length > max.MaxLines || lines.Any(l => l.Length > max.MaxLineLength) || note is { Length: > 300 })
        {
            context.Reply(BulletinTexts.TooManyLines(max.MaxLines, max.MaxLineLength));
            return;
        }

        var month = BulletinBuilder.MonthOf(calendar.Today(context.Now));
        await store.SaveDispatchAsync(
            new DispatchReport
            {
                UnitId = member.UnitId,
                Month = month,
                PracticalThings = count,
                Lines = lines,
                LedgerChecked = parts.Length > 2 && parts[2].ToLowerInvariant() is "是" or "yes" or "y" or "已核实",
                Note = note is { Length: > 0 } && note.ToLowerInvariant() is not ("无" or "none") ? note : null,
                AnsweredBy = member.Id,
                AnsweredAt = context.Now,
            },
            cancellationToken);
        context.Reply(BulletinTexts.DispatchSaved(month, count));
    }
}

/// <summary>/bulletin [yyyy-MM] preview|publish: the office previews a month's bulletin (text, XLSX, PNG) and publishes the public version to each unit's group.</summary>
public sealed class BulletinCommand(BulletinPublisher publisher, CampaignCalendar calendar) : ICommandHandler
{
    public string Command => "bulletin";

    /// <summary>Asked in a group, the office's draft and the publishing instructions go to the office privately.</summary>
    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Member is not { Role: Roles.CampaignOffice })
        {
            context.Reply(BulletinTexts.BulletinNotAllowed);
            return;
        }

        var words = (context.Update.Content is CommandInput command ? command.Arguments : string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var today = calendar.Today(context.Now);

        // The campaign's months only; in its first month, that month so far (there is no last month of it yet).
        var (firstMonth, lastMonth) = (FirstOfMonth(context.Campaign.Start), FirstOfMonth(context.Campaign.End));
        var lastOne = FirstOfMonth(today.AddMonths(-1));
        var month = BulletinBuilder.MonthOf(lastOne < firstMonth ? firstMonth : lastOne > lastMonth ? lastMonth : lastOne);
        var verb = "preview";
        foreach (var word in words)
        {
            if (BulletinBuilder.TryParseMonth(word, out var first) && (first < firstMonth || first > lastMonth))
            {
                context.Reply(BulletinTexts.OutsideCampaign(BulletinBuilder.MonthOf(firstMonth), BulletinBuilder.MonthOf(lastMonth)));
                return;
            }

            if (BulletinBuilder.TryParseMonth(word, out first) && first <= today)
            {
                month = BulletinBuilder.MonthOf(first);
            }
            else if (word is "preview" or "publish")
            {
                verb = word;
            }
            else
            {
                context.Reply(BulletinTexts.BulletinUsage);
                return;
            }
        }

        if (verb == "preview")
        {
            context.ReplyAll(await publisher.OfficeMessagesAsync(month, cancellationToken, context.Language));
            return;
        }

        await publisher.PublishAsync(context, month, cancellationToken);
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
