namespace CampaignBot.Core.Features.Contacts;

/// <summary>What /contact visit has gathered: the leader's units (loaded when it opens), the unit, the day, what was done.</summary>
public sealed record ContactVisitAnswers
{
    public IReadOnlyList<string> Units { get; init; } = [];

    public string? UnitId { get; init; }

    public DateOnly? Date { get; init; }

    public string? What { get; init; }
}

/// <summary>
/// /contact visit (contact leaders): which of their units, which day, what was done, then save. The visit's id derives
/// from the update that saved it, so a redelivered update stores it once.
/// </summary>
public sealed class ContactVisitFlow(ContactDirectory directory, IContactStore store, CampaignCalendar calendar)
    : DeclaredFlow<ContactVisitAnswers>("contactvisit", "contact_visit", ContactTexts.VisitTitle)
{
    public static readonly TextLength WhatLength = new(5, 500);

    private static readonly ConfirmWords SaveOrChange = ConfirmWords.OrChange("save", "保存");

    protected override void Declare(FlowBuilder<ContactVisitAnswers> flow)
    {
        flow.Step<string>("ChoosingUnit", "lists the leader's contact units to pick one")
            .Prompt(step => new Prompt(ContactTexts.WhichUnit, step.Answers.Units
                .Select((u, i) => new Choice(step.Campaign.FindUnit(u)?.Name ?? u, Pressed.Value('u', i))).InRows(1)))
            .Read((input, step) => ReadUnit(input, step.Answers.Units))
            .Keep((a, unit) => a with { UnitId = unit })
            .Next("AskingDate", "UnitChosen");

        flow.Step<DateOnly>("AskingDate", "asks the day of the visit (today, yesterday or a date in the campaign)")
            .Prompt(new Prompt(ContactTexts.AskDate, [[new Choice(ContactTexts.Today, "today"), new Choice(ContactTexts.Yesterday, "yesterday")]]))
            .Read((input, step) => ReadDate(input, calendar.Today(step.Now), step.Campaign.Start))
            .Keep((a, date) => a with { Date = date })
            .Next("AskingWhat", "DateGiven");

        flow.Step<string>("AskingWhat", "asks what was done on the visit")
            .Prompt(ContactTexts.AskWhat(WhatLength.Min, WhatLength.Max))
            .Read((input, _) => ReadWhat(input))
            .Keep((a, what) => a with { What = what })
            .Next("Confirming", "WhatGiven");

        flow.Step<ContactVisitAnswers>("Confirming", "shows the visit to save or change")
            .Prompt(step => new Prompt(
                ContactTexts.Preview(step.Campaign.FindUnit(step.Answers.UnitId ?? string.Empty)?.Name ?? step.Answers.UnitId ?? "-", step.Answers.Date is { } d ? ContactTexts.Date(d) : "-", step.Answers.What ?? "-"),
                [[new Choice(ContactTexts.Save, "save"), new Choice(ContactTexts.Change, "change")]]))
            .ReadConfirmationAsync(ContactTexts.SaveOrChange, SaveAsync, SaveOrChange)
            .Keep((_, saved) => saved)
            .Next("Saved", "Confirmed");

        flow.Finish("Saved", "says the visit is recorded", step => ContactTexts.Saved(step.Campaign.FindUnit(step.Answers.UnitId ?? string.Empty)?.Name ?? "-"))
            .Cancelled(ContactTexts.VisitCancelled)
            .TimedOut(ContactTexts.VisitTimedOut);
    }

    protected override async Task<Opening<ContactVisitAnswers>> OpenAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var units = await directory.UnitsOfAsync(context.Member, cancellationToken);
        return units.Count == 0
            ? Opening<ContactVisitAnswers>.Refuse(ContactTexts.NotAContactLeader)
            : Opening<ContactVisitAnswers>.Proceed(answers: new ContactVisitAnswers { Units = units });
    }

    /// <summary>A button ("u0"), a unit id of the leader's, or a unit's number as listed.</summary>
    public static Read<string> ReadUnit(string input, IReadOnlyList<string> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Contains(input, StringComparer.Ordinal))
        {
            return input;
        }

        return Pressed.Index(input, 'u', units.Count) is { } i ? units[i] : ContactTexts.ChooseUnit;
    }

    /// <summary>A day as the study steps read it (今天, 昨天, 3月5日, 3.5, 2027-03-05 …); not before the campaign starts and not after today.</summary>
    public static Read<DateOnly> ReadDate(string input, DateOnly today, DateOnly campaignStart)
    {
        // An empty answer is no visit date: the study steps' "empty is today" does not apply here.
        var date = string.IsNullOrWhiteSpace(input) ? null : Study.EntryDateParser.TryRead(input, today);
        if (date is not { } d)
        {
            return ContactTexts.BadDate;
        }

        return d > today ? ContactTexts.FutureDate : d < campaignStart ? ContactTexts.BeforeCampaign(ContactTexts.Date(campaignStart)) : d;
    }

    public static Read<string> ReadWhat(string input)
    {
        var text = (input ?? string.Empty).Trim();
        return WhatLength.Fits(text) ? text : ContactTexts.WhatLength(WhatLength.Min, WhatLength.Max, text.Length);
    }

    private async Task<Read<ContactVisitAnswers>> SaveAsync(FlowStep<ContactVisitAnswers> step, CancellationToken cancellationToken)
    {
        var answers = step.Answers;
        var member = step.Context.Member!;

        // The unit may have been taken off the leader meanwhile (/contact set): checked again when saving.
        if (answers.UnitId is not { } unit || answers.Date is not { } date || answers.What is not { } what
            || !(await directory.UnitsOfAsync(member, cancellationToken)).Contains(unit))
        {
            return ContactTexts.NotYourUnit;
        }

        await store.AddVisitAsync(new ContactVisit("cv-" + step.Context.Update.UpdateId, member.Id, member.Name, unit, date, what, step.Now), cancellationToken);
        return answers;
    }
}
