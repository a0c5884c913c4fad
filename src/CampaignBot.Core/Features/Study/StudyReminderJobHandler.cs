namespace CampaignBot.Core.Features.Study;

/// <summary>
/// The hourly sweep: members below their minimum get the latest reminder slot's message, secretaries this week's
/// digest. Each message's outbox id is the idempotency key (member and slot), so a sweep that runs twice, on two
/// instances or after a restart, stores each reminder once; quiet hours move the send time to the morning.
/// </summary>
public sealed class StudyReminderJobHandler(
    IMemberStore members,
    IReminderSettingsStore settings,
    StudyProgressService progress,
    CampaignDefinition campaign,
    CampaignCalendar calendar,
    IOptions<ReminderOptions> options,
    IOptions<QuietHours> quiet) : IJobHandler
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
        var sendAt = quiet.Value.NotIn(now, calendar);
        var chosen = (await settings.ListAsync(cancellationToken)).ToDictionary(s => s.MemberId, StringComparer.Ordinal);
        foreach (var unit in (await members.ListAsync(null, cancellationToken)).Where(m => m.IsActive).GroupBy(m => m.PrimaryUnitId, StringComparer.Ordinal))
        {
            if (campaign.FindUnit(unit.Key) is null)
            {
                continue;
            }

            var standings = await progress.ForMembersAsync([.. unit], unit.Key, cancellationToken);
            foreach (var standing in standings)
            {
                var mine = chosen.GetValueOrDefault(standing.Member.Id);
                if (mine?.MutedUntil >= today || hour < (mine?.Hour ?? _options.Hour))
                {
                    continue;
                }

                if (standing.IsBehind && ReminderSlots.Latest(today, standing.Deadline, _options.ReminderDays) is { } slot)
                {
                    context.Notify(standing.Member.PrivateChat, new TextMessage(ReminderText(standing, slot)), $"remind:{standing.Member.Id}:{slot.Key}", sendAt);
                }

                if (standing.Member.Role == Roles.Secretary
                    && ReminderSlots.Digest(today, calendar.UnitStart(unit.Key), standing.Deadline, _options.DigestDay) is { } week
                    && standings.Where(s => s.IsBehind).ToList() is { Count: > 0 } behind)
                {
                    context.Notify(standing.Member.PrivateChat, new TextMessage(DigestText(standing.Member, behind, week)), $"digest:{standing.Member.Id}:{week.Key}", sendAt);
                }
            }
        }
    }

    private static bool English(Member member) => member.LanguageCode?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;

    private static string ReminderText(MemberProgress standing, ReminderSlot slot)
    {
        var deadline = EntryDateParser.Show(standing.Deadline);
        if (English(standing.Member))
        {
            var when = slot.DaysLeft == 0 ? $"Today ({deadline}) is your unit's deadline" : $"{slot.DaysLeft} day(s) left until your unit's deadline ({deadline})";
            return $"Reminder: {when}. So far: {standing.Describe(true)}. Send /study, /research or /visits to log; /remind to change reminders.";
        }

        var head = slot.DaysLeft == 0 ? $"今天（{deadline}）是本单位学习教育环节的截止日" : $"距本单位学习教育环节截止（{deadline}）还有 {slot.DaysLeft} 天";
        return $"提醒：{head}。你目前：{standing.Describe(false)}。发送 /study、/research 或 /visits 记录；发送 /remind 设置提醒。";
    }

    private static string DigestText(Member secretary, IReadOnlyList<MemberProgress> behind, ReminderSlot week)
    {
        var english = English(secretary);
        var text = new StringBuilder(english
            ? $"Weekly digest: {behind.Count} member(s) below the minimum, {week.DaysLeft} day(s) to the deadline:"
            : $"每周汇总：本单位有 {behind.Count} 人未达到最低要求，距截止还有 {week.DaysLeft} 天：");
        foreach (var standing in behind.Take(50))
        {
            text.Append('\n').Append(standing.Member.Name).Append(english ? ": " : "：").Append(standing.Describe(english));
        }

        if (behind.Count > 50)
        {
            text.Append('\n').Append(english ? $"… and {behind.Count - 50} more; see /progress." : $"……另有 {behind.Count - 50} 人，详见 /progress。");
        }

        return text.ToString();
    }
}
