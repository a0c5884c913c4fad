using CampaignBot.Core.Campaign;

namespace CampaignBot.Configuration;

/// <summary>
/// The optional <c>life_meeting:</c> section: the stage, audience and hours of the 满意度测评 that follows the meeting.
/// Without it: stage meeting_satisfaction, the unit's roster, 48 hours. The stage must be one of evaluation.stages.
/// </summary>
internal static class CampaignLifeMeetingSection
{
    public const string Key = "life_meeting";

    private static readonly string[] Audiences = ["group", "roster", "code"];

    public static LifeMeetingSettings Read(CampaignYamlMap top, EvaluationSettings? evaluation, CampaignErrorList errors)
    {
        var defaults = LifeMeetingSettings.Default;
        var map = top.Map(Key, Key, required: false);
        var stage = map?.Text("satisfaction_stage", required: false) ?? defaults.SatisfactionStage;
        var audience = map?.Text("satisfaction_audience", required: false) ?? defaults.SatisfactionAudience;
        var hours = map?.Int("satisfaction_hours", minimum: 1, required: false) ?? defaults.SatisfactionHours;
        map?.RejectUnknownKeys();

        var at = (map?.Find("satisfaction_stage") ?? map?.Node) ?? top.Find("evaluation");
        if (evaluation is not null && evaluation.Stages.Count > 0 && evaluation.Stages.All(s => s.Code != stage) && at is not null)
        {
            errors.Add(at, $"专题民主生活会后的满意度测评阶段“{stage}”不在 evaluation 的 stages 中：请在 stages 中加上 code: {stage}（满意度测评），或在 {Key} 的 satisfaction_stage 中写已有的阶段 code（可用：{string.Join("、", evaluation.Stages.Select(s => s.Code))}）。");
        }

        if (!Audiences.Contains(audience) && map?.Find("satisfaction_audience") is { } node)
        {
            errors.Add(node, $"{Key} 的 satisfaction_audience 应为 group（单位群）、roster（单位名单，私发选票）或 code（口令），实际是“{audience}”。");
        }

        if (hours > 720 && map?.Find("satisfaction_hours") is { } hoursNode)
        {
            errors.Add(hoursNode, $"{Key} 的 satisfaction_hours 应在 1 到 720 之间，实际是 {hours}。");
        }

        return new LifeMeetingSettings(stage, audience, hours);
    }
}
