namespace CampaignBot.Core.Features.Study;

/// <summary>What the study, research and visit flows share: the date, length and note steps' prompts and readers.</summary>
public static class StudySteps
{
    public const int MaxNoteLength = 500;

    /// <summary>"today" and "yesterday", plus any further buttons for the same row.</summary>
    public static Prompt DatePrompt(Text ask, params Choice[] more) =>
        new(ask, [[new Choice(StudyTexts.Today, "today"), new Choice(StudyTexts.Yesterday, "yesterday"), .. more]]);

    public static Prompt LengthPrompt(Text ask) =>
        new(ask, [[new Choice(StudyTexts.Days(1), "1"), new Choice(StudyTexts.Days(2), "2"), new Choice(StudyTexts.Days(3), "3")]]);

    public static Prompt NotePrompt(Text ask) => new(ask, [[new Choice(StudyTexts.Skip, "skip")]]);

    public static IReadOnlyList<IReadOnlyList<Choice>> Column(IEnumerable<Choice> choices) =>
        choices.InRows(1);

    public static Read<DateOnly> ReadDate(string input, FlowContext context, CampaignCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(calendar);
        var result = EntryDateParser.Parse(input, calendar.Today(context.Now), context.Campaign.Start, context.Campaign.End);
        return result.Value is { } date ? date : result.Refusal!;
    }

    public static Read<int> ReadLength(string input, Text what)
    {
        var result = LengthParser.Parse(input, what);
        return result.Value is { } halfDays ? halfDays : result.Refusal!;
    }

    /// <summary>
    /// A free text answer: trimmed, at most <see cref="MaxNoteLength"/> characters, saying something (not only a number,
    /// symbols or one character). "skip" gives the empty string where the answer is optional.
    /// </summary>
    public static Read<string> ReadNote(string input, bool optional)
    {
        ArgumentNullException.ThrowIfNull(input);
        var note = input.Trim();
        if (optional && note is "skip" or "跳过" or "无" or "-")
        {
            return string.Empty;
        }

        return note switch
        {
            "" => StudyTexts.TypeSomeText,
            _ when note.StartsWith('/') => StudyTexts.TypeSomeText,
            { Length: > MaxNoteLength } => StudyTexts.TooLong(MaxNoteLength),
            _ when !SaysSomething(note) => StudyTexts.SaysNothing,
            _ => note,
        };
    }

    /// <summary>A step's reader that reads a note (<see cref="ReadNote"/>) and, when it is good, saves with it.</summary>
    public static Func<string, FlowStep<TAnswers>, CancellationToken, Task<Read<string>>> NoteThen<TAnswers>(
        bool optional, Func<string, FlowStep<TAnswers>, CancellationToken, Task> save)
        where TAnswers : class
    {
        ArgumentNullException.ThrowIfNull(save);
        return async (input, step, cancellationToken) =>
        {
            var read = ReadNote(input, optional);
            if (read.IsAccepted)
            {
                await save(read.Value!, step, cancellationToken).ConfigureAwait(false);
            }

            return read;
        };
    }

    /// <summary>A new entry of the member of this update, recorded by them now, under an id derived from the update.</summary>
    public static ActivityEntry OwnEntry(FlowContext context, ActivityKind kind, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.Member ?? throw new InvalidOperationException("Only a registered member logs an entry.");
        var prefix = kind switch
        {
            ActivityKind.Research => "research",
            ActivityKind.Visit => "visit",
            _ => "study",
        };
        return new ActivityEntry
        {
            Id = $"{prefix}:{context.Update.UpdateId}",
            Kind = kind,
            MemberId = member.Id,
            UnitId = member.PrimaryUnitId,
            Date = date,
            RecordedBy = member.Id,
            RecordedAt = context.Now,
        };
    }

    /// <summary>True when a text names something: at least two characters, at least two of them letters (汉字 count).</summary>
    public static bool SaysSomething(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().Count(char.IsLetter) >= 2;
    }

    /// <summary>
    /// For flows that only leaders use: the refusal when the caller is not registered or their rank sets no minimum for
    /// this kind of work; null when they may go on.
    /// </summary>
    public static Text? RefuseNonLeaders(FlowContext context, Func<RankDefinition, int?> minimum, Text notForYou)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(minimum);
        if (context.Member is not { } member)
        {
            return StudyTexts.NotRegisteredShort;
        }

        return context.Campaign.FindRank(member.Rank) is { } rank && minimum(rank) is > 0 ? null : notForYou;
    }

    /// <summary>The opening of a flow only leaders use: a refusal for others, else the first step.</summary>
    public static Func<FlowContext, Opening<TAnswers>> LeadersOnly<TAnswers>(Func<RankDefinition, int?> minimum, Text notForYou)
        where TAnswers : class =>
        context => RefuseNonLeaders(context, minimum, notForYou) is { } refusal ? Opening<TAnswers>.Refuse(refusal) : Opening<TAnswers>.Proceed();

    /// <summary>The item a numbered button picked (its value is <paramref name="prefix"/> and the index, "e0"), or null.</summary>
    public static ListedItem? Picked(string input, char prefix, IReadOnlyList<ListedItem> items)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(items);
        return Pressed.Index(input, prefix, items.Count) is { } i ? items[i] : null;
    }

    public static string DateText(DateOnly date) => EntryDateParser.Show(date);

    /// <summary>An entry as one line: "2027-03-05 1.5 天 自学 理论宣讲 ✓" ("2027-03-05 1.5 days Self-study, Theory ✓" where the campaign file gives the English).</summary>
    public static string Line(ActivityEntry entry, CampaignDefinition campaign, Language language = Language.Chinese)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(campaign);
        var what = entry.Kind == ActivityKind.Research
            ? $"{StudyTexts.ResearchTitle.In(language)} {entry.Place}"
            : StudyTexts.EntryForm(StudyForms.FormName(entry.Form, language), StudyForms.TopicName(campaign, entry.Topic, language)).In(language);
        return StudyTexts.EntryLine(DateText(entry.Date), LengthParser.Days(entry.HalfDays), what).In(language) + (entry.Confirmed ? " ✓" : string.Empty);
    }
}
