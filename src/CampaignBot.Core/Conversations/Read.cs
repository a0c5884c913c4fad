namespace CampaignBot.Core.Conversations;

/// <summary>
/// What a step made of one input: the value, a refusal (the step is asked again), back one step, or a jump to a
/// step the reading step declared with <c>MayJumpTo</c>. A value or a <see cref="Text"/> converts implicitly, so a
/// reader returns <c>name</c> or <c>MyTexts.NameEmpty</c>.
/// </summary>
public readonly record struct Read<TValue>
{
    private Read(TValue? value, Text? refusal, bool back, string? jumpTo)
    {
        Value = value;
        Refusal = refusal;
        IsBack = back;
        JumpTo = jumpTo;
    }

    public TValue? Value { get; }

    /// <summary>Said before the step is asked again (with a refusal) or before the jump.</summary>
    public Text? Refusal { get; }

    public bool IsBack { get; }

    public string? JumpTo { get; }

    public bool IsAccepted => Refusal is null && !IsBack && JumpTo is null;

    public static Read<TValue> Back => new(default, null, true, null);

    public static Read<TValue> Accept(TValue value) => new(value, null, false, null);

    public static Read<TValue> Refuse(Text refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(default, refusal, false, null);
    }

    /// <summary>Says <paramref name="why"/> and goes to <paramref name="step"/> (declared with <c>MayJumpTo</c>).</summary>
    public static Read<TValue> Jump(string step, Text why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return new(default, why, false, step);
    }

#pragma warning disable CA2225 // Accept and Refuse are the named alternates.
    public static implicit operator Read<TValue>(TValue value) => Accept(value);

    public static implicit operator Read<TValue>(Text refusal) => Refuse(refusal);
#pragma warning restore CA2225
}

/// <summary>A step's prompt: its text and optional button rows (each button a label and the value it answers).</summary>
public sealed record Prompt(Text Text, IReadOnlyList<IReadOnlyList<Choice>>? Buttons = null)
{
#pragma warning disable CA2225 // A prompt without buttons is just its text.
    public static implicit operator Prompt(Text text) => new(text);
#pragma warning restore CA2225
}

/// <summary>One button of a prompt: what it shows and the value the step reads when it is pressed.</summary>
public sealed record Choice(Text Label, string Value)
{
    /// <summary>A label that reads the same in both languages (a unit's or a rank's name).</summary>
    public Choice(string label, string value)
        : this(new Text(label, label), value)
    {
    }
}

/// <summary>Reading a press of one of a list's buttons, whose values are a letter and the item's index ("p0", "p1", …).</summary>
public static class Pressed
{
    /// <summary>The value of the button for item <paramref name="index"/> of a list, as <see cref="Index"/> reads it back.</summary>
    public static string Value(char prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The index pressed, or null unless <paramref name="input"/> is <paramref name="prefix"/> and an index below <paramref name="count"/>.</summary>
    public static int? Index(string input, char prefix, int count)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Length > 1 && input[0] == prefix
            && int.TryParse(input.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < count
            ? index
            : null;
    }

    /// <summary>The index pressed, or that of a typed number counted from 1 (a list the member reads as numbered), or null.</summary>
    public static int? IndexOrNumber(string input, char prefix, int count) =>
        Index(input, prefix, count)
        ?? (int.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= count ? number - 1 : null);
}

/// <summary>How a prompt lays out its buttons.</summary>
public static class ChoiceRows
{
    /// <summary>The most items a pick-from-a-list prompt offers as buttons (people, households): what a phone screen shows.</summary>
    public const int MaxListed = 12;

    /// <summary>The buttons laid out <paramref name="perRow"/> to a row, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<Choice>> InRows(this IEnumerable<Choice> choices, int perRow = 3) => [.. choices.Chunk(perRow)];
}

/// <summary>How long a typed answer may be, in characters, both ends included.</summary>
public readonly record struct TextLength(int Min, int Max)
{
    /// <summary>Why work is sent back to be done again (an examination returned, a ledger item reopened): one rule for both.</summary>
    public static TextLength SendBackReason { get; } = new(5, 500);

    public bool Fits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length >= Min && text.Length <= Max;
    }
}

/// <summary>The presses a confirming step knows (<c>ReadConfirmationAsync</c>): those that confirm, those that go back to change.</summary>
public sealed record ConfirmWords(IReadOnlyList<string> Confirm, IReadOnlyList<string> Change)
{
    /// <summary>The buttons "ok" and "back".</summary>
    public static ConfirmWords OkOrBack { get; } = new(["ok"], ["back"]);

    /// <summary>The given confirm words (a button's value and its Chinese label), and "change" / "修改" to go back.</summary>
    public static ConfirmWords OrChange(params string[] confirm) => new(confirm, ["change", "修改"]);
}

/// <summary>Where /back goes from a step whose back depends on the answers: a step and the answers there, or a refusal.</summary>
public sealed record Backward<TAnswers>(string? State, TAnswers? Answers, Text? Refusal)
    where TAnswers : class
{
    public static Backward<TAnswers> To(string state, TAnswers answers) => new(state, answers, null);

    public static Backward<TAnswers> Refuse(Text refusal) => new(null, null, refusal);
}

/// <summary>How a flow opens: go to the first step (optionally with a greeting and answers loaded), or say why not and end.</summary>
public sealed record Opening<TAnswers>(TAnswers? Answers, Text? Greeting, Text? Refusal)
    where TAnswers : class
{
    /// <summary>The step to start at (a resumed draft), or null for the first declared step.</summary>
    public string? StartAt { get; init; }

    /// <summary>Goes to the first step, with <paramref name="greeting"/> heading its prompt (one message, not two).</summary>
    public static Opening<TAnswers> Proceed(Text? greeting = null, TAnswers? answers = null) => new(answers, greeting, null);

    /// <summary>Starts at <paramref name="step"/> instead of the first step (a draft resumed where it was left).</summary>
    public static Opening<TAnswers> ProceedAt(string step, Text? greeting = null, TAnswers? answers = null) => new(answers, greeting, null) { StartAt = step };

    public static Opening<TAnswers> Refuse(Text refusal) => new(null, null, refusal);
}

/// <summary>What a step's prompt and reader see: the update's context and the answers so far.</summary>
public sealed record FlowStep<TAnswers>(FlowContext Context, TAnswers Answers)
    where TAnswers : class
{
    public Campaign.CampaignDefinition Campaign => Context.Campaign;

    public DateTimeOffset Now => Context.Now;

    public Language Language => Context.Language;
}
