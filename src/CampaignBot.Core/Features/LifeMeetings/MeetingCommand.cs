using System.Security.Cryptography;

namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>
/// /meeting [unit|id] — the state of the preparation; open, check, confirm, record — the flows; talks — the criticisms the
/// caller may read; ready — the secretary marks the meeting ready once every pair is confirmed; review &lt;id&gt; [note] —
/// a supervisor reviews the record. Private chats only: criticisms are private.
/// </summary>
public sealed class MeetingCommand(
    ILifeMeetingStore meetings,
    LifeMeetingPeople people,
    MeetingOpenFlow openFlow,
    TalkCheckFlow checkFlow,
    TalkConfirmFlow confirmFlow,
    MeetingRecordFlow recordFlow) : ICommandHandler
{
    private const int MaxSupervisedListed = 15;

    private CommandVerbs? _verbs;

    public string Command => "meeting";

    /// <summary>Private chats only (criticisms are private), for registered members; "/meeting &lt;unit or id&gt;" is that meeting's status.</summary>
    private CommandVerbs Verbs => _verbs ??= new CommandVerbs(LifeMeetingTexts.Usage)
        .InPrivate(LifeMeetingTexts.PrivateOnly)
        .ForMembers(LifeMeetingTexts.NotRegistered)
        .Starts("open", openFlow)
        .Starts("check", checkFlow)
        .Starts("confirm", confirmFlow)
        .Starts("record", recordFlow)
        .On("ready", (context, member, _, cancellationToken) => ReadyAsync(context, member, cancellationToken))
        .On("review", ReviewAsync)
        .On("talks", TalksAsync)
        .On(["", "status"], StatusAsync)
        .ShowsUsage("help")
        .Otherwise((context, member, typed, _, cancellationToken) => StatusAsync(context, member, typed, cancellationToken));

    public Task HandleAsync(FlowContext context, CancellationToken cancellationToken) => Verbs.RunAsync(context, cancellationToken);

    /// <summary>The meeting named by a unit id or a meeting id, else the latest of the caller's unit.</summary>
    private async Task<LifeMeeting?> FindAsync(Member member, string named, CancellationToken cancellationToken)
    {
        named = named.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        if (named.Length == 0)
        {
            return await people.LatestAsync(member.UnitId, cancellationToken);
        }

        if (people.Campaign.FindUnit(named) is { } unit)
        {
            return await people.LatestAsync(unit.Id, cancellationToken);
        }

        return LifeMeeting.IsValidId(named) ? await meetings.GetAsync(named, cancellationToken) : null;
    }

    /// <summary>
    /// The meeting named (or the latest of the member's unit); when there is none, the answer instead — for a supervisor
    /// who named none, the meetings of the units they supervise — and null.
    /// </summary>
    private async Task<LifeMeeting?> FindOrAnswerAsync(FlowContext context, Member member, string named, bool withUsage, CancellationToken cancellationToken)
    {
        if (await FindAsync(member, named, cancellationToken) is { } meeting)
        {
            return meeting;
        }

        if (named.Length == 0 && member.Role == Roles.Supervisor)
        {
            await SupervisedAsync(context, member, cancellationToken);
            return null;
        }

        var refusal = named.Length == 0 ? LifeMeetingTexts.NoMeeting : LifeMeetingTexts.NotYours;
        context.Reply(withUsage ? refusal.Then(LifeMeetingTexts.Usage) : refusal);
        return null;
    }

    private async Task StatusAsync(FlowContext context, Member member, string named, CancellationToken cancellationToken)
    {
        if (await FindOrAnswerAsync(context, member, named, withUsage: true, cancellationToken) is not { } meeting)
        {
            return;
        }

        var seesAll = people.SeesAllStates(member, meeting);
        if (!seesAll && !meeting.Team.Contains(member.Id))
        {
            context.Reply(LifeMeetingTexts.NotYours);
            return;
        }

        var talks = await meetings.ListTalksAsync(meeting.Id, cancellationToken);
        var shown = seesAll ? talks : [.. talks.Where(t => t.IsSide(member.Id))];
        var text = new StringBuilder();
        text.Append(context.Text(LifeMeetingTexts.StatusHeading(people.UnitName(meeting.UnitId), meeting.Id, context.Text(LifeMeetingTexts.StatusName(meeting.Status))))).Append('\n');
        foreach (var talk in shown)
        {
            text.Append(context.Text(LifeMeetingTexts.TalkState(talk, meeting.NameOf(talk.From), meeting.NameOf(talk.To)))).Append('\n');
        }

        text.Append(context.Text(LifeMeetingTexts.Tally(talks.Count(t => t.Status == TalkStatus.Confirmed), talks.Count)));
        if (meeting.Record is not null && seesAll)
        {
            text.Append('\n').Append(context.Text(MeetingRecordFlow.Summary(new MeetingRecordAnswers
            {
                Team = meeting.Team, Names = meeting.Names, Date = meeting.Record.Date, SupervisorPresent = meeting.Record.SupervisorPresent,
                Absent = meeting.Record.Absent, Speeches = meeting.Record.Speeches, Note = meeting.Record.Note,
            })));
        }

        if (meeting.SatisfactionRoundId is { } round)
        {
            text.Append('\n').Append(context.Text(LifeMeetingTexts.SatisfactionLine(round)));
        }

        context.Reply(new TextMessage(text.ToString()));
    }

    /// <summary>
    /// A supervisor's own unit seldom holds a meeting: the units they supervise do. Each one's latest meeting, with the unit
    /// id to name it by (<c>/meeting &lt;unit&gt;</c>, <c>/meeting talks &lt;unit&gt;</c>).
    /// </summary>
    private async Task SupervisedAsync(FlowContext context, Member member, CancellationToken cancellationToken)
    {
        var latest = (await meetings.ListAsync(null, cancellationToken))
            .Where(m => people.IsSupervisorOf(member, m.UnitId))
            .GroupBy(m => m.UnitId, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(m => m.UnitId, StringComparer.Ordinal)
            .ToList();
        if (latest.Count == 0)
        {
            context.Reply(LifeMeetingTexts.NoSupervisedMeeting.Then(LifeMeetingTexts.Usage));
            return;
        }

        var text = new StringBuilder(context.Text(LifeMeetingTexts.SupervisedHeading(latest.Count)));
        foreach (var meeting in latest.Take(MaxSupervisedListed))
        {
            var unit = people.Campaign.FindUnit(meeting.UnitId)?.NameIn(context.Language) ?? meeting.UnitId;
            text.Append('\n').Append(context.Text(LifeMeetingTexts.SupervisedLine(unit, meeting.UnitId, meeting.Id, context.Text(LifeMeetingTexts.StatusName(meeting.Status)))));
        }

        text.Append('\n').Append(context.Text(LifeMeetingTexts.SupervisedFooter));
        context.Reply(new TextMessage(text.ToString()));
    }

    private async Task TalksAsync(FlowContext context, Member member, string named, CancellationToken cancellationToken)
    {
        if (await FindOrAnswerAsync(context, member, named, withUsage: false, cancellationToken) is not { } meeting)
        {
            return;
        }

        // Only what this person may read: their own pairs; the head and the supervisors every pair. Nothing else is even counted.
        var readable = (await meetings.ListTalksAsync(meeting.Id, cancellationToken))
            .Where(t => t.Points.Count > 0 && people.MayRead(member, meeting, t))
            .ToList();
        if (readable.Count == 0)
        {
            context.Reply(LifeMeetingTexts.NoTalksToRead);
            return;
        }

        var text = string.Join("\n\n", readable.Select(t => context.Text(LifeMeetingTexts.TalkPoints(meeting.NameOf(t.From), meeting.NameOf(t.To), t.Points))
            + "\n" + context.Text(LifeMeetingTexts.TalkState(t, meeting.NameOf(t.From), meeting.NameOf(t.To)))));
        context.Reply(new TextMessage(text));
    }

    private async Task ReadyAsync(FlowContext context, Member member, CancellationToken cancellationToken)
    {
        if (!people.IsSecretaryOf(member, member.UnitId))
        {
            context.Reply(LifeMeetingTexts.OnlySecretary);
            return;
        }

        if (await people.LatestAsync(member.UnitId, cancellationToken) is not { } meeting)
        {
            context.Reply(LifeMeetingTexts.NoMeeting);
            return;
        }

        if (meeting.Status != MeetingStatus.Preparing)
        {
            context.Reply(LifeMeetingTexts.AlreadyReady);
            return;
        }

        var talks = await meetings.ListTalksAsync(meeting.Id, cancellationToken);
        var open = talks.Count(t => t.Status != TalkStatus.Confirmed);
        if (open > 0 || talks.Count == 0)
        {
            context.Reply(LifeMeetingTexts.NotAllConfirmed(open, talks.Count));
            return;
        }

        await meetings.SaveAsync(meeting with { Status = MeetingStatus.Ready, ReadyAt = context.Now }, cancellationToken);
        var unit = people.UnitName(meeting.UnitId);
        context.Reply(LifeMeetingTexts.MarkedReady(unit));
        var told = new List<Member>();
        foreach (var id in meeting.Team.Where(id => id != member.Id))
        {
            if (await people.MemberAsync(id, cancellationToken) is { IsActive: true } teamMember)
            {
                told.Add(teamMember);
            }
        }

        told.AddRange(await people.SupervisorsAsync(meeting.UnitId, cancellationToken));
        foreach (var person in told.DistinctBy(m => m.Id))
        {
            context.Notify(person.PrivateChat, TextMessage.In(LifeMeetingTexts.ReadyTold(unit), person.Language), $"lm:{meeting.Id}:ready:{person.Id}");
        }
    }

    private async Task ReviewAsync(FlowContext context, Member member, string rest, CancellationToken cancellationToken)
    {
        var parts = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var meeting = parts.Length > 0 && LifeMeeting.IsValidId(parts[0]) ? await meetings.GetAsync(parts[0], cancellationToken) : null;
        if (meeting is null)
        {
            context.Reply(parts.Length == 0 ? LifeMeetingTexts.Usage : LifeMeetingTexts.NoSuchMeeting);
            return;
        }

        if (!people.IsSupervisorOf(member, meeting.UnitId))
        {
            context.Reply(LifeMeetingTexts.OnlySupervisor);
            return;
        }

        if (meeting.Record is null)
        {
            context.Reply(LifeMeetingTexts.NotRecorded);
            return;
        }

        var note = parts.Length > 1 ? parts[1] : null;
        if (note is { Length: > MeetingRecordFlow.MaxNote })
        {
            context.Reply(LifeMeetingTexts.NoteTooLong);
            return;
        }

        await meetings.SaveAsync(meeting with { Status = MeetingStatus.Reviewed, ReviewedBy = member.Id, ReviewNote = note, ReviewedAt = context.Now }, cancellationToken);
        context.Reply(LifeMeetingTexts.Reviewed(meeting.Id));
        if (await people.MemberAsync(meeting.Record.RecordedBy, cancellationToken) is { IsActive: true } secretary)
        {
            context.NotifyOnce(ReviewToldKey(meeting.Id, member.Id, note), secretary.PrivateChat, TextMessage.In(LifeMeetingTexts.ReviewTold(people.UnitName(meeting.UnitId), member.Name, note), secretary.Language));
        }
    }

    /// <summary>One notice per review: the same supervisor sending the same note again tells the secretary nothing new; a changed note does, once.</summary>
    private static string ReviewToldKey(string meetingId, string reviewerId, string? note) =>
        $"meeting:{meetingId}:reviewed:{reviewerId}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(note ?? string.Empty)), 0, 8)}";
}
