namespace CampaignBot.Core.Features.Study;

/// <summary>An entry or a member shown in a numbered list, as it was when the list was made.</summary>
public sealed record ListedItem(string Id, string Line, string? MemberId = null);

/// <summary>What /study has gathered so far.</summary>
public sealed record StudyAnswers
{
    /// <summary>"new" (one's own entry), "fix" (correcting <see cref="FixId"/>) or "group" (a collective session).</summary>
    public string Mode { get; init; } = "new";

    public string? FixId { get; init; }

    public DateOnly? Date { get; init; }

    public int HalfDays { get; init; }

    public string? Form { get; init; }

    public string? Topic { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<ListedItem> Recent { get; init; } = [];

    public IReadOnlyList<ListedItem> Roster { get; init; } = [];

    public IReadOnlyList<ListedItem> Pending { get; init; } = [];
}

/// <summary>
/// /study: log a session (date, length, form, topic, note), list and correct recent entries; a secretary also
/// records a collective session for many members at once and confirms or rejects the unit's entries one by one.
/// Ids derive from the update, so a re-run update stores nothing twice.
/// </summary>
public sealed class StudyFlow(StudyServices services) : DeclaredFlow<StudyAnswers>("study", "study", StudyTexts.StudyTitle)
{
    private const int RecentShown = 5;
    private const int MaxRoster = 200;
    private const int PendingShown = 20;

    protected override void Declare(FlowBuilder<StudyAnswers> flow)
    {
        // A reminder's "log" button skips the menu: the member came to log.
        flow.Opens(context => context.Member is null ? Opening<StudyAnswers>.Refuse(StudyTexts.NotRegistered)
            : context.Update.Content is ButtonPress { Payload: RemindCommand.LogPayload } ? Opening<StudyAnswers>.ProceedAt("AwaitingDate")
            : Opening<StudyAnswers>.Proceed());

        flow.Step<(string Next, StudyAnswers Answers)>("Choosing", "offers to log, correct, record a collective session or confirm")
            .Prompt(step => new Prompt(StudyTexts.StudyMenu, StudySteps.Column(MenuChoices(IsSecretary(step.Context)))))
            .ReadAsync(ChooseAsync)
            .Keep((_, chosen) => chosen.Answers)
            .Next((_, chosen) => chosen.Next, "AwaitingDate", "PickingEntry", "ConfirmingEntries", "Done")
            .AsksNothingOfTheUser();

        flow.Step<string>("PickingEntry", "lists recent entries to pick one to correct")
            .Prompt(step => new Prompt(Numbered(StudyTexts.RecentEntries, step.Answers.Recent), NumberButtons(step.Answers.Recent.Count)))
            .Read((input, step) => StudySteps.Picked(input, 'e', step.Answers.Recent)?.Id is { } id ? id : StudyTexts.ChooseWithButtons)
            .Keep((answers, id) => answers with { Mode = "fix", FixId = id })
            .Next("AwaitingDate", "EntryPicked")
            .BackGoesTo("Choosing");

        flow.Step<DateOnly>("AwaitingDate", "asks the day (today, yesterday or a typed date)")
            .Prompt(step => StudySteps.DatePrompt(step.Answers.Mode == "group" ? StudyTexts.AskCollectiveDate : StudyTexts.AskStudyDate))
            .Read((input, step) => StudySteps.ReadDate(input, step.Context, services.Calendar))
            .Keep((answers, date) => answers with { Date = date })
            .Next("AwaitingLength", "DateGiven")
            .BackGoesTo("Choosing");

        flow.Step<int>("AwaitingLength", "asks the length in half-day steps")
            .Prompt(StudySteps.LengthPrompt(StudyTexts.AskStudyLength))
            .Read((input, _) => StudySteps.ReadLength(input, StudyTexts.StudyLength))
            .Keep((answers, halfDays) => answers with { HalfDays = halfDays })
            .Next("AwaitingForm", "LengthGiven");

        flow.Step<string>("AwaitingForm", "asks the form of study")
            .Prompt(new Prompt(StudyTexts.AskForm, StudySteps.Column(StudyForms.All.Select(f => new Choice(f.Names(), f.Code)))))
            .Read((input, _) => Pick(input, StudyForms.All) is { } form ? form : StudyTexts.ChooseWithButtons)
            .Keep((answers, form) => answers with { Form = form })
            .Next("AwaitingTopic", "FormChosen");

        flow.Step<string>("AwaitingTopic", "asks the topic")
            .Prompt(step => new Prompt(StudyTexts.AskTopic, StudySteps.Column(StudyForms.Topics(step.Campaign).Select(t => new Choice(t.Names(), t.Code)))))
            .Read((input, step) => Pick(input, StudyForms.Topics(step.Campaign)) is { } topic ? topic : StudyTexts.ChooseWithButtons)
            .Keep((answers, topic) => answers with { Topic = topic })
            .Next("AwaitingNote", "TopicChosen");

        flow.Step<string>("AwaitingNote", "asks a short note or skip; saves one's own entry")
            .Prompt(StudySteps.NotePrompt(StudyTexts.AskNote))
            .ReadAsync(StudySteps.NoteThen<StudyAnswers>(optional: true, SaveWithNoteAsync))
            .Keep((answers, note) => answers with { Note = note })
            .Next((step, _) => step.Answers.Mode == "group" ? "AwaitingAttendees" : "Done", "AwaitingAttendees", "Done");

        // No buttons here: a typed "1" must name member 1, not press a button.
        flow.Step<int>("AwaitingAttendees", "asks who attended the collective session; records it for them")
            .Prompt(step => Numbered(StudyTexts.AskAttendees, step.Answers.Roster))
            .ReadAsync(RecordAttendeesAsync)
            .Next("Done", "Recorded");

        flow.Step<(string Next, StudyAnswers Answers)>("ConfirmingEntries", "lists the unit's unconfirmed entries to confirm all or reject one")
            .Prompt(step => new Prompt(
                new Text(
                    Numbered(StudyTexts.PendingEntries(step.Answers.Pending.Count), step.Answers.Pending).Chinese + "\n" + StudyTexts.RejectHint.Chinese,
                    Numbered(StudyTexts.PendingEntries(step.Answers.Pending.Count), step.Answers.Pending).English + "\n" + StudyTexts.RejectHint.English),
                [[new Choice(StudyTexts.ConfirmAll, "all"), new Choice(StudyTexts.Done, "done")]]))
            .ReadAsync(ConfirmOrRejectAsync)
            .Keep((_, result) => result.Answers)
            .Next((_, result) => result.Next, "ConfirmingEntries", "Done")
            .BackGoesTo("Choosing");

        flow.Finish("Done", "the entry is saved (said by the step)")
            .Cancelled(StudyTexts.StudyCancelled)
            .TimedOut(StudyTexts.StudyTimedOut);
    }

    private static bool IsSecretary(FlowContext context) => context.Member?.Role is Roles.Secretary or Roles.CampaignOffice;

    private static IEnumerable<Choice> MenuChoices(bool secretary)
    {
        yield return new Choice(StudyTexts.LogStudy, "new");
        yield return new Choice(StudyTexts.RecentOrCorrect, "list");
        if (secretary)
        {
            yield return new Choice(StudyTexts.CollectiveSession, "group");
            yield return new Choice(StudyTexts.ConfirmUnitEntries, "confirm");
        }
    }

    private async Task<Read<(string, StudyAnswers)>> ChooseAsync(string input, FlowStep<StudyAnswers> step, CancellationToken cancellationToken)
    {
        var member = step.Context.Member!;
        var secretary = IsSecretary(step.Context);
        switch (input)
        {
            case "new":
                return ("AwaitingDate", new StudyAnswers());
            case "list":
                var recent = (await services.Log.ListAsync(null, member.Id, ActivityKind.Study, cancellationToken).ConfigureAwait(false)).TakeLast(RecentShown).Reverse().ToList();
                return recent.Count == 0
                    ? StudyTexts.NoStudyEntries
                    : ("PickingEntry", new StudyAnswers { Recent = [.. recent.Select(e => new ListedItem(e.Id, StudySteps.Line(e, step.Campaign, step.Language)))] });
            case "group" when secretary:
                var roster = (await services.Members.ListAsync(member.UnitId, cancellationToken).ConfigureAwait(false)).Where(m => m.IsActive).Take(MaxRoster);
                return ("AwaitingDate", new StudyAnswers { Mode = "group", Roster = [.. roster.Select(m => new ListedItem(m.Id, m.Name))] });
            case "confirm" when secretary:
                var pending = await PendingAsync(member.UnitId, step.Campaign, step.Language, cancellationToken).ConfigureAwait(false);
                if (pending.Count == 0)
                {
                    step.Context.Reply(StudyTexts.NothingToConfirm);
                    return ("Done", step.Answers);
                }

                return ("ConfirmingEntries", new StudyAnswers { Pending = pending });
            case "group" or "confirm":
                return StudyTexts.SecretaryOnly;
            default:
                return StudyTexts.ChooseWithButtons;
        }
    }

    private async Task<IReadOnlyList<ListedItem>> PendingAsync(string unitId, CampaignDefinition campaign, Language language, CancellationToken cancellationToken)
    {
        var entries = (await services.Log.ListAsync(unitId, null, null, cancellationToken).ConfigureAwait(false)).Where(e => !e.Confirmed && e.Kind != ActivityKind.Visit).Take(PendingShown).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in entries.Select(e => e.MemberId).Distinct(StringComparer.Ordinal))
        {
            names[id] = (await services.Members.GetAsync(id, cancellationToken).ConfigureAwait(false))?.Name ?? "?";
        }

        return [.. entries.Select(e => new ListedItem(e.Id, $"{names[e.MemberId]} {StudySteps.Line(e, campaign, language)}", e.MemberId))];
    }

    /// <summary>Saves the member's own entry once the note is read; a secretary's group entry is saved at its last step.</summary>
    private Task SaveWithNoteAsync(string note, FlowStep<StudyAnswers> step, CancellationToken cancellationToken) =>
        step.Answers.Mode == "group" ? Task.CompletedTask : SaveOwnAsync(step with { Answers = step.Answers with { Note = note } }, cancellationToken);

    private static ActivityEntry EntryFor(Member member, string id, bool confirmed, FlowStep<StudyAnswers> step) => new()
    {
        Id = id,
        Kind = ActivityKind.Study,
        MemberId = member.Id,
        UnitId = member.PrimaryUnitId,
        Date = step.Answers.Date!.Value,
        HalfDays = step.Answers.HalfDays,
        Form = step.Answers.Form,
        Topic = step.Answers.Topic,
        Note = step.Answers.Note is { Length: > 0 } note ? note : null,
        Confirmed = confirmed,
        RecordedBy = step.Context.Member!.Id,
        RecordedAt = step.Now,
    };

    private async Task SaveOwnAsync(FlowStep<StudyAnswers> step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var member = context.Member!;
        var answers = step.Answers;
        var existing = await services.Log.ListAsync(null, member.Id, ActivityKind.Study, cancellationToken).ConfigureAwait(false);
        ActivityEntry saved;
        Text done;
        if (answers.FixId is { } fixId && existing.FirstOrDefault(e => e.Id == fixId) is { } old)
        {
            saved = EntryFor(member, fixId, confirmed: false, step) with { RecordedAt = old.RecordedAt };
            await services.Log.ReplaceAsync(saved, cancellationToken).ConfigureAwait(false);
            done = StudyTexts.EntryCorrected;
        }
        else
        {
            saved = EntryFor(member, $"study:{context.Update.UpdateId}", confirmed: false, step);
            await services.Log.AddAsync(saved, cancellationToken).ConfigureAwait(false);
            done = StudyTexts.Logged(StudySteps.DateText(saved.Date), LengthParser.Days(saved.HalfDays));
        }

        // One message: what was saved, the overlap note where there is one, and where the member stands now.
        if (existing.Any(e => e.Id != saved.Id && StudyTime.Overlap(e, saved)))
        {
            done = done.Then(StudyTexts.OverlapCountedOnce(StudySteps.DateText(saved.Date)));
        }

        var standing = await services.Progress.ForMemberAsync(member, cancellationToken).ConfigureAwait(false);
        context.Reply(done.Then(StudyTexts.YourStudyProgress(standing, StudySteps.DateText(standing.Deadline))));
    }

    private async Task<Read<int>> RecordAttendeesAsync(string input, FlowStep<StudyAnswers> step, CancellationToken cancellationToken)
    {
        var roster = step.Answers.Roster;
        var text = input.Trim();
        var all = text is "全部" or "all" or "全体";
        var picked = new SortedSet<int>();
        foreach (var part in all ? [] : text.Split([' ', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > roster.Count)
            {
                return StudyTexts.NotOnTheList(part.Length > 10 ? part[..10] : part, roster.Count);
            }

            picked.Add(n - 1);
        }

        if (!all && picked.Count == 0)
        {
            return StudyTexts.AtLeastOneNumber;
        }

        var saved = 0;
        foreach (var listed in all ? roster : [.. picked.Select(i => roster[i])])
        {
            if (await services.Members.GetAsync(listed.Id, cancellationToken).ConfigureAwait(false) is { } attendee)
            {
                await services.Log.AddAsync(EntryFor(attendee, $"study:{step.Context.Update.UpdateId}:{attendee.Id}", confirmed: true, step), cancellationToken).ConfigureAwait(false);
                saved++;
            }
        }

        step.Context.Reply(StudyTexts.CollectiveRecorded(saved, StudySteps.DateText(step.Answers.Date!.Value)));
        return saved;
    }

    private async Task<Read<(string, StudyAnswers)>> ConfirmOrRejectAsync(string input, FlowStep<StudyAnswers> step, CancellationToken cancellationToken)
    {
        var pending = step.Answers.Pending;
        var context = step.Context;
        if (input is "done" or "完成")
        {
            return ("Done", step.Answers);
        }

        if (input is "all" or "全部确认" or "全部")
        {
            var confirmed = 0;
            foreach (var listed in pending)
            {
                if (await services.Log.GetAsync(listed.Id, cancellationToken).ConfigureAwait(false) is { Confirmed: false } entry)
                {
                    await services.Log.ReplaceAsync(entry with { Confirmed = true }, cancellationToken).ConfigureAwait(false);
                    confirmed++;
                }
            }

            context.Reply(StudyTexts.Confirmed(confirmed));
            return ("Done", step.Answers);
        }

        var words = input.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words is not [("退回" or "reject"), var number] || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > pending.Count)
        {
            return StudyTexts.NotANumberToReject(pending.Count);
        }

        var rejected = pending[n - 1];
        if (await services.Log.GetAsync(rejected.Id, cancellationToken).ConfigureAwait(false) is { } gone)
        {
            await services.Log.RemoveAsync(gone.Id, cancellationToken).ConfigureAwait(false);
            if (await services.Members.GetAsync(gone.MemberId, cancellationToken).ConfigureAwait(false) is { } owner)
            {
                var language = new UserRef(owner.UserId, owner.Name, owner.LanguageCode).Language;
                context.Notify(owner.PrivateChat, TextMessage.In(StudyTexts.YourEntryRejected(StudySteps.Line(gone, step.Campaign, language)), language));
            }
        }

        context.Reply(StudyTexts.Rejected(rejected.Line));
        var rest = pending.Where(p => p.Id != rejected.Id).ToList();
        return rest.Count == 0 ? ("Done", step.Answers with { Pending = rest }) : ("ConfirmingEntries", step.Answers with { Pending = rest });
    }

    private static string? Pick(string input, IReadOnlyList<CatalogueItem> items) =>
        items.FirstOrDefault(i => i.Code == input || i.IsCalled(input))?.Code;

    internal static Text Numbered(Text heading, IReadOnlyList<ListedItem> items)
    {
        var lines = string.Concat(items.Select((item, i) => $"\n{i + 1}. {item.Line}"));
        return new Text(heading.Chinese + lines, heading.English + lines);
    }

    internal static IReadOnlyList<IReadOnlyList<Choice>> NumberButtons(int count) =>
        StudySteps.Column(Enumerable.Range(0, count).Select(i => new Choice((i + 1).ToString(CultureInfo.InvariantCulture), Pressed.Value('e', i))));
}
