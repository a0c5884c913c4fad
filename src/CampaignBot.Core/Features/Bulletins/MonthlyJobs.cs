namespace CampaignBot.Core.Features.Bulletins;

/// <summary>
/// The two monthly jobs, on calendar months in the campaign's zone (Cronos): the dispatch form to every secretary, and the
/// draft of last month's bulletin to the office. The jobs recur by their cron rule; what they send is saved with the firing
/// record under keys naming the month and the person, so a firing taken over after a crash sends each once. After downtime
/// the firing is about the latest month it passed over; it waits out the quiet hours; deactivated people get nothing, a unit
/// that has answered the month's dispatch already is not asked for it, and nothing is asked before the campaign's start or
/// after its end (the bulletins are of its months only: the first is of its first month, the last of its last).
/// </summary>
public sealed class MonthlyJobs(
    IMemberStore members,
    IBulletinStore dispatches,
    BulletinPublisher publisher,
    CampaignDefinition campaign,
    CampaignCalendar calendar,
    IOptions<BulletinOptions> options)
{
    public const string DispatchKind = "dispatch-ask";
    public const string BulletinKind = "bulletin-draft";

    public ScheduledJob? Next(string kind, DateTimeOffset after)
    {
        var expression = kind == DispatchKind ? options.Value.DispatchCron : options.Value.BulletinCron;
        return ScheduledJob.OnCron(kind, expression, after, calendar.Zone);
    }

    public async Task AskDispatchAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var day = calendar.Today(context.Occurrence(calendar.Zone));
        if (calendar.IsAfterCampaign(day) || calendar.IsBeforeCampaign(day))
        {
            return;
        }

        var month = BulletinBuilder.MonthOf(day);
        var sendAt = context.Awake;
        foreach (var secretary in (await members.ListAsync(null, cancellationToken)).Where(m => m is { Role: Roles.Secretary, IsActive: true }))
        {
            if (await dispatches.GetDispatchAsync(secretary.UnitId, month, cancellationToken) is not null)
            {
                continue;
            }

            var unitName = campaign.FindUnit(secretary.UnitId)?.Name ?? secretary.UnitId;
            var language = secretary.Language;
            // The button carries the month asked about, so an answer on the 2nd of the next month is still filed under it.
            var ask = new TextMessage(BulletinTexts.DispatchAsk(unitName, month).In(language), [[new Button(BulletinTexts.DispatchButton(month).In(language), DispatchCommand.Payload(month))]]);
            context.Notify(secretary.PrivateChat, ask.For(language), $"dispatch-ask:{month}:{secretary.Id}", sendAt);
        }
    }

    public async Task DraftBulletinAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lastMonth = calendar.Today(context.Occurrence(calendar.Zone)).AddMonths(-1);
        var month = BulletinBuilder.MonthOf(lastMonth);
        var office = (await members.ListAsync(null, cancellationToken)).Where(m => m is { Role: Roles.CampaignOffice, IsActive: true }).ToList();
        var first = CampaignCalendar.MonthStart(lastMonth);
        if (office.Count == 0 || calendar.IsAfterCampaign(first) || calendar.IsBeforeCampaign(first.AddMonths(1).AddDays(-1)))
        {
            return;
        }

        var sendAt = context.Awake;

        foreach (var person in office)
        {
            var bodies = await publisher.OfficeMessagesAsync(month, context.Now, cancellationToken, person.Language);
            for (var i = 0; i < bodies.Count; i++)
            {
                context.Notify(person.PrivateChat, bodies[i].For(person.Language), $"bulletin-draft:{month}:{person.Id}:{i}", sendAt);
            }
        }
    }
}

public sealed class DispatchAskJobHandler(MonthlyJobs monthly) : ICampaignReminder
{
    public string Kind => MonthlyJobs.DispatchKind;

    public Task HandleAsync(JobContext context, CancellationToken cancellationToken) => monthly.AskDispatchAsync(context, cancellationToken);
}

public sealed class BulletinDraftJobHandler(MonthlyJobs monthly) : IJobHandler
{
    public string Kind => MonthlyJobs.BulletinKind;

    public Task HandleAsync(JobContext context, CancellationToken cancellationToken) => monthly.DraftBulletinAsync(context, cancellationToken);
}

/// <summary>Makes sure both monthly jobs exist; existing ones keep their due times.</summary>
public sealed class MonthlyJobSeeder(IJobStore jobs, MonthlyJobs monthly, TimeProvider time) : JobSeeder(jobs, time)
{
    protected override IEnumerable<(string Id, Func<DateTimeOffset, ScheduledJob?> First)> Jobs =>
    [
        (MonthlyJobs.DispatchKind, now => monthly.Next(MonthlyJobs.DispatchKind, now)),
        (MonthlyJobs.BulletinKind, now => monthly.Next(MonthlyJobs.BulletinKind, now)),
    ];
}
