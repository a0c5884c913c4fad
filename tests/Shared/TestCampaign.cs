using CampaignBot.Core.Campaign;

namespace CampaignBot.Tests.Shared;

/// <summary>A small campaign built in code, for tests that must not depend on config/campaign.yaml.</summary>
internal static class TestCampaign
{
    public static CampaignDefinition Create() => new()
    {
        Name = "测试活动",
        TimeZone = "Asia/Shanghai",
        Start = new DateOnly(2027, 1, 1),
        End = new DateOnly(2027, 9, 30),
        Phases =
        [
            new("study_listen", "学习教育、听取意见", 30),
            new("examine_criticise", "查摆问题、开展批评", 30),
            new("rectify", "整改落实、建章立制", 30),
        ],
        Ranks =
        [
            new("county", "县处级以上领导干部", 7, 3, 5),
            new("section", "乡科级干部", 5, 3, 3),
            new("ordinary", "普通党员", null, null, null),
        ],
        Roles = [new("office", "活动办"), new("supervisor", "督导组"), new("secretary", "支部书记"), new("member", "党员")],
        UnitKinds = [new("county", "县区", 0, true), new("village", "村社区", 15, false)],
        Units =
        [
            new("county_east", "东县", "county", null, new DateOnly(2027, 1, 1)),
            new("village_dongguan", "东关村", "village", "county_east", new DateOnly(2027, 1, 16)),
        ],
        FourWinds = [new("formalism", "形式主义")],
        ProblemAreas = [new("p1", "信念动摇")],
        Focuses = [new("thinking", "思想正不正")],
        References = [new("constitution", "党章")],
        StudyTopics = [new("theory", "理论宣讲")],
        PledgeAreas = [new("political", "政治纪律")],
        Evaluation = new EvaluationSettings(
            [new("style", "作风现状评价")],
            [new("satisfied", "满意", true), new("basic", "基本满意", true), new("unsatisfied", "不满意", false)],
            new PassRule(0.8m, 10)),
    };
}
