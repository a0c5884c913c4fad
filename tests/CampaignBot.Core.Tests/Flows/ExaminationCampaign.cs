using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>The test campaign with a three-item checklist (choice and evidence, text, optional choice) and its people.</summary>
internal static class ExaminationCampaign
{
    public const string Village = "village_dongguan";

    public static readonly ChecklistDefinition Checklist = new(
        "village",
        "村干部对照检查",
        [],
        null,
        Roles.Secretary,
        [
            new ChecklistItem("formalism", "四风", "形式主义：会议多、文件多？", ChecklistAnswerKind.Both, true),
            new ChecklistItem("measures", "整改", "下一步整改措施", ChecklistAnswerKind.Text, true),
            new ChecklistItem("extra", "其他", "其他需要说明的问题？", ChecklistAnswerKind.Choice, false),
        ]);

    public static CampaignDefinition Create() => TestCampaign.Create() with
    {
        Checklists = [Checklist],
        PledgeAreas = [new("political", "政治纪律"), new("masses", "群众纪律"), new("integrity", "清正廉洁")],
    };

    public static Member Person(string userId, string name, string role = Roles.Member, string? languageCode = null) => new()
    {
        Id = Member.IdFor("test", userId),
        Channel = "test",
        UserId = userId,
        Name = name,
        Rank = "ordinary",
        UnitId = Village,
        Role = role,
        LanguageCode = languageCode,
        RegisteredAt = DateTimeOffset.UnixEpoch,
    };

    public static SelfExamination Submitted(Member member, int version = 1) => new()
    {
        MemberId = member.Id,
        MemberName = member.Name,
        UnitId = member.UnitId,
        ChecklistCode = Checklist.Code,
        Status = ExaminationStatus.Submitted,
        Answers = new Dictionary<string, ExaminationAnswer>
        {
            ["formalism"] = new(ChecklistChoices.Partly, "会议偏多，已经精简。"),
            ["measures"] = new(null, "每周走访群众一次。"),
        },
        Submissions = version,
        SubmittedAt = DateTimeOffset.UnixEpoch.AddDays(version),
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
