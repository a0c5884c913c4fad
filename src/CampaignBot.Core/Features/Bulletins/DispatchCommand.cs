namespace CampaignBot.Core.Features.Bulletins;

/// <summary>
/// /dispatch [yyyy-MM] [count | lines | checked | note]: a secretary's answer to a month's dispatch (月调度), one per unit and
/// month. The ask's button ("dispatch-month:yyyy-MM") opens the form for the month it asked about.
/// </summary>
public sealed class DispatchCommand(IBulletinStore store, DispatchMonths months, IOptions<BulletinOptions> options, DispatchFlow form) : ICommandHandler, IButtonHandler
{
    public const string PayloadPrefix = "dispatch-month";

    public string Command => "dispatch";

    public string Prefix => PayloadPrefix;

    public static string Payload(string month) => $"{PayloadPrefix}:{month}";

    /// <summary>The month the update names: the button's, or the first word after /dispatch when it reads as a month.</summary>
    public static string? MonthWord(InboundContent content) => content switch
    {
        ButtonPress { Payload: var payload } when payload.StartsWith(PayloadPrefix + ":", StringComparison.Ordinal) => payload[(PayloadPrefix.Length + 1)..],
        CommandInput { Arguments: var arguments } when arguments.Trim().Split(' ', 2)[0] is var word && DispatchMonths.LooksLikeMonth(word) => word,
        _ => null,
    };

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SecretaryOrRefuse(context, press: false) is not { } member)
        {
            return;
        }

        var arguments = context.Update.Content is CommandInput command ? command.Arguments.Trim() : string.Empty;
        var word = MonthWord(context.Update.Content);
        var rest = word is null ? arguments : arguments[word.Length..].Trim();
        var month = months.Resolve(word, context.Campaign, context.Now);
        if (rest.Length == 0)
        {
            // The form opens on the same month (or says the same refusal): it reads the month from this update.
            await FlowStart.StartAsync(form, context, cancellationToken);
            return;
        }

        if (month.Month is not { } asked)
        {
            context.Reply(month.Refusal!);
            return;
        }

        var parts = rest.Split('|').Select(p => p.Trim()).ToArray();
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

        await store.SaveDispatchAsync(
            new DispatchReport
            {
                UnitId = member.UnitId,
                Month = asked,
                PracticalThings = count,
                Lines = lines,
                LedgerChecked = parts.Length > 2 && parts[2].ToLowerInvariant() is "是" or "yes" or "y" or "已核实",
                Note = note is { Length: > 0 } && note.ToLowerInvariant() is not ("无" or "none") ? note : null,
                AnsweredBy = member.Id,
                AnsweredAt = context.Now,
            },
            cancellationToken);
        context.Reply(BulletinTexts.DispatchSaved(asked, count));
    }

    /// <summary>A press on the ask's button: opens the form for the month it names.</summary>
    public async Task HandleAsync(FlowContext context, ButtonPress press, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(press);
        if (!DispatchMonths.IsMonth(MonthWord(press), out _))
        {
            context.RefusePress(ConversationTexts.UnrecognisedButton);
            return;
        }

        if (SecretaryOrRefuse(context, press: true) is null)
        {
            return;
        }

        if (context.Session.Flow is { } open && open != form.Name)
        {
            context.RefusePress(BulletinTexts.DispatchFinishFormFirst);
            return;
        }

        await FlowStart.StartAsync(form, context, cancellationToken);
    }

    /// <summary>The secretary in a private chat, or null after saying why not.</summary>
    private static Member? SecretaryOrRefuse(FlowContext context, bool press)
    {
        if (context.Member is { Role: Roles.Secretary } member && context.Update.Chat.Kind == ChatKind.Private)
        {
            return member;
        }

        var why = context.Member is { Role: Roles.Secretary } ? BulletinTexts.PleaseAnswerDispatchPrivate : BulletinTexts.DispatchNotAllowed;
        if (press)
        {
            context.RefusePress(why);
        }
        else
        {
            context.Reply(why);
        }

        return null;
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
        var (firstMonth, lastMonth) = (CampaignCalendar.MonthStart(context.Campaign.Start), CampaignCalendar.MonthStart(context.Campaign.End));
        var lastOne = CampaignCalendar.MonthStart(today.AddMonths(-1));
        var month = BulletinBuilder.MonthOf(lastOne < firstMonth ? firstMonth : lastOne > lastMonth ? lastMonth : lastOne);
        var verb = "preview";
        foreach (var word in words)
        {
            if (BulletinBuilder.TryParseMonth(word, out var first) && (first < firstMonth || first > lastMonth))
            {
                context.Reply(BulletinTexts.OutsideCampaign(BulletinBuilder.MonthOf(firstMonth), BulletinBuilder.MonthOf(lastMonth)));
                return;
            }

            if (BulletinBuilder.TryParseMonth(word, out first) && first > today)
            {
                context.Reply(BulletinTexts.MonthNotBegun(BulletinBuilder.MonthOf(first)));
                return;
            }

            if (BulletinBuilder.TryParseMonth(word, out first))
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
            context.ReplyAll(await publisher.OfficeMessagesAsync(month, context.Now, cancellationToken, context.Language));
            return;
        }

        await publisher.PublishAsync(context, month, cancellationToken);
    }
}
