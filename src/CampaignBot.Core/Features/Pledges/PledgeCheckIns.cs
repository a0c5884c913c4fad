namespace CampaignBot.Core.Features.Pledges;

/// <summary>
/// The monthly check-in (履约践诺): one recurring job per member, made when the pledges are published, due each
/// calendar month on the day of publishing (the month's last day when it is shorter: published on 31 January, asked
/// at the end of February and on 31 March), at <see cref="AskAt"/> in the campaign's time zone. When due it
/// puts a /checkin into the member's private chat, under an update id made from the job and its due time, so a
/// firing taken over after a crash starts one check-in, not two.
/// </summary>
public static class PledgeCheckIns
{
    public const string JobKind = "pledge-checkin";
    public static readonly TimeOnly AskAt = new(10, 0);

    public static string JobIdFor(string memberId) => $"{JobKind}:{memberId}";

    /// <summary>The period a check-in counts for: the local month, "2027-03".</summary>
    public static string PeriodOf(CampaignCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.Today(now).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    public static ScheduledJob JobFor(Member member, CampaignCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(calendar);
        var today = calendar.Today(now);
        var monthly = Recurrence.Monthly(today.Day, AskAt);
        return new ScheduledJob
        {
            Id = JobIdFor(member.Id),
            Kind = JobKind,
            Payload = MessageJson.Serialize(new CheckInPayload(member.PrivateChat, new UserRef(member.UserId, member.Name, member.LanguageCode))),
            DueAt = monthly.NextAfter(calendar.At(today, AskAt), calendar.Zone),
            Recurrence = monthly.ToString(),
        };
    }
}

/// <summary>Whom a check-in asks; <paramref name="Period"/> is set on one put off past the quiet hours, so it still asks about the month it was due in.</summary>
public sealed record CheckInPayload(ChatRef Chat, UserRef User, string? Period = null);

/// <summary>
/// Turns a due check-in into a /checkin of the member's private conversation, while the member takes part and the
/// campaign runs (an <see cref="ICampaignReminder"/>). It asks about the month of the latest due time (after downtime: the month missed last, not the month
/// the host came back in). One that comes due in the quiet hours (after downtime) is asked when they end, by a one-off job.
/// A member who has reported on every published pledge for that month already (with /checkin, say after a secretary's
/// reminder) is not asked again.
/// </summary>
public sealed class PledgeCheckInJobHandler(IMemberStore members, CampaignCalendar calendar, IPledgeStore? pledges = null) : ConversationJobHandler<CheckInPayload>, ICampaignReminder
{
    public override string Kind => PledgeCheckIns.JobKind;

    protected override async Task<bool> DeliversAsync(CheckInPayload payload, JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        if (await members.GetAsync(Member.IdFor(payload.Chat.Channel, payload.User.Id), cancellationToken) is not { IsActive: true } member
            || await ReportedAlreadyAsync(member, PeriodOf(payload, context), cancellationToken))
        {
            return false;
        }

        var morning = context.Awake;
        if (morning > context.Now)
        {
            var later = payload with { Period = PeriodOf(payload, context) };
            context.Schedule(new ScheduledJob { Id = $"{context.Job.Id}@{morning.UtcTicks}", Kind = Kind, Payload = MessageJson.Serialize(later), DueAt = morning });
            return false;
        }

        return true;
    }

    protected override (ChatRef Chat, UserRef User, InboundContent Content) UpdateFor(CheckInPayload payload, JobContext context)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return (payload.Chat, payload.User, new CommandInput("checkin", PeriodOf(payload, context)));
    }

    /// <summary>Whether every pledge the member has published has its check-in for <paramref name="period"/> already.</summary>
    private async Task<bool> ReportedAlreadyAsync(Member member, string period, CancellationToken cancellationToken)
    {
        if (pledges is null)
        {
            return false;
        }

        var published = (await pledges.ListByMemberAsync(member.Id, cancellationToken)).Where(p => p.Status == PledgeStatus.Published).ToList();
        var reported = (await pledges.ListCheckInsAsync(member.UnitId, cancellationToken))
            .Where(c => c.MemberId == member.Id && c.Period == period)
            .Select(c => c.Area)
            .ToHashSet(StringComparer.Ordinal);
        return published.Count > 0 && published.All(p => reported.Contains(p.Area));
    }

    private string PeriodOf(CheckInPayload payload, JobContext context) =>
        payload.Period ?? PledgeCheckIns.PeriodOf(calendar, context.Occurrence(calendar.Zone));
}
