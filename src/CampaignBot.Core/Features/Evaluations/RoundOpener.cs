using System.Security.Cryptography;

namespace CampaignBot.Core.Features.Evaluations;

/// <summary>
/// Creates a round and hands out its ballots: one message in the group, or one private ballot per roster member,
/// or a code to pass on. Ids derive from the opening update, so a re-run of that update opens nothing twice. The ballots
/// go out as the opening update's effects (<see cref="FlowContext"/>), stored with its session. The store keeps one open
/// round per unit and stage: when two openings of a stage race (two hosts, two conversations), it stores one round and
/// the other opening hands out nothing.
/// </summary>
public sealed class RoundOpener(
    IEvaluationRoundStore rounds,
    ITurnoutStore turnout,
    IAudiences audiences,
    BallotBriefings briefings,
    EvaluationText text,
    IOptions<EvaluationOptions> options,
    CampaignCalendar calendar,
    IOptions<Scheduling.QuietHours> quiet,
    ChannelTraits channels)
{
    /// <summary>Returns what to answer the opener with (privately: it holds operator instructions) and which round it is about.</summary>
    public async Task<RoundOpenResult> OpenAsync(FlowContext context, string id, string unitId, string stage, RoundSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var now = context.Now;
        var end = context.Campaign.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (calendar.HasEnded(now))
        {
            return new RoundOpenResult(EvaluationTexts.RoundAfterCampaign(end));
        }

        ChatRef? group = null;
        if (settings.Audience == RoundAudience.Group && (group = await audiences.GroupOfAsync(context, unitId, cancellationToken)) is null)
        {
            return new RoundOpenResult(EvaluationTexts.RoundNoGroup);
        }

        // A round ends with the campaign at the latest: its verdict is the campaign's, and nobody is reminded after it.
        var asked = now.AddHours(settings.Hours);
        var round = new EvaluationRound
        {
            Id = id,
            UnitId = unitId,
            Stage = stage,
            Audience = settings.Audience,
            Group = group,
            PrivateBallots = group is not null && !channels.GroupsDeliverPresses(group.Channel),
            Code = settings.Audience == RoundAudience.Code ? audiences.CodeFor(context.Update.UpdateId) : null,
            OpensAt = now,
            ClosesAt = asked > calendar.EndsAt ? calendar.EndsAt : asked,
            PassRule = context.Campaign.Evaluation.PassRule,
            AllowChange = settings.AllowChange,
            ShowTally = settings.ShowTally,
            OpenedBy = context.Member!.Id,
        };
        var created = await rounds.CreateAsync(round, cancellationToken);
        if (created == RoundCreation.StageOpen && await OpenRoundOfAsync(unitId, stage, id, cancellationToken) is null)
        {
            // The round that held the stage closed between the refusal and the look-up: the stage is free again.
            created = await rounds.CreateAsync(round, cancellationToken);
        }

        if (created == RoundCreation.StageOpen)
        {
            // Another opening of the stage won (another host, or another conversation at the same moment): this round is
            // not stored, and no ballot, turnout entry or job of it goes out. The opener hears what the check would say.
            return await OpenRoundOfAsync(unitId, stage, id, cancellationToken) is { } holder
                ? new RoundOpenResult(EvaluationTexts.RoundStageBusy(text.UnitNames(unitId), text.StageNames(stage), holder.Id), holder.Id, StageBusy: true)
                : new RoundOpenResult(EvaluationTexts.RoundIdClash);
        }

        if (created == RoundCreation.Taken)
        {
            var earlier = await rounds.GetAsync(id, cancellationToken);
            if (earlier is null || earlier.OpenedBy != round.OpenedBy || earlier.UnitId != unitId)
            {
                return new RoundOpenResult(EvaluationTexts.RoundIdClash);
            }

            round = earlier;
        }

        // Private ballots wake nobody: opened in the quiet hours, they go out when those end (unless the round is over by then).
        var ballotsAt = quiet.Value.NotIn(now, calendar) is var awake && awake < round.ClosesAt ? awake : now;
        var handedOut = await HandOutAsync(context, round, ballotsAt, cancellationToken);
        context.Schedule(new ScheduledJob { Id = RoundCloser.CloseJobId(round.Id), Kind = RoundCloser.CloseJobKind, Payload = round.Id, DueAt = round.ClosesAt });
        if (round.VotesPrivately)
        {
            var remindAt = round.ClosesAt - options.Value.ReminderBeforeClose;
            remindAt = remindAt > now ? remindAt : now + ((round.ClosesAt - now) / 2);

            // Nobody is woken for a reminder: in quiet hours it comes before they begin, or not at all.
            remindAt = quiet.Value.Before(remindAt, calendar);
            if (remindAt > ballotsAt)
            {
                context.Schedule(new ScheduledJob { Id = RoundJobs.ReminderJobId(round.Id), Kind = RoundJobs.ReminderJobKind, Payload = round.Id, DueAt = remindAt });
            }
        }

        var how = round.Audience switch
        {
            RoundAudience.Group when round.PrivateBallots => EvaluationTexts.RoundHowPrivateBallots(handedOut),
            RoundAudience.Group => EvaluationTexts.RoundHowGroup,
            RoundAudience.Roster => EvaluationTexts.RoundHowRoster(handedOut),
            _ => EvaluationTexts.RoundHowCode(round.Code!),
        };
        if (handedOut > 0 && ballotsAt > now)
        {
            var later = EvaluationTexts.BallotsAfterQuietHours(text.Local(ballotsAt));
            how = new Text(how.Chinese + later.Chinese, $"{how.English} {later.English}");
        }

        if (round.ClosesAt == calendar.EndsAt)
        {
            var ends = EvaluationTexts.RoundClosesWithCampaign(end);
            how = new Text(ends.Chinese + how.Chinese, $"{ends.English} {how.English}");
        }

        return new RoundOpenResult(EvaluationTexts.RoundOpened(round.Id, text.UnitNames(unitId), text.StageNames(stage), text.Local(round.ClosesAt), how), round.Id);
    }

    /// <summary>The unit's open round of the stage other than <paramref name="id"/>, the earliest when there are more.</summary>
    private async Task<EvaluationRound?> OpenRoundOfAsync(string unitId, string stage, string id, CancellationToken cancellationToken) =>
        (await rounds.ListAsync(unitId, cancellationToken)).FirstOrDefault(r => r.Stage == stage && r.Status == RoundStatus.Open && r.Id != id);

    private async Task<int> HandOutAsync(FlowContext context, EvaluationRound round, DateTimeOffset ballotsAt, CancellationToken cancellationToken)
    {
        var briefing = await briefings.ForAsync(round, cancellationToken);
        if (round is { Group: { } group, PrivateBallots: false })
        {
            context.Notify(group, text.Ballot(round, new Tally(new Dictionary<string, long>()), briefing), RoundJobs.BallotMessageId(round.Id));
            return 0;
        }

        if (!round.VotesPrivately || round.Audience == RoundAudience.Code)
        {
            return 0;
        }

        // The roster: the unit's registered people; each gets a private ballot, in their language, and a turnout entry (voted: no).
        var roster = await audiences.RosterAsync(round.UnitId, cancellationToken);
        foreach (var member in roster)
        {
            var chat = member.PrivateChat;
            var language = member.Language;
            await turnout.AddAsync(new TurnoutEntry(round.Id, member.Id, chat, false), cancellationToken);
            context.NotifyOnce($"{RoundJobs.BallotMessageId(round.Id)}:{member.Id}", chat, text.Ballot(round, null, briefing, language).For(language), ballotsAt > context.Now ? ballotsAt : null);
        }

        if (round is { Group: { } robotGroup, PrivateBallots: true })
        {
            // The group learns that the round is open and how many were asked, never who.
            context.Notify(robotGroup, new TextMessage(text.PrivateBallotsAnnouncement(round, roster.Count)), RoundJobs.BallotMessageId(round.Id));
        }

        return roster.Count;
    }
}

/// <summary>
/// What opening came to: the sentence for the opener and the round it is about (the one opened, or found again on a re-run
/// of the opening update; with <paramref name="StageBusy"/>, the open round of the stage that refused the new one); no
/// round when the opening was refused for another reason.
/// </summary>
public sealed record RoundOpenResult(Text Said, string? RoundId = null, bool StageBusy = false)
{
    /// <summary>A round was opened (or was already opened by this very update).</summary>
    public bool Opened => RoundId is not null && !StageBusy;
}
