namespace CampaignBot.Core.Features.Bulletins;

/// <summary>What the monthly dispatch form has gathered.</summary>
public sealed record DispatchAnswers
{
    public int Count { get; init; }

    public IReadOnlyList<string> Lines { get; init; } = [];

    public bool LedgerChecked { get; init; }

    public string? Note { get; init; }

    public string? Month { get; init; }
}

/// <summary>
/// /dispatch with nothing after it: the monthly dispatch (月调度) as a form, for the unit's secretary: how many practical things
/// were done (办实事) and which, whether the ledger progress was checked, a note, for the month it was opened for (the ask's
/// button names it). Saving again for the month replaces it.
/// </summary>
public sealed class DispatchFlow(IBulletinStore store, DispatchMonths months, IOptions<BulletinOptions> options)
    : DeclaredFlow<DispatchAnswers>("dispatch", "dispatch_form", BulletinTexts.FlowTitle)
{
    private BulletinOptions Options => options.Value;

    protected override void Declare(FlowBuilder<DispatchAnswers> flow)
    {
        // The month is fixed when the form opens (the ask's button, /dispatch yyyy-MM, or this month), and the answer is
        // filed under it however late it comes.
        flow.Opens(context =>
        {
            if (context.Member is not { Role: Roles.Secretary })
            {
                return Opening<DispatchAnswers>.Refuse(BulletinTexts.DispatchNotAllowed);
            }

            var month = months.Resolve(DispatchCommand.MonthWord(context.Update.Content), context.Campaign, context.Now);
            return month.Month is { } asked
                ? Opening<DispatchAnswers>.Proceed(BulletinTexts.FormGreeting(asked), new DispatchAnswers { Month = asked })
                : Opening<DispatchAnswers>.Refuse(month.Refusal!);
        });

        flow.Step<int>("AskingCount", "asks how many practical things were done this month")
            .Prompt(step => BulletinTexts.AskCount(step.Answers.Month ?? string.Empty))
            .Read((input, _) => int.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 999 ? n : BulletinTexts.BadCount)
            .Keep((a, n) => a with { Count = n })
            .Next((_, n) => n == 0 ? "AskingChecked" : "AskingLines", "AskingLines", "AskingChecked");

        flow.Step<IReadOnlyList<string>>("AskingLines", "asks which practical things, one a line")
            .Prompt(BulletinTexts.AskLines(Options.MaxLines))
            .Read((input, _) => ReadLines(input, Options.MaxLines, Options.MaxLineLength))
            .Keep((a, lines) => a with { Lines = lines })
            .Next("AskingChecked", "LinesGiven");

        flow.Step<bool>("AskingChecked", "asks whether the ledger progress was checked this month")
            .Prompt(new Prompt(BulletinTexts.AskChecked, [[new Choice(BulletinTexts.Yes, "yes"), new Choice(BulletinTexts.No, "no")]]))
            .Read((input, _) => input switch
            {
                "yes" or "是" => true,
                "no" or "否" => false,
                _ => Read<bool>.Refuse(BulletinTexts.PressYesNo),
            })
            .Keep((a, yes) => a with { LedgerChecked = yes })
            .BackGoesTo("AskingCount")
            .Next("AskingNote", "Answered");

        flow.Step<string>("AskingNote", "asks a note, or skip; then saves the answer")
            .Prompt(new Prompt(BulletinTexts.AskNote, [[new Choice(BulletinTexts.Skip, "skip")]]))
            .ReadAsync(SaveAsync)
            .Keep((a, note) => a with { Note = note })
            .Next("Saved", "NoteGiven");

        flow.Finish("Saved", "confirms the dispatch is received", step => BulletinTexts.DispatchSaved(step.Answers.Month ?? string.Empty, step.Answers.Count))
            .Cancelled(BulletinTexts.FormCancelled)
            .TimedOut(BulletinTexts.FormTimedOut);
    }

    /// <summary>Lines split on new lines or ；, at most <paramref name="max"/>, each at most <paramref name="length"/> characters.</summary>
    public static Read<IReadOnlyList<string>> ReadLines(string input, int max, int length)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lines = input.Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 || lines.Length > max || lines.Any(l => l.Length > length)
            ? BulletinTexts.TooManyLines(max, length)
            : lines;
    }

    private async Task<Read<string>> SaveAsync(string input, FlowStep<DispatchAnswers> step, CancellationToken cancellationToken)
    {
        var note = input is "skip" or "跳过" ? string.Empty : input.Trim();
        if (note.Length > 300)
        {
            return BulletinTexts.NoteTooLong;
        }

        var member = step.Context.Member!;
        var a = step.Answers;
        await store.SaveDispatchAsync(
            new DispatchReport
            {
                UnitId = member.UnitId,
                Month = a.Month ?? throw new InvalidOperationException("A dispatch form opens with its month."),
                PracticalThings = a.Count,
                Lines = a.Lines,
                LedgerChecked = a.LedgerChecked,
                Note = note.Length == 0 ? null : note,
                AnsweredBy = member.Id,
                AnsweredAt = step.Now,
            },
            cancellationToken);
        return note;
    }
}
