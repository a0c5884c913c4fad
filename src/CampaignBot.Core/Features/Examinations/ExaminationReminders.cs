namespace CampaignBot.Core.Features.Examinations;

/// <summary>
/// Deadline reminders for self-examinations. The examination deadline of a unit is the last day of its
/// 查摆问题、开展批评 phase (each unit starts on its own date). A daily job reminds everyone who has not submitted,
/// 7, 3 and 1 days before; each reminder's outbox id is made of member, deadline and step, so it is sent once
/// however often the job runs; a run after downtime that falls in the quiet hours sends them when those end.
/// </summary>
public sealed class ExaminationReminders(
    IMemberStore members,
    IExaminationStore examinations,
    CampaignCalendar calendar,
    CampaignDefinition campaign) : ICampaignReminder
{
    public const string JobKind = "exam-reminders";
    public const string JobId = JobKind;
    public const string PhaseCode = "examine_and_criticise";
    public static readonly IReadOnlyList<int> DaysBefore = [7, 3, 1];
    public static readonly TimeOnly RemindAt = new(9, 0);

    public string Kind => JobKind;

    /// <summary>The last day to submit for the unit: the end of the examination phase (the second phase when the code is not configured).</summary>
    public DateOnly DeadlineFor(string unitId)
    {
        var phase = campaign.Phases.Any(p => p.Code == PhaseCode) ? PhaseCode : campaign.Phases[Math.Min(1, campaign.Phases.Count - 1)].Code;
        return calendar.PhaseEnd(unitId, phase);
    }

    public static readonly Recurrence Daily = Recurrence.Daily(RemindAt);

    /// <summary>The daily job at <see cref="RemindAt"/> on the campaign's clock, first due at the next reminder time.</summary>
    public ScheduledJob Job(DateTimeOffset now) =>
        ScheduledJob.Recurring(JobKind, Daily.NextAfter(now, calendar.Zone), Daily.ToString());

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Now;
        var today = calendar.Today(now);
        var sendAt = context.Awake;
        var coveredFrom = calendar.Today(context.Job.DueAt);
        foreach (var member in await members.ListAsync(null, cancellationToken))
        {
            if (!member.IsActive || !member.TakesPart || campaign.FindUnit(member.UnitId) is null)
            {
                continue;
            }

            var deadline = DeadlineFor(member.UnitId);
            var daysLeft = deadline.DayNumber - today.DayNumber;
            // A step on its day, or by the firing that catches up over it after downtime; not on the days after, when
            // its outbox id may have been pruned (Pipeline:Retention).
            var step = DaysBefore.Where(d => daysLeft >= 0 && daysLeft <= d).DefaultIfEmpty(-1).Min();
            step = step >= 0 && deadline.AddDays(-step) < coveredFrom ? -1 : step;
            var exam = step < 0 ? null : await examinations.GetAsync(member.Id, cancellationToken);
            if (step < 0 || exam is { Status: ExaminationStatus.Submitted or ExaminationStatus.Accepted })
            {
                continue;
            }

            var date = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var language = member.Language;
            var status = ExaminationTexts.StatusName(exam?.Status);
            var text = ExaminationTexts.DeadlineReminder(date, daysLeft, status).In(language);
            context.Notify(member.PrivateChat, new TextMessage(text, [[CommandButton.For("examine", ExaminationTexts.OpenExamination, language)]]).For(language), $"exam-reminder:{member.Id}:{date}:{step}", sendAt);
        }
    }
}

/// <summary>Makes sure the daily reminder job exists; an existing one keeps its due time and gets the current rule.</summary>
public sealed class ExaminationReminderSeeder(IJobStore jobs, ExaminationReminders reminders, TimeProvider time) : JobSeeder(jobs, time)
{
    protected override IEnumerable<(string Id, Func<DateTimeOffset, ScheduledJob?> First)> Jobs => [(ExaminationReminders.JobId, reminders.Job)];

    protected override ScheduledJob Renew(ScheduledJob existing, DateTimeOffset now) =>
        existing.Recurrence == ExaminationReminders.Daily.ToString() ? existing : existing with { Recurrence = ExaminationReminders.Daily.ToString() };
}
