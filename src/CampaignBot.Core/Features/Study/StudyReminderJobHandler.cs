namespace CampaignBot.Core.Features.Study;

/// <summary>
/// The hourly sweep: members below their minimum get the latest reminder slot's message, secretaries this week's
/// digest. Each message's outbox id is the idempotency key (member and slot), so a sweep that runs twice, on two
/// instances or after a restart, stores each reminder once; quiet hours move the send time to the morning. A slot is
/// sent on its day, or later by the sweep that catches up after downtime (even one back before the member's hour), never
/// on the days after: sent messages are pruned after Pipeline:Retention (at least a day), so their ids cannot stand for
/// "already told" for longer.
/// </summary>
public sealed class StudyReminderJobHandler(
    IMemberStore members,
    IReminderSettingsStore settings,
    StudyProgressService progress,
    CampaignDefinition campaign,
    CampaignCalendar calendar,
    IOptions<ReminderOptions> options) : ICampaignReminder
{
    public const string JobKind = "study-reminders";
    public const string JobId = JobKind;
    private readonly ReminderOptions _options = options.Value;

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_options.Enabled)
        {
            return;
        }

        var now = context.Now;
        var today = calendar.Today(now);
        var hour = TimeZoneInfo.ConvertTime(now, calendar.Zone).Hour;
        var sendAt = context.Awake;
        var chosen = (await settings.ListAsync(cancellationToken)).ToDictionary(s => s.MemberId, StringComparer.Ordinal);
        foreach (var unit in (await members.ListAsync(null, cancellationToken)).Where(m => m.IsActive && m.TakesPart).GroupBy(m => m.PrimaryUnitId, StringComparer.Ordinal))
        {
            if (campaign.FindUnit(unit.Key) is null)
            {
                continue;
            }

            var standings = await progress.ForMembersAsync([.. unit], unit.Key, cancellationToken);
            foreach (var standing in standings)
            {
                var mine = chosen.GetValueOrDefault(standing.Member.Id);
                if (mine?.MutedUntil >= today)
                {
                    continue;
                }

                var at = mine?.Hour ?? _options.Hour;
                if (standing.IsBehind && ReminderSlots.Latest(today, standing.Deadline, _options.ReminderDays) is { } slot && IsDue(slot.Date, at, today, hour, context))
                {
                    context.Notify(standing.Member.PrivateChat, new TextMessage(ReminderText(standing, slot), RemindCommand.ReminderButtons(standing.Member.Language)).For(standing.Member.Language), $"remind:{standing.Member.Id}:{slot.Key}", sendAt);
                }

                if (standing.Member.Role == Roles.Secretary
                    && ReminderSlots.Digest(today, calendar.UnitStart(unit.Key), standing.Deadline, _options.DigestDay) is { Date: var monday } week
                    && IsDue(monday, at, today, hour, context)
                    && standings.Where(s => s.IsBehind).ToList() is { Count: > 0 } behind)
                {
                    context.Notify(standing.Member.PrivateChat, new TextMessage(DigestText(standing.Member, behind, week), [[CommandButton.For("todo", StudyTexts.OpenTodo, standing.Member.Language)]]).For(standing.Member.Language), $"digest:{standing.Member.Id}:{week.Key}", sendAt);
                }
            }
        }
    }

    /// <summary>
    /// Whether a slot (or digest week) dated <paramref name="date"/> goes out in this firing: on its day once the member's
    /// hour has come; on a later day only when its hour fell in the time this firing catches up over after downtime, whatever
    /// the hour it comes back at (a firing before it sent it then, and its id may have been pruned since).
    /// </summary>
    private bool IsDue(DateOnly date, int at, DateOnly today, int hour, JobContext context) =>
        date == today ? hour >= at : date < today && calendar.At(date, new TimeOnly(at, 0)) >= context.Job.DueAt;

    private static string ReminderText(MemberProgress standing, ReminderSlot slot)
    {
        var deadline = EntryDateParser.Show(standing.Deadline);
        var when = slot.DaysLeft == 0 ? StudyTexts.ReminderDeadlineToday(deadline) : StudyTexts.ReminderDaysLeft(slot.DaysLeft, deadline);
        return StudyTexts.StudyReminder(when, standing.Description).In(standing.Member.Language);
    }

    private static string DigestText(Member secretary, IReadOnlyList<MemberProgress> behind, ReminderSlot week)
    {
        var language = secretary.Language;
        var text = new StringBuilder(StudyTexts.DigestHeading(behind.Count, week.DaysLeft).In(language));
        foreach (var standing in behind.Take(50))
        {
            text.Append('\n').Append(StudyTexts.MemberStanding(standing.Member.Name, standing.Description.In(language)).In(language));
        }

        if (behind.Count > 50)
        {
            text.Append('\n').Append(StudyTexts.DigestMore(behind.Count - 50).In(language));
        }

        return text.ToString();
    }
}
