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
                context.Reply(
                    $"请写 0–23 之间、不在免打扰时段（{_quiet.QuietStart:HH\\:mm}–{_quiet.QuietEnd:HH\\:mm}）的整点，例如 /remind hour 19。",
                    $"Give a whole hour 0–23 outside the quiet hours ({_quiet.QuietStart:HH\\:mm}–{_quiet.QuietEnd:HH\\:mm}), e.g. /remind hour 19.");
                return;
            default:
                context.Reply(StudyTexts.UsageRemindRemindMute);
                return;
        }

        var standing = await progress.ForMemberAsync(member, cancellationToken);
        var slots = _options.ReminderDays.Select(d => standing.Deadline.AddDays(-d)).Append(standing.Deadline).Where(d => d >= today).Order().Select(EntryDateParser.Show).ToList();
        var hourText = (settings.Hour ?? _options.Hour).ToString("00", CultureInfo.InvariantCulture) + ":00";
        var muted = settings.MutedUntil is { } until && until >= today;
        context.Reply(
            $"提醒设置\n时间：每天 {hourText}（北京时间，免打扰 {_quiet.QuietStart:HH\\:mm}–{_quiet.QuietEnd:HH\\:mm}）\n状态：{(muted ? $"已暂停至 {EntryDateParser.Show(settings.MutedUntil!.Value)}" : "开启")}\n" +
            $"截止日期：{EntryDateParser.Show(standing.Deadline)}；提醒日：{(slots.Count > 0 ? string.Join("、", slots) : "无")}\n" +
            $"{(standing.IsBehind ? "你尚未达到最低要求，提醒日会收到提醒。" : "你已达到最低要求，不会再收到提醒。")}\n/remind mute 7 暂停；/remind on 恢复；/remind hour 19 改时间。",
            $"Reminders\nTime: {hourText} daily (campaign time; quiet {_quiet.QuietStart:HH\\:mm}–{_quiet.QuietEnd:HH\\:mm})\nStatus: {(muted ? $"muted until {EntryDateParser.Show(settings.MutedUntil!.Value)}" : "on")}\n" +
            $"Deadline: {EntryDateParser.Show(standing.Deadline)}; reminder days: {(slots.Count > 0 ? string.Join(", ", slots) : "none")}\n" +
            $"{(standing.IsBehind ? "You are below the minimum, so reminders will come." : "You reached the minimum; no more reminders.")}\n/remind mute 7; /remind on; /remind hour 19.");
    }
}
