using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Ledger;

namespace CampaignBot.Core.Features.Contacts;

/// <summary>
/// What a contact leader reads about a unit they contact, read-only: the weekly summary, the self-examinations (list and
/// one in full) and the rectification ledger. It only reads the stores; nothing here changes a record.
/// </summary>
public sealed class ContactUnitView(IMemberStore members, IExaminationStore examinations, ILedgerStore ledger, IContactStore contacts, CampaignDefinition campaign)
{
    private const int MaxListed = 30;

    /// <summary>Items of a self-examination on one page: two lines each, so a page with its summary and reviews fits a phone screen.</summary>
    public const int ItemsPerPage = 7;

    /// <summary>The latest reviews shown under a self-examination.</summary>
    public const int ReviewsShown = 3;

    private readonly CampaignCalendar _calendar = new(campaign);

    public string UnitName(string unitId) => campaign.FindUnit(unitId)?.Name ?? unitId;

    public string UnitName(string unitId, Language language) => campaign.FindUnit(unitId)?.NameIn(language) ?? unitId;

    /// <summary>The separator between the fields of a list line: the full-width bar in Chinese, a spaced bar in English.</summary>
    public static string Bar(Language language) => language == Language.English ? " | " : "｜";

    /// <summary>The unit's week: people, examinations by status, ledger items, and this leader's visits.</summary>
    public async Task<Text> WeeklySummaryAsync(string leaderId, string unitId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var people = (await members.ListAsync(unitId, cancellationToken)).Where(m => m.IsActive && m.TakesPart).ToList();
        var exams = await examinations.ListAsync(unitId, cancellationToken);
        var items = await ledger.ListAsync(unitId, cancellationToken);
        var visits = (await contacts.ListVisitsAsync(unitId, cancellationToken)).Where(v => v.LeaderId == leaderId).ToList();
        var counts = new ContactUnitCounts(
            people.Count,
            exams.Count(e => e.Status == ExaminationStatus.Submitted),
            exams.Count(e => e.Status == ExaminationStatus.Returned),
            exams.Count(e => e.Status == ExaminationStatus.Accepted),
            items.Count,
            items.Count(i => i.Status == LedgerStatus.Done),
            items.Count(i => i.Status == LedgerStatus.Overdue),
            visits.Count,
            visits.Count(v => v.Date >= weekStart),
            visits.Count == 0 ? null : visits[^1].Date);
        return ContactTexts.WeeklySummary(UnitName(unitId), unitId, ContactTexts.Date(weekStart), counts);
    }

    /// <summary>The unit's self-examinations, numbered for <c>/contact exam &lt;unit&gt; &lt;n&gt;</c>.</summary>
    public async Task<IReadOnlyList<SelfExamination>> ExaminationsAsync(string unitId, CancellationToken cancellationToken) =>
        [.. (await examinations.ListAsync(unitId, cancellationToken)).OrderBy(e => e.MemberName, StringComparer.Ordinal).ThenBy(e => e.MemberId, StringComparer.Ordinal)];

    public string ExaminationList(string unitId, IReadOnlyList<SelfExamination> exams, Language language)
    {
        var english = language == Language.English;
        var bar = Bar(language);
        var text = new StringBuilder(ContactTexts.ExaminationsHeading(UnitName(unitId, language), exams.Count).In(language));
        for (var i = 0; i < exams.Count && i < MaxListed; i++)
        {
            var e = exams[i];
            var checklist = campaign.FindChecklist(e.ChecklistCode)?.NameIn(language) ?? e.ChecklistCode;
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{i + 1}. {e.MemberName}{bar}{checklist}{bar}{ContactTexts.ExamStatusName(e.Status).In(english)}");
        }

        text.Append('\n').Append(ContactTexts.ExaminationListFooter(unitId).In(language));
        return text.ToString();
    }

    /// <summary>
    /// One self-examination as its reviewers read it, a phone screen at a time: a summary (items answered, when submitted
    /// and last returned), then <see cref="ItemsPerPage"/> items a page; the last page ends with the latest reviews.
    /// </summary>
    public async Task<ExaminationPage> ExaminationAsync(SelfExamination exam, int page, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exam);
        var english = language == Language.English;
        var items = campaign.FindChecklist(exam.ChecklistCode)?.Items ?? [];
        var reviews = await examinations.ListReviewsAsync(exam.MemberId, cancellationToken);
        var pages = Math.Max(1, (items.Count + ItemsPerPage - 1) / ItemsPerPage);
        page = Math.Clamp(page, 1, pages);
        var text = new StringBuilder(ContactTexts.ExaminationHeading(exam.MemberName, UnitName(exam.UnitId, language), ContactTexts.ExamStatusName(exam.Status).In(english), exam.Submissions).In(language));
        var answered = items.Count(i => exam.Answers.GetValueOrDefault(i.Code) is { IsEmpty: false });
        var returned = reviews.LastOrDefault(r => !r.Accepted)?.ReviewedAt;
        text.Append('\n').Append(ContactTexts.ExaminationSummary(answered, items.Count, DateOf(exam.SubmittedAt), DateOf(returned)).In(language));
        for (var i = (page - 1) * ItemsPerPage; i < items.Count && i < page * ItemsPerPage; i++)
        {
            var answer = exam.Answers.GetValueOrDefault(items[i].Code);
            var choice = ChecklistChoices.Name(answer?.Choice, english);
            var written = string.Join(english ? "; " : "；", new[] { choice, answer?.Text }.Where(s => !string.IsNullOrEmpty(s)));
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{i + 1}. {Short(items[i].Prompts.In(language), english ? 60 : 30)}\n   {(written.Length == 0 ? ContactTexts.NotAnswered.In(language) : written)}");
        }

        if (page == pages)
        {
            foreach (var review in reviews.TakeLast(ReviewsShown))
            {
                text.Append('\n').Append(ContactTexts.ReviewLine(review.Number, review.ReviewerName, review.Accepted, review.Comment).In(language));
            }
        }

        return new ExaminationPage(text.ToString(), page, pages);
    }

    private string? DateOf(DateTimeOffset? at) => at is { } t ? ContactTexts.Date(_calendar.Today(t)) : null;

    public async Task<string> LedgerAsync(string unitId, Language language, CancellationToken cancellationToken)
    {
        var english = language == Language.English;
        var items = (await ledger.ListAsync(unitId, cancellationToken)).OrderBy(i => i.Deadline).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var bar = Bar(language);
        var text = new StringBuilder(ContactTexts.LedgerHeading(UnitName(unitId, language), items.Count).In(language));
        foreach (var item in items.Take(MaxListed))
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{item.Id} [{LedgerTexts.StatusName(item.Status).In(english)}] {Short(item.Problem, 40)}{bar}{Short(item.Measures, 30)}{bar}{item.LeadLeaderName}{bar}{ContactTexts.Date(item.Deadline)}");
        }

        return text.ToString();
    }

    private static string Short(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

/// <summary>One page of a self-examination as <see cref="ContactUnitView.ExaminationAsync"/> renders it.</summary>
public sealed record ExaminationPage(string Text, int Page, int Pages);

/// <summary>The numbers of one unit's weekly summary for its contact leader.</summary>
public sealed record ContactUnitCounts(
    int Members,
    int ExaminationsSubmitted,
    int ExaminationsReturned,
    int ExaminationsAccepted,
    int LedgerItems,
    int LedgerDone,
    int LedgerOverdue,
    int Visits,
    int VisitsThisWeek,
    DateOnly? LastVisit);
