using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Study;

namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>What /meeting record has gathered: the date, the supervisor's presence, who was absent, each speech, a note.</summary>
public sealed record MeetingRecordAnswers : MeetingAnswers
{
    public IReadOnlyList<string> Team { get; init; } = [];

    public DateOnly? Date { get; init; }

    public bool SupervisorPresent { get; init; }

    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>The speeches recorded so far, in team order of those present.</summary>
    public IReadOnlyList<MeetingSpeech> Speeches { get; init; } = [];

    public string? Note { get; init; }

    public IReadOnlyList<string> Present => [.. Team.Where(t => !Absent.Contains(t))];
}

/// <summary>
/// /meeting record: after the meeting the secretary records its date, whether the supervisor was there, who was absent,
/// how long each present member spoke (head about 30 minutes, members about 20) and how many criticisms they raised, and a
/// note. Saving the record opens the 满意度测评 by itself through the evaluations feature, and asks the supervisors to review it.
/// </summary>
public sealed class MeetingRecordFlow(ILifeMeetingStore meetings, LifeMeetingPeople people, IRoundOpening rounds, CampaignCalendar calendar)
    : DeclaredFlow<MeetingRecordAnswers>("meetrecord", "meeting_record", LifeMeetingTexts.RecordTitle)
{
    public const int MaxNote = 500;

    protected override void Declare(FlowBuilder<MeetingRecordAnswers> flow)
    {
        flow.Step<DateOnly>("AskingDate", "asks the date of the meeting")
            .Prompt(step => LifeMeetingTexts.AskDate(LifeMeetingTexts.Date(calendar.Today(step.Now))))
            .Read((input, step) => ReadDate(input, calendar.Today(step.Now), step.Campaign.Start, step.Campaign.End))
            .Keep((a, date) => a with { Date = date })
            .Next("AskingSupervisor", "DateGiven");

        flow.Step<bool>("AskingSupervisor", "asks whether the supervisor was present")
            .Prompt(_ => new Prompt(LifeMeetingTexts.AskSupervisor, [[new Choice(LifeMeetingTexts.Present, "yes"), new Choice(LifeMeetingTexts.NotPresent, "no")]]))
            .Read((input, _) => input switch { "yes" => true, "no" => false, _ => LifeMeetingTexts.PressAButton })
            .Keep((a, present) => a with { SupervisorPresent = present })
            .Next("AskingAbsent", "SupervisorGiven");

        flow.Step<IReadOnlyList<string>>("AskingAbsent", "asks who of the team was absent")
            .Prompt(step => new Prompt(LifeMeetingTexts.AskAbsent(LifeMeetingTexts.Numbered(step.Answers.Team.Select(step.Answers.NameOf))), [[new Choice(LifeMeetingTexts.AllAttended, "none")]]))
            .Read((input, step) => ReadAbsent(input, step.Answers.Team))
            .Keep((a, absent) => a with { Absent = absent, Speeches = [] })
            .Next("AskingSpeech", "AttendanceGiven");

        flow.Step<MeetingSpeech>("AskingSpeech", "asks each present member's minutes and criticisms raised, one at a time")
            .Prompt(step => LifeMeetingTexts.AskSpeech(step.Answers.NameOf(NextSpeaker(step.Answers)), NextSpeaker(step.Answers) == step.Answers.Team[0]))
            .Read((input, step) => ReadSpeech(input, NextSpeaker(step.Answers)))
            .Keep((a, speech) => a with { Speeches = [.. a.Speeches, speech] })
            .Next((step, _) => step.Answers.Speeches.Count < step.Answers.Present.Count ? "AskingSpeech" : "AskingNote", ("AskingSpeech", "NextSpeaker"), ("AskingNote", "LastSpeaker"))
            .BackGoesTo(
                step => step.Answers.Speeches.Count == 0
                    ? Backward<MeetingRecordAnswers>.To("AskingAbsent", step.Answers)
                    : Backward<MeetingRecordAnswers>.To("AskingSpeech", step.Answers with { Speeches = [.. step.Answers.Speeches.SkipLast(1)] }),
                "AskingAbsent", "AskingSpeech");

        flow.Step<string?>("AskingNote", "asks for a note, or none")
            .Prompt(_ => new Prompt(LifeMeetingTexts.AskNote, [[new Choice(LifeMeetingTexts.NoNote, "none")]]))
            .Read((input, _) => input == "none" || input == "无" ? Read<string?>.Accept(null) : input.Length > MaxNote ? LifeMeetingTexts.NoteTooLong : input)
            .Keep((a, note) => a with { Note = note })
            .BackGoesTo(step => Backward<MeetingRecordAnswers>.To("AskingSpeech", step.Answers with { Speeches = [.. step.Answers.Speeches.SkipLast(1)] }), "AskingSpeech")
            .Next("Confirming", "NoteGiven");

        flow.Step<string>("Confirming", "shows the record to save, or change")
            .Prompt(step => new Prompt(Summary(step.Answers), [[new Choice(LifeMeetingTexts.Save, "ok"), new Choice(LifeMeetingTexts.Change, "back")]]))
            .ReadConfirmationAsync(LifeMeetingTexts.PressAButton, SaveAsync)
            .Next("Saved", "Saved");

        flow.Finish("Saved", "says the record is saved", step => LifeMeetingTexts.Recorded(step.Answers.MeetingId ?? "-"))
            .Cancelled(LifeMeetingTexts.Cancelled)
            .TimedOut(LifeMeetingTexts.TimedOut);
    }

    /// <summary>The day as the study and visit steps read it (今天, 昨天, 3月5日, 2027-03-05 …): not after today, within the campaign.</summary>
    public static Read<DateOnly> ReadDate(string input, DateOnly today, DateOnly campaignStart, DateOnly campaignEnd)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = EntryDateParser.Parse(input, today, campaignStart, campaignEnd);
        return result.Value is { } date ? date : result.Refusal!;
    }

    public static Read<IReadOnlyList<string>> ReadAbsent(string input, IReadOnlyList<string> team)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(team);
        if (input is "none" or "无" or "0")
        {
            return Read<IReadOnlyList<string>>.Accept([]);
        }

        var absent = new List<string>();
        foreach (var word in input.Split([' ', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > team.Count || absent.Contains(team[n - 1]))
            {
                return LifeMeetingTexts.BadAbsent;
            }

            absent.Add(team[n - 1]);
        }

        // A meeting at which nobody of the team was present is not a meeting.
        return absent.Count == 0 || absent.Count >= team.Count ? LifeMeetingTexts.BadAbsent : absent;
    }

    public static Read<MeetingSpeech> ReadSpeech(string input, string memberId)
    {
        ArgumentNullException.ThrowIfNull(input);
        var words = input.Split([' ', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 2
            && int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is >= 1 and <= 240
            && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var criticisms) && criticisms is >= 0 and <= 50
            ? new MeetingSpeech(memberId, minutes, criticisms)
            : LifeMeetingTexts.BadSpeech;
    }

    private static string NextSpeaker(MeetingRecordAnswers answers)
    {
        var present = answers.Present;
        return present[Math.Min(answers.Speeches.Count, present.Count - 1)];
    }

    /// <summary>How long a speech is expected to take (the head's longer); one under two thirds of it is marked short.</summary>
    private static int ExpectedMinutes(bool head) => head ? 30 : 20;

    public static Text Summary(MeetingRecordAnswers a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var head = a.Team.FirstOrDefault();
        var lines = a.Speeches.Select(s => LifeMeetingTexts.SpeechLine(a.NameOf(s.MemberId), s.Minutes, s.CriticismsRaised, s.Minutes < ExpectedMinutes(s.MemberId == head) * 2 / 3)).ToList();
        var attendance = LifeMeetingTexts.Attendance(a.Present.Count, a.Team.Count, Text.List(a.Absent.Select(a.NameOf)));
        string Join(Func<Text, string> pick) => string.Join("\n", lines.Select(pick));
        var date = a.Date is { } d ? LifeMeetingTexts.Date(d) : "-";
        var zh = LifeMeetingTexts.RecordSummary(date, a.SupervisorPresent, attendance.Chinese, Join(t => t.Chinese), a.Note).Chinese;
        var en = LifeMeetingTexts.RecordSummary(date, a.SupervisorPresent, attendance.English, Join(t => t.English), a.Note).English;
        return new Text(zh, en);
    }

    protected override async Task<Opening<MeetingRecordAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        if (context.Member is not { } member || !people.IsSecretaryOf(member, member.UnitId))
        {
            return Opening<MeetingRecordAnswers>.Refuse(LifeMeetingTexts.OnlySecretary);
        }

        var meeting = await people.LatestAsync(member.UnitId, cancellationToken);
        if (meeting is null)
        {
            return Opening<MeetingRecordAnswers>.Refuse(LifeMeetingTexts.NoMeeting);
        }

        if (meeting.Status == MeetingStatus.Preparing)
        {
            return Opening<MeetingRecordAnswers>.Refuse(LifeMeetingTexts.NotReadyToRecord);
        }

        return Opening<MeetingRecordAnswers>.Proceed(null, new MeetingRecordAnswers { MeetingId = meeting.Id, Team = meeting.Team, Names = meeting.Names });
    }

    private async Task<Read<string>> SaveAsync(FlowStep<MeetingRecordAnswers> step, CancellationToken cancellationToken)
    {
        var a = step.Answers;
        var context = step.Context;
        if (await meetings.GetAsync(a.MeetingId!, cancellationToken) is not { } meeting || meeting.Status == MeetingStatus.Preparing)
        {
            return LifeMeetingTexts.NotReadyToRecord;
        }

        var record = new MeetingRecord
        {
            Date = a.Date!.Value,
            SupervisorPresent = a.SupervisorPresent,
            Absent = a.Absent,
            Speeches = a.Speeches,
            Note = a.Note,
            RecordedBy = context.Member!.Id,
            RecordedAt = step.Now,
        };
        meeting = meeting with { Record = record, Status = meeting.Status == MeetingStatus.Reviewed ? MeetingStatus.Reviewed : MeetingStatus.Recorded };

        // The 满意度测评 opens once, when the record is first saved; a corrected record does not open another.
        if (meeting.SatisfactionRoundId is null)
        {
            var settings = step.Campaign.LifeMeeting;
            var audience = AudienceWords.Parse(settings.SatisfactionAudience) ?? RoundAudience.Roster;
            var opened = await rounds.OpenAsync(context, meeting.UnitId, settings.SatisfactionStage, audience, settings.SatisfactionHours, cancellationToken);
            context.Reply(opened.RoundId is null ? LifeMeetingTexts.SatisfactionNotOpened(context.Text(opened.Said)) : LifeMeetingTexts.SatisfactionOpened(context.Text(opened.Said)));
            meeting = meeting with { SatisfactionRoundId = opened.RoundId };
        }

        await meetings.SaveAsync(meeting, cancellationToken);
        var unit = people.UnitName(meeting.UnitId);
        foreach (var supervisor in await people.SupervisorsAsync(meeting.UnitId, cancellationToken))
        {
            context.Notify(supervisor.PrivateChat, TextMessage.In(LifeMeetingTexts.ReviewAsked(unit, meeting.Id), supervisor.Language));
        }

        return meeting.Id;
    }
}
