namespace CampaignBot.Core.Features.Contacts;

/// <summary>
/// The weekly summary to each contact leader: one message, a section per unit they contact. The job recurs by its cron
/// rule; each message is keyed by the week, the leader and the units, so a firing taken over after a crash, or a second
/// firing in the same week, sends nothing twice. After downtime the summary is this week's, once; it waits out the quiet hours, and
/// none is sent before the campaign's start or after its end (an <see cref="ICampaignReminder"/>).
/// </summary>
public sealed class ContactWeeklyJob(
    ContactDirectory directory,
    ContactUnitView view,
    IMemberStore members,
    CampaignCalendar calendar,
    IOptions<ContactOptions> options) : ICampaignReminder
{
    public const string JobKind = "contact-weekly";

    public string Kind => JobKind;

    public ScheduledJob? Next(DateTimeOffset after) => ScheduledJob.OnCron(JobKind, options.Value.WeeklyCron, after, calendar.Zone);

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var today = calendar.Today(context.Occurrence(calendar.Zone));
        var sendAt = context.Awake;
        var week = WeekOf(today);
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        foreach (var assignment in await directory.AllAsync(cancellationToken))
        {
            if (await members.GetAsync(assignment.LeaderId, cancellationToken) is not { IsActive: true } leader)
            {
                continue;
            }

            if (assignment.UnitIds.Count == 0)
            {
                continue;
            }

            var language = leader.Language;
            Text? summary = null;
            foreach (var unit in assignment.UnitIds)
            {
                var section = await view.WeeklySummaryAsync(leader.Id, unit, weekStart, cancellationToken);
                summary = summary is null ? section : summary.Then(section);
            }

            var key = $"contact-weekly:{week}:{leader.Id}:{string.Join('+', assignment.UnitIds)}";
            context.Notify(leader.PrivateChat, TextMessage.In(summary!, language), key, sendAt);
        }
    }

    /// <summary>The ISO week ("2027-W04") of a day: one summary per leader and unit in it.</summary>
    public static string WeekOf(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)):D2}");
}

/// <summary>Makes sure the weekly job exists; an existing one keeps its due time.</summary>
public sealed class ContactWeeklyJobSeeder(IJobStore jobs, ContactWeeklyJob weekly, TimeProvider time) : JobSeeder(jobs, time)
{
    protected override IEnumerable<(string Id, Func<DateTimeOffset, ScheduledJob?> First)> Jobs => [(ContactWeeklyJob.JobKind, weekly.Next)];
}
