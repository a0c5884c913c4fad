using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Study;
using T = CampaignBot.Features.Dashboard.DashboardPageTexts;

namespace CampaignBot.Features.Dashboard;

/// <summary>One unit: its members and what each still owes, examinations with review history, pledges, rounds, logs.</summary>
internal static class UnitPage
{
    private const int LogLimit = 200;

    public static string Render(PageContext page, UnitDetail unit, TimeZoneInfo zone)
    {
        var s = unit.Standing;
        return DashboardLayout.Page(page, s.Unit.Name, html =>
        {
            html.Raw("<section class=\"cards\">");
            Card(html, page[T.Status], OverviewPage.StatusName(page, s), OverviewPage.Tone(s));
            Card(html, page[T.Kind], s.KindName);
            Card(html, page[T.Members], s.Members.ToString(CultureInfo.InvariantCulture));
            Card(html, page[T.Study], $"{s.StudyDone}/{s.StudyRequired}");
            Card(html, page[T.Deadline], s.StudyDeadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Card(html, page[T.StagesMakeUp], s.StagesMakeUp.ToString(CultureInfo.InvariantCulture), s.StagesMakeUp > 0 ? "bad" : null);
            html.Raw("</section>");
            if (s.Unit.ParentId is { } parent && page.Viewer!.Scope.CanSee(parent))
            {
                html.Raw("<p>↑ ").Link($"/units/{Uri.EscapeDataString(parent)}", page.Campaign.FindUnit(parent)?.Name ?? parent).Raw("</p>");
            }

            if (unit.Children.Count > 0)
            {
                html.Element("h2", page[T.SubUnits]).Raw("<ul class=\"subunits\">");
                foreach (var child in unit.Children)
                {
                    html.Raw("<li class=\"").Raw(OverviewPage.Tone(child)).Raw("\">").Link($"/units/{Uri.EscapeDataString(child.Unit.Id)}", child.Unit.Name)
                        .Raw(" · ").Text(OverviewPage.StatusName(page, child)).Raw("</li>");
                }

                html.Raw("</ul>");
            }

            Members(html, page, unit);
            Examinations(html, page, unit, zone);
            Pledges(html, page, unit);
            Rounds(html, page, unit.Rounds.Select(r => r.Round).ToList(), unit.Rounds, zone);
            Log(html, page, unit);
        });
    }

    private static void Card(Html html, string label, string value, string? tone = null) =>
        html.Raw("<div class=\"card ").Raw(tone ?? string.Empty).Raw("\"><div class=\"label\">").Text(label).Raw("</div><div class=\"value\">").Text(value).Raw("</div></div>");

    private static void Members(Html html, PageContext page, UnitDetail unit)
    {
        html.Element("h2", page[T.Members] + $" ({unit.Members.Count})");
        html.Raw("<div class=\"scroll\"><table class=\"sortable\"><thead><tr>").SortHeader(page[T.Name]).SortHeader(page[T.Rank]).SortHeader(page[T.Role])
            .SortHeader(page[T.StudyResearchVisits]).SortHeader(page[T.Examinations]).SortHeader(page[T.Pledges], true).SortHeader(page[T.Owes]).Raw("</tr></thead><tbody>");
        foreach (var m in unit.Members)
        {
            var owes = Owes(page, m);
            html.Raw(owes.Count > 0 ? "<tr class=\"warn\">" : "<tr>").Cell(m.Member.Name).Cell(page.Campaign.FindRank(m.Member.Rank)?.Name ?? m.Member.Rank)
                .Cell(page.Campaign.FindRole(m.Member.Role)?.Name ?? m.Member.Role).Cell(m.Progress.Describe(page.English))
                .Cell(m.TakesExamination ? ExaminationTexts.StatusName(m.Examination?.Status).In(page.English) : "—").Cell(m.PublishedPledges)
                .Cell(owes.Count == 0 ? page[T.Nothing] : string.Join(page.English ? "; " : "；", owes)).Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    private static List<string> Owes(PageContext page, MemberStanding m)
    {
        var owes = new List<string>();
        var p = m.Progress;
        if (p.StudyBehind)
        {
            owes.Add(page[T.OwesDays(T.OwesStudy, LengthParser.Days((p.StudyMinimumDays!.Value * 2) - p.StudyHalfDays))]);
        }

        if (p.ResearchBehind)
        {
            owes.Add(page[T.OwesDays(T.OwesResearch, LengthParser.Days((p.ResearchMinimumDays!.Value * 2) - p.ResearchHalfDays))]);
        }

        if (p.HouseholdsBehind)
        {
            owes.Add(page[T.OwesCount(T.OwesHouseholds, p.HouseholdMinimum!.Value - p.Households)]);
        }

        if (m.TakesExamination)
        {
            switch (m.Examination?.Status)
            {
                case null or ExaminationStatus.Draft:
                    owes.Add(page[T.OwesExamination]);
                    break;
                case ExaminationStatus.Returned:
                    owes.Add(page[T.OwesRevision]);
                    break;
            }

            if (m.PublishedPledges == 0)
            {
                owes.Add(page[T.OwesPledge]);
            }
        }

        return owes;
    }

    /// <summary>A section's heading, and "none" under it when it has no rows; false then, and the section ends there.</summary>
    private static bool Heading(Html html, PageContext page, Text heading, int rows)
    {
        html.Element("h2", page[heading]);
        if (rows == 0)
        {
            html.Element("p", page[T.None]);
        }

        return rows > 0;
    }

    private static void Examinations(Html html, PageContext page, UnitDetail unit, TimeZoneInfo zone)
    {
        if (!Heading(html, page, T.Examinations, unit.Examinations.Count))
        {
            return;
        }

        foreach (var (exam, reviews) in unit.Examinations)
        {
            html.Raw("<details class=\"exam\"><summary>").Text(exam.MemberName).Raw(" · ").Text(ExaminationTexts.StatusName(exam.Status).In(page.English))
                .Raw(" · ").Text(page[T.Versions]).Raw(' '.ToString()).Text(exam.Submissions).Raw("</summary>");
            if (reviews.Count > 0)
            {
                html.Element("h4", page[T.Reviews]).Raw("<div class=\"scroll\"><table><thead><tr>").Element("th", page[T.Versions]).Element("th", page[T.Time]).Element("th", page[T.Reviewer])
                    .Element("th", page[T.Decision]).Element("th", page[T.Comment]).Raw("</tr></thead><tbody>");
                foreach (var review in reviews)
                {
                    html.Raw("<tr>").Cell(review.Number).Cell(Local(review.ReviewedAt, zone)).Cell(review.ReviewerName)
                        .Cell(review.Accepted ? page[T.Accepted] : page[T.Returned]).Cell(review.Comment).Raw("</tr>");
                }

                html.Raw("</tbody></table></div>");
            }

            var checklist = page.Campaign.FindChecklist(exam.ChecklistCode);
            if (checklist is not null && exam.Answers.Count > 0)
            {
                html.Element("h4", page[T.Answers]).Raw("<ol class=\"answers\">");
                foreach (var item in checklist.Items.Where(i => exam.Answers.ContainsKey(i.Code)))
                {
                    var answer = exam.Answers[item.Code];
                    html.Raw("<li>").Element("span", item.Prompt, "prompt").Raw(" ").Element("strong", ChecklistChoices.Name(answer.Choice, page.English) ?? string.Empty)
                        .Raw(answer.Text is { Length: > 0 } ? "<br>" : string.Empty).Text(answer.Text).Raw("</li>");
                }

                html.Raw("</ol>");
            }

            html.Raw("</details>");
        }
    }

    private static void Pledges(Html html, PageContext page, UnitDetail unit)
    {
        if (!Heading(html, page, T.Pledges, unit.Pledges.Count))
        {
            return;
        }

        var latest = unit.CheckIns.GroupBy(c => Pledge.IdFor(c.MemberId, c.Area)).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Period, StringComparer.Ordinal).Last(), StringComparer.Ordinal);
        html.Raw("<div class=\"scroll\"><table class=\"sortable\"><thead><tr>").SortHeader(page[T.Name]).SortHeader(page[T.Area]).SortHeader(page[T.Content])
            .SortHeader(page[T.Status]).SortHeader(page[T.LatestCheckIn]).Raw("</tr></thead><tbody>");
        foreach (var pledge in unit.Pledges)
        {
            var checkIn = latest.GetValueOrDefault(pledge.Id);
            html.Raw("<tr>").Cell(pledge.MemberName).Cell(page.Campaign.PledgeAreas.FirstOrDefault(a => a.Code == pledge.Area)?.Name ?? pledge.Area).Cell(pledge.Text)
                .Cell(pledge.Status == PledgeStatus.Published ? page[T.Published] : page[T.Draft])
                .Cell(checkIn is null ? "—" : $"{checkIn.Period} {PledgeOutcomes.Name(checkIn.Outcome, page.English)}").Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    /// <summary>Rounds with their result; turnout when the round had a roster (the evaluations page uses it too).</summary>
    public static void Rounds(Html html, PageContext page, IReadOnlyList<EvaluationRound> rounds, IReadOnlyList<RoundTurnout>? turnout, TimeZoneInfo zone)
    {
        if (!Heading(html, page, T.Rounds, rounds.Count))
        {
            return;
        }

        var text = new EvaluationText(page.Campaign);
        var roster = turnout?.ToDictionary(t => t.Round.Id, StringComparer.Ordinal);
        html.Raw("<div class=\"scroll\"><table class=\"sortable\"><thead><tr>").SortHeader(page[T.Unit]).SortHeader(page[T.Stage]).SortHeader(page[T.Opens]).SortHeader(page[T.Closes])
            .SortHeader(page[T.Turnout]).SortHeader(page[T.Votes], true).SortHeader(page[T.Satisfied], true).SortHeader(page[T.Result]).Raw("</tr></thead><tbody>");
        foreach (var round in rounds.OrderByDescending(r => r.OpensAt))
        {
            var t = roster?.GetValueOrDefault(round.Id);
            html.Raw(round.Result is { Passed: false } ? "<tr class=\"bad\">" : "<tr>").Cell(text.UnitName(round.UnitId)).Cell(text.StageName(round.Stage))
                .Cell(Local(round.OpensAt, zone)).Cell(Local(round.ClosesAt, zone))
                .Cell(t is { Roster: > 0 } ? $"{t.Voted}/{t.Roster}" : "—")
                .Cell((int)(round.Result?.Votes ?? 0))
                .Cell(round.Result is { } r ? r.SatisfiedShare.ToString("P0", CultureInfo.InvariantCulture) : "—")
                .Cell(round.Result is null ? page[T.Open] : round.Result.Passed ? page[T.Passed] : page[T.FailedRound]).Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    private static void Log(Html html, PageContext page, UnitDetail unit)
    {
        if (!Heading(html, page, T.Log, unit.Log.Count))
        {
            return;
        }

        html.Raw("<div class=\"scroll\"><table class=\"sortable\"><thead><tr>").SortHeader(page[T.Date]).SortHeader(page[T.Name]).SortHeader(page[T.What])
            .SortHeader(page[T.Days], true).SortHeader(page[T.Note]).Raw("</tr></thead><tbody>");
        foreach (var entry in unit.Log.Take(LogLimit))
        {
            html.Raw("<tr>").Cell(entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Cell(unit.LogNames.GetValueOrDefault(entry.MemberId) ?? "—")
                .Cell(KindName(page, entry.Kind)).Cell(entry.Kind == ActivityKind.Visit ? "—" : LengthParser.Days(entry.HalfDays))
                .Cell(entry.Kind == ActivityKind.Study ? $"{StudyForms.TopicName(page.Campaign, entry.Topic)} {entry.Note}" : entry.Note).Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
        if (unit.Log.Count > LogLimit)
        {
            html.Element("p", page[T.LogTruncated], "hint");
        }
    }

    private static string KindName(PageContext page, ActivityKind kind) => kind switch
    {
        ActivityKind.Study => page[T.KindStudy],
        ActivityKind.Research => page[T.KindResearch],
        _ => page[T.KindVisit],
    };

    public static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
