using System.Security.Cryptography;

namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>What /meeting open has gathered: the unit, its registered people (id and name) and the team chosen.</summary>
public sealed record MeetingOpenAnswers
{
    public string? UnitId { get; init; }

    /// <summary>"id\tname" per registered person of the unit, in the order shown.</summary>
    public IReadOnlyList<string> People { get; init; } = [];

    /// <summary>The team's member ids, the head first.</summary>
    public IReadOnlyList<string> Team { get; init; } = [];

    public string? MeetingId { get; init; }
}

/// <summary>
/// /meeting open: the unit's secretary names the leadership team (the head first) and opens the preparation. Every
/// ordered pair of the team gets a criticism talk to write; the team and the unit's supervisors are told.
/// </summary>
public sealed class MeetingOpenFlow(ILifeMeetingStore meetings, IMemberStore members, LifeMeetingPeople people)
    : DeclaredFlow<MeetingOpenAnswers>("meetingopen", "meeting_open", LifeMeetingTexts.OpenTitle)
{
    public const int MaxTeam = 15;

    protected override void Declare(FlowBuilder<MeetingOpenAnswers> flow)
    {
        flow.Step<IReadOnlyList<string>>("ChoosingTeam", "asks for the team by number, the head first")
            .Prompt(step => LifeMeetingTexts.AskTeam(LifeMeetingTexts.Numbered(step.Answers.People.Select(NameOf))))
            .Read((input, step) => ReadTeam(input, step.Answers.People))
            .Keep((a, team) => a with { Team = team })
            .Next("Confirming", "TeamGiven");

        flow.Step<string>("Confirming", "shows the head and members to start, or change")
            .Prompt(step => new Prompt(
                LifeMeetingTexts.ConfirmTeam(NameIn(step.Answers, step.Answers.Team[0]), Text.List(step.Answers.Team.Skip(1).Select(id => NameIn(step.Answers, id)))),
                [[new Choice(LifeMeetingTexts.Start, "ok"), new Choice(LifeMeetingTexts.Change, "back")]]))
            .ReadConfirmationAsync(LifeMeetingTexts.PressAButton, StartAsync)
            .Keep((a, id) => a with { MeetingId = id })
            .Next("Opened", "Started");

        flow.Finish("Opened", "says the preparation is open", step => LifeMeetingTexts.Opened(step.Answers.MeetingId ?? "-", step.Answers.Team.Count * (step.Answers.Team.Count - 1)))
            .Cancelled(LifeMeetingTexts.Cancelled)
            .TimedOut(LifeMeetingTexts.TimedOut);
    }

    /// <summary>Numbers from the list shown, the head first: "2 1 4", "2，1，4"; at least two different people.</summary>
    public static Read<IReadOnlyList<string>> ReadTeam(string input, IReadOnlyList<string> people)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(people);
        var words = input.Split([' ', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var team = new List<string>();
        foreach (var word in words)
        {
            if (!int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > people.Count)
            {
                return LifeMeetingTexts.BadTeam;
            }

            var id = IdOf(people[n - 1]);
            if (team.Contains(id))
            {
                return LifeMeetingTexts.BadTeam;
            }

            team.Add(id);
        }

        return team.Count is < 2 or > MaxTeam ? LifeMeetingTexts.BadTeam : team;
    }

    private static string IdOf(string person) => person[..person.IndexOf('\t', StringComparison.Ordinal)];

    private static string NameOf(string person) => person[(person.IndexOf('\t', StringComparison.Ordinal) + 1)..];

    private static string NameIn(MeetingOpenAnswers answers, string id) =>
        answers.People.Where(p => IdOf(p) == id).Select(NameOf).FirstOrDefault() ?? id;

    protected override async Task<Opening<MeetingOpenAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        if (context.Member is not { } member || !people.IsSecretaryOf(member, member.UnitId))
        {
            return Opening<MeetingOpenAnswers>.Refuse(LifeMeetingTexts.OnlySecretary);
        }

        if (await people.LatestAsync(member.UnitId, cancellationToken) is { IsOpen: true })
        {
            return Opening<MeetingOpenAnswers>.Refuse(LifeMeetingTexts.AlreadyOpen);
        }

        var list = (await members.ListAsync(member.UnitId, cancellationToken))
            .Where(m => m.IsActive && m.TakesPart)
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => $"{m.Id}\t{m.Name}").ToList();
        if (list.Count < 2)
        {
            return Opening<MeetingOpenAnswers>.Refuse(LifeMeetingTexts.TooFewPeople);
        }

        return Opening<MeetingOpenAnswers>.Proceed(LifeMeetingTexts.OpenGreeting(people.UnitName(member.UnitId)), new MeetingOpenAnswers { UnitId = member.UnitId, People = list });
    }

    private async Task<Read<string>> StartAsync(FlowStep<MeetingOpenAnswers> step, CancellationToken cancellationToken)
    {
        var a = step.Answers;
        var context = step.Context;
        if (await people.LatestAsync(a.UnitId!, cancellationToken) is { IsOpen: true } open && open.OpenedBy != context.Member!.Id)
        {
            return LifeMeetingTexts.AlreadyOpen;
        }

        // The id comes from the update, so a re-run of this press opens the same meeting, not a second one.
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("meeting/" + context.Update.UpdateId)), 0, 4);
        var meeting = new LifeMeeting
        {
            Id = id,
            UnitId = a.UnitId!,
            Team = a.Team,
            Names = a.Team.ToDictionary(t => t, t => NameIn(a, t), StringComparer.Ordinal),
            OpenedBy = context.Member!.Id,
            OpenedAt = step.Now,
        };
        if (await meetings.CreateAsync(meeting, cancellationToken))
        {
            foreach (var (from, to) in meeting.Pairs())
            {
                await meetings.SaveTalkAsync(new CriticismTalk { MeetingId = id, UnitId = meeting.UnitId, From = from, To = to, UpdatedAt = step.Now }, cancellationToken);
            }
        }

        var unit = people.UnitName(meeting.UnitId);
        foreach (var memberId in meeting.Team)
        {
            if (await people.MemberAsync(memberId, cancellationToken) is { IsActive: true } teamMember)
            {
                context.Notify(teamMember.PrivateChat, TextMessage.In(LifeMeetingTexts.TeamTold(unit, meeting.NameOf(meeting.HeadId)), teamMember.Language), $"lm:{id}:team:{memberId}");
            }
        }

        foreach (var supervisor in await people.SupervisorsAsync(meeting.UnitId, cancellationToken))
        {
            context.Notify(supervisor.PrivateChat, TextMessage.In(LifeMeetingTexts.SupervisorTold(unit, id), supervisor.Language), $"lm:{id}:supervisor:{supervisor.Id}");
        }

        return id;
    }
}
