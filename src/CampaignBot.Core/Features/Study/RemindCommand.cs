namespace CampaignBot.Core.Features.Study;

/// <summary>
/// /remind shows the member's reminders; "/remind mute 7" mutes them for 7 days, "/remind on" turns them back on,
/// "/remind hour 19" picks the local hour (outside the quiet hours).
/// </summary>
public sealed class RemindCommand(
    IReminderSettingsStore store,
    StudyProgressService progress,
    Campaign.CampaignCalendar calendar,
    IOptions<ReminderOptions> options,
    IOptions<Scheduling.QuietHours> quiet,
    StudyFlow studyFlow,
    IEnumerable<IFlowDefinition> flows) : ICommandHandler, IButtonHandler
{
    /// <summary>The buttons on a study reminder: "rem:log" opens /study at the date step, "rem:mute" mutes reminders for a week.</summary>
    public const string PayloadPrefix = "rem";

    public const string LogPayload = PayloadPrefix + ":log";

    public const string MutePayload = PayloadPrefix + ":mute";

    /// <summary>How long the reminder's mute button mutes (at most Reminders:MaxMuteDays).</summary>
    public const int ButtonMuteDays = 7;

    private readonly ReminderOptions _options = options.Value;
    private readonly Scheduling.QuietHours _quiet = quiet.Value;

    public string Command => "remind";

    public string Prefix => PayloadPrefix;

    /// <summary>The reminder's buttons in the member's language.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> ReminderButtons(Language language) =>
        [[new Button(StudyTexts.LogStudyNow.In(language), LogPayload), new Button(StudyTexts.MuteForAWeek.In(language), MutePayload)]];

    /// <summary>
    /// A press on a reminder's button. The payload is untrusted: only the two known ones, by a registered member in a
    /// private chat; anything else is a notice on the button that changes nothing. "Log" does not throw away a step
    /// the member is in the middle of: it says so, as a command would.
    /// </summary>
    public async Task HandleAsync(FlowContext context, ButtonPress press, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(press);
        if (press.Payload is not (LogPayload or MutePayload) || context.Update.Chat.Kind != ChatKind.Private)
        {
            context.RefusePress(StudyTexts.ReminderButtonUnknown);
            return;
        }

        if (context.Member is not { } member)
        {
            context.RefusePress(StudyTexts.YouAreNotRegistered);
            return;
        }

        if (press.Payload == MutePayload)
        {
            var settings = await store.GetAsync(member.Id, cancellationToken) ?? new ReminderSettings { MemberId = member.Id };
            var until = calendar.Today(context.Now).AddDays(Math.Min(ButtonMuteDays, _options.MaxMuteDays) - 1);
            await store.UpsertAsync(settings with { MutedUntil = until }, cancellationToken);
            context.Reply(StudyTexts.MutedByButton(EntryDateParser.Show(until)));
            return;
        }

        // As a command would: a step that asks something is not thrown away; it is shown again with why.
        if (flows.FirstOrDefault(f => f.Name == context.Session.Flow) is { } definition && definition.Open(context) is { LetsCommandsThrough: false } active)
        {
            active.Reprompt(ConversationTexts.FinishCurrentStepFirst(definition.Title(Language.Chinese), definition.Title(Language.English)));
            return;
        }

        await FlowStart.StartAsync(studyFlow, context, cancellationToken);
    }

    /// <summary>The quiet hours as the replies show them ("22:00–07:00").</summary>
    private string Quiet => $"{_quiet.QuietStart:HH\\:mm}–{_quiet.QuietEnd:HH\\:mm}";

    public CommandPrivacy Privacy => CommandPrivacy.Personal;

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Member is not { } member)
        {
            context.Reply(StudyTexts.YouAreNotRegistered);
            return;
        }

        var settings = await store.GetAsync(member.Id, cancellationToken) ?? new ReminderSettings { MemberId = member.Id };
        var words = ((context.Update.Content as CommandInput)?.Arguments ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var today = calendar.Today(context.Now);
        switch (words)
        {
            case []:
                break;
            case ["mute" or "暂停", var days] when int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= _options.MaxMuteDays:
                settings = settings with { MutedUntil = today.AddDays(n - 1) };
                await store.UpsertAsync(settings, cancellationToken);
                break;
            case ["mute" or "暂停", ..]:
                context.Reply(StudyTexts.MuteDaysWanted(_options.MaxMuteDays));
                return;
            case ["on" or "恢复"]:
                settings = settings with { MutedUntil = null };
                await store.UpsertAsync(settings, cancellationToken);
                break;
            case ["hour" or "时间", var text] when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour <= 23 && !_quiet.IsQuiet(new TimeOnly(hour, 0)):
                settings = settings with { Hour = hour };
                await store.UpsertAsync(settings, cancellationToken);
                break;
            case ["hour" or "时间", ..]:
                context.Reply(StudyTexts.RemindHourWanted(Quiet));
                return;
            default:
                context.Reply(StudyTexts.UsageRemindRemindMute);
                return;
        }

        var standing = await progress.ForMemberAsync(member, cancellationToken);
        var slots = _options.ReminderDays.Select(d => standing.Deadline.AddDays(-d)).Append(standing.Deadline).Where(d => d >= today).Order().Select(EntryDateParser.Show).ToList();
        var hourText = (settings.Hour ?? _options.Hour).ToString("00", CultureInfo.InvariantCulture) + ":00";
        var muted = settings.MutedUntil is { } until && until >= today;
        context.Reply(StudyTexts.RemindSettings(
            hourText,
            Quiet,
            muted ? StudyTexts.RemindMutedUntil(EntryDateParser.Show(settings.MutedUntil!.Value)) : StudyTexts.RemindOn,
            EntryDateParser.Show(standing.Deadline),
            slots.Count > 0 ? StudyTexts.RemindDays(string.Join("、", slots), string.Join(", ", slots)) : StudyTexts.RemindNoDays,
            standing.IsBehind ? StudyTexts.RemindWillCome : StudyTexts.RemindNoMore));
    }
}
