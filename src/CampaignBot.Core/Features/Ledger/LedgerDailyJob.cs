namespace CampaignBot.Core.Features.Ledger;

/// <summary>
/// Once a day, at Ledger:Hour (outside the quiet hours): reminds each lead leader 7, 3 and 1 days before the deadline,
/// marks items overdue and tells the lead leader, then escalates an overdue item one step (secretary, supervisor, office)
/// every Ledger:EscalationDays. Each message's id names the item, the deadline and the slot or level, so however often
/// the job runs (or is taken over after a crash) each is sent once; after downtime only the latest slot is sent, and not
/// in the quiet hours. An item reported done waits for its confirmation instead. Deactivated people are told nothing; before
/// the campaign's start and after its end nobody is (an <see cref="ICampaignReminder"/>).
/// </summary>
public sealed class LedgerDailyJob(
    ILedgerStore ledger,
    LedgerService service,
    LedgerPeople people,
    CampaignCalendar calendar,
    CampaignDefinition campaign,
    IOptions<LedgerOptions> options,
    IOptions<QuietHours> quiet) : ICampaignReminder
{
    public const string JobKind = "ledger-daily";
    public const string JobId = JobKind;

    public string Kind => JobKind;

    /// <summary>The daily job, first due at the next run time (moved out of the quiet hours).</summary>
    public ScheduledJob Job(DateTimeOffset now)
    {
        var at = quiet.Value.NotIn(calendar.At(calendar.Today(now), new TimeOnly(options.Value.Hour, 0)), calendar);
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, calendar.Zone).DateTime);
        return ScheduledJob.Recurring(JobKind, at > now ? at : at.AddDays(1), Recurrence.Daily(local).ToString());
    }

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Now;
        var today = calendar.Today(now);
        var coveredFrom = calendar.Today(context.Job.DueAt);
        var messages = new List<(string Key, Registration.Member To, Text Text)>();
        foreach (var item in await ledger.ListAsync(null, cancellationToken))
        {
            if (item.IsClosed || campaign.FindUnit(item.UnitId) is null)
            {
                continue;
            }

            var stamp = item.Deadline.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var daysLeft = item.Deadline.DayNumber - today.DayNumber;
            var leader = await people.MemberAsync(item.LeadLeaderId, cancellationToken);
            if (daysLeft >= 0)
            {
                // On the slot's day, or by the firing that catches up over it after downtime; not on the days after,
                // when its outbox id may have been pruned.
                var slot = options.Value.ReminderDays.Where(d => daysLeft <= d).DefaultIfEmpty(-1).Min();
                if (slot > 0 && item.Deadline.AddDays(-slot) >= coveredFrom && leader is not null && !item.AwaitingConfirmation)
                {
                    messages.Add(Message($"ledger-remind:{item.Id}:{stamp}:d{slot}", leader, LedgerTexts.Reminder(item, daysLeft), now));
                }

                continue;
            }

            // Reported done with evidence, it waits on the confirmer, not on its lead leader: neither marked overdue, nor
            // the leader told to finish it, nor escalated (a reopening after the deadline makes it overdue).
            if (item.AwaitingConfirmation)
            {
                continue;
            }

            var current = item;
            if (item.Status != LedgerStatus.Overdue)
            {
                current = await service.MarkAsync(item, item with { Status = LedgerStatus.Overdue, OverdueSince = now }, LedgerTexts.HistoryOverdue(item.Deadline), now, cancellationToken);
            }

            // Told by the firing that marked it (or by that firing taken over after a crash, whenever that runs, under
            // the same key); not by later firings: an outbox id pruned after Pipeline:Retention must not bring it back.
            if (leader is not null && MarkedBy(context, current.OverdueSince))
            {
                messages.Add(Message($"ledger-overdue:{item.Id}:{stamp}", leader, LedgerTexts.OverdueNotice(current), now));
            }

            // One step up per EscalationDays: the secretary on the first overdue day, then the supervisor, then the office.
            var daysOverdue = -daysLeft;
            var level = Math.Min(LedgerPeople.OfficeLevel, 1 + ((daysOverdue - 1) / options.Value.EscalationDays));
            if (level > current.EscalationLevel)
            {
                current = await service.MarkAsync(current, current with { EscalationLevel = level, EscalatedAt = now }, LedgerTexts.HistoryEscalated(level), now, cancellationToken);
            }

            if (!MarkedBy(context, current.EscalatedAt))
            {
                continue;
            }

            foreach (var person in await people.AtLevelAsync(item.UnitId, current.EscalationLevel, cancellationToken))
            {
                if (person.Id != item.LeadLeaderId)
                {
                    var unitName = campaign.FindUnit(item.UnitId)?.Name ?? item.UnitId;
                    messages.Add(Message($"ledger-escalate:{item.Id}:{stamp}:{current.EscalationLevel}:{person.Id}", person, LedgerTexts.Escalation(current, unitName, daysOverdue), now));
                }
            }
        }

        // Saved with the firing record and sent from there: a firing taken over after a crash sends each once.
        var sendAt = context.Awake;
        foreach (var (key, to, text) in messages.Where(m => m.To.IsActive))
        {
            context.Notify(to.PrivateChat, TextMessage.In(text, to.Language), key, sendAt);
        }
    }

    /// <summary>
    /// Whether a mark was made by this firing: at or after its due time. A later firing is due only after this one ran
    /// (the next occurrence after it), so it never counts this firing's marks as its own.
    /// </summary>
    private static bool MarkedBy(JobContext context, DateTimeOffset? at) => at is { } when && when >= context.Job.DueAt;

    private static (string, Registration.Member, Text) Message(string id, Registration.Member to, Text text, DateTimeOffset now) => (id, to, text);
}

/// <summary>Makes sure the daily ledger job exists; an existing one keeps its due time.</summary>
public sealed class LedgerJobSeeder(IJobStore jobs, LedgerDailyJob daily, TimeProvider time) : JobSeeder(jobs, time)
{
    protected override IEnumerable<(string Id, Func<DateTimeOffset, ScheduledJob?> First)> Jobs => [(LedgerDailyJob.JobId, daily.Job)];
}
