using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Pledges;

namespace CampaignBot.Core.Features.Progress;

/// <summary>The examination and pledge tables, for the whole campaign or one unit.</summary>
public sealed class CampaignTables(IMemberStore members, IExaminationStore examinations, IPledgeStore pledges, CampaignDefinition campaign, CampaignCalendar calendar)
{
    public static readonly IReadOnlyList<string> Kinds = ["examinations", "pledges"];

    public Task<CampaignTable> BuildAsync(string kind, string? unitId, CancellationToken cancellationToken) => kind switch
    {
        "examinations" => ExaminationsAsync(unitId, cancellationToken),
        "pledges" => PledgesAsync(unitId, cancellationToken),
        _ => throw new ArgumentException($"Unknown table '{kind}'.", nameof(kind)),
    };

    /// <summary>One row per answered item; a member without answers (not started) gets one row with the status only.</summary>
    public async Task<CampaignTable> ExaminationsAsync(string? unitId, CancellationToken cancellationToken)
    {
        var listed = (await members.ListAsync(unitId, cancellationToken)).Where(m => m.TakesPart).OrderBy(m => m.UnitId, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var exams = (await MemberRecords.OfAsync(listed, unitId, u => examinations.ListAsync(u, cancellationToken), e => e.MemberId)).ToDictionary(e => e.MemberId, StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var member in listed)
        {
            var exam = exams.GetValueOrDefault(member.Id);
            var review = exam is null ? null : (await examinations.ListReviewsAsync(member.Id, cancellationToken)).LastOrDefault();
            var checklist = exam is null ? campaign.ChecklistFor(member.Rank, member.UnitId) : campaign.FindChecklist(exam.ChecklistCode);
            string[] head =
            [
                member.Id, member.Name, member.UnitId, UnitName(member.UnitId), checklist?.Name ?? string.Empty, ExaminationTexts.StatusName(exam?.Status).Chinese,
                exam is { Submissions: > 0 } ? exam.Submissions.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
                CampaignTable.Time(exam?.SubmittedAt, calendar.Zone), review?.ReviewerName ?? string.Empty, review?.Comment ?? string.Empty,
            ];
            var answered = checklist?.Items.Select((item, i) => (item, i, answer: exam?.Answers.GetValueOrDefault(item.Code))).Where(x => x.answer is not null).ToList() ?? [];
            if (answered.Count == 0)
            {
                rows.Add([.. head, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]);
            }

            foreach (var (item, i, answer) in answered)
            {
                rows.Add([.. head, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), item.Group, item.Prompt, ChecklistChoices.Name(answer!.Choice) ?? string.Empty, answer.Text ?? string.Empty]);
            }
        }

        return new CampaignTable("对照检查", ["成员ID", "姓名", "单位ID", "单位", "检查表", "状态", "提交版本", "提交时间", "审核人", "审核意见", "序号", "分组", "问题", "选择", "具体表现和事实依据"], rows);
    }

    public async Task<CampaignTable> PledgesAsync(string? unitId, CancellationToken cancellationToken)
    {
        var checkIns = (await pledges.ListCheckInsAsync(unitId, cancellationToken)).ToLookup(c => Pledge.IdFor(c.MemberId, c.Area));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var pledge in (await pledges.ListAsync(unitId, cancellationToken)).Where(p => p.Status != PledgeStatus.Withdrawn))
        {
            var reports = checkIns[pledge.Id].OrderBy(c => c.Period, StringComparer.Ordinal).ToList();
            var last = reports.LastOrDefault();
            rows.Add(
            [
                pledge.MemberId, pledge.MemberName, pledge.UnitId, UnitName(pledge.UnitId), campaign.PledgeAreas.FirstOrDefault(a => a.Code == pledge.Area)?.Name ?? pledge.Area,
                pledge.Text, pledge.Status == PledgeStatus.Published ? "已发布" : "草稿", CampaignTable.Time(pledge.PublishedAt, calendar.Zone),
                last?.Period ?? string.Empty, last is null ? string.Empty : PledgeOutcomes.Name(last.Outcome), last?.Note ?? string.Empty,
                reports.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ]);
        }

        return new CampaignTable("公开承诺", ["成员ID", "姓名", "单位ID", "单位", "承诺方面", "承诺内容", "状态", "发布时间", "最近报告月份", "履约情况", "说明", "报告次数"], rows);
    }

    private string UnitName(string unitId) => campaign.FindUnit(unitId)?.Name ?? unitId;
}
