namespace CampaignBot.Core.Features.Study;

/// <summary>
/// /remind shows the member's reminders; "/remind mute 7" mutes them for 7 days, "/remind on" turns them back on,
/// "/remind hour 19" picks the local hour (outside the quiet hours).
/// </summary>
public sealed class RemindCommand(IReminderSettingsStore store, StudyProgressService progress, Campaign.CampaignCalendar calendar, IOptions<ReminderOptions> options, IOptions<Scheduling.QuietHours> quiet) : ICommandHandler
{
    private readonly ReminderOptions _options = options.Value;
    private readonly Scheduling.QuietHours _quiet = quiet.Value;

    public string Command => "remind";

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
