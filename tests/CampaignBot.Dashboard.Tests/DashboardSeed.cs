using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Dashboard.Tests;

/// <summary>
/// Data in the shipped campaign's units: one viewer per role, members in every unit with examinations, pledges,
/// study and evaluation rounds (county_east failed its first round and passed the make-up; town_chengguan failed).
/// </summary>
public sealed class DashboardSeed
{
    public static readonly string[] Units =
    [
        "city", "county_east", "district_west", "town_chengguan", "village_dongguan", "street_xinhua", "community_xingfu",
        "firm_east_tech", "dept_organisation", "university", "enterprise_transport",
    ];

    private DashboardSeed(Dictionary<string, Member> viewers) => Viewers = viewers;

    public IReadOnlyDictionary<string, Member> Viewers { get; }

    /// <summary>The office, at the city.</summary>
    public Member Office => Viewers["office"];

    /// <summary>A supervisor registered at county_east, whose group also oversees the university.</summary>
    public Member Supervisor => Viewers["supervisor"];

    /// <summary>The secretary of town_chengguan (with village_dongguan below it).</summary>
    public Member Secretary => Viewers["secretary"];

    /// <summary>An ordinary member of town_chengguan: no access.</summary>
    public Member Member => Viewers["member"];

    /// <summary>A member who asked for English.</summary>
    public Member EnglishSecretary => Viewers["english"];

    public static async Task<DashboardSeed> CreateAsync(StoreBundle stores, DateTimeOffset now)
    {
        var ct = CancellationToken.None;
        var viewers = new Dictionary<string, Member>
        {
            ["office"] = Person("office", "活动办王主任", "city", Roles.CampaignOffice, "county"),
            ["supervisor"] = Person("supervisor", "督导组李组长", "county_east", Roles.Supervisor, "county"),
            ["secretary"] = Person("secretary", "城关镇赵书记", "town_chengguan", Roles.Secretary, "section"),
            ["member"] = Person("member", "城关镇钱党员", "town_chengguan", Roles.Member, "ordinary"),
            ["english"] = Person("english", "West Secretary", "district_west", Roles.Secretary, "section") with { LanguageCode = "en" },
        };
        foreach (var viewer in viewers.Values)
        {
            await stores.Members.UpsertAsync(viewer, ct);
        }

        var n = 0;
        foreach (var unit in Units)
        {
            for (var i = 0; i < 3; i++)
            {
                n++;
                var rank = i == 0 ? "county" : i == 1 ? "section" : "ordinary";
                var member = Person($"m{n}", $"{UnitLabel(unit)}成员{i + 1}", unit, Roles.Member, rank);
                await stores.Members.UpsertAsync(member, ct);
                if (i < 2)
                {
                    await stores.ActivityLog.AddAsync(Study(member, now, halfDays: i == 0 ? 14 : 4 + (n % 8), n), ct);
                }

                if (i == 0 && unit != "firm_east_tech")
                {
                    var status = (n % 3) switch { 0 => ExaminationStatus.Accepted, 1 => ExaminationStatus.Submitted, _ => ExaminationStatus.Returned };
                    await stores.Examinations.SaveAsync(
                        new SelfExamination
                        {
                            MemberId = member.Id,
                            MemberName = member.Name,
                            UnitId = unit,
                            ChecklistCode = "leadership",
                            Status = status,
                            Submissions = 1,
                            SubmittedAt = now.AddDays(-3),
                            UpdatedAt = now.AddDays(-3),
                            Answers = new Dictionary<string, ExaminationAnswer> { ["wind_formalism"] = new("partly", "会议多、文件多") },
                        },
                        ct);
                    if (status != ExaminationStatus.Submitted)
                    {
                        await stores.Examinations.AddReviewAsync(
                            new ExaminationReview(member.Id, unit, 1, "telegram:supervisor", "督导组李组长", status == ExaminationStatus.Accepted, status == ExaminationStatus.Returned ? "问题查摆不够具体" : null, now.AddDays(-2)),
                            ct);
                    }
                }

                if (i == 1)
                {
                    await stores.Pledges.SaveAsync(
                        new Pledge { MemberId = member.Id, MemberName = member.Name, UnitId = unit, Area = "mass_discipline", Text = "每月到联系村走访群众不少于两次。", Status = PledgeStatus.Published, PublishedAt = now.AddDays(-5), UpdatedAt = now.AddDays(-5) },
                        ct);
                }
            }
        }

        var rule = new PassRule(0.8m, 5);
        await Round(stores, "a0000001", "county_east", "style_status", now.AddDays(-20), rule, satisfied: 4, votes: 10);
        await Round(stores, "a0000002", "county_east", "style_status", now.AddDays(-10), rule, satisfied: 18, votes: 20);
        await Round(stores, "a0000003", "town_chengguan", "style_status", now.AddDays(-8), rule, satisfied: 3, votes: 12);
        await Round(stores, "a0000004", "university", "style_status", now.AddDays(-6), rule, satisfied: 9, votes: 10);
        await Round(stores, "a0000005", "district_west", "style_status", now.AddDays(-4), rule, satisfied: 14, votes: 15);
        await Round(stores, "a0000006", "city", "problems_found", now.AddDays(-2), rule, satisfied: 30, votes: 33);
        return new DashboardSeed(viewers);
    }

    public static Member Person(string user, string name, string unit, string role, string rank) =>
        TestMembers.OnTelegram(user, name, unit, role, rank, DateTimeOffset.UtcNow.AddDays(-30));

    private static string UnitLabel(string unit) => unit.Split('_')[^1];

    private static ActivityEntry Study(Member member, DateTimeOffset now, int halfDays, int n) => new()
    {
        Id = $"study-{n}",
        Kind = ActivityKind.Study,
        MemberId = member.Id,
        UnitId = member.UnitId,
        Date = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-n % 7),
        HalfDays = halfDays,
        Form = "collective",
        Topic = "theory",
        Note = "集中学习党章",
        RecordedBy = member.Id,
        RecordedAt = now.AddDays(-1),
    };

    private static async Task Round(StoreBundle stores, string id, string unit, string stage, DateTimeOffset opens, PassRule rule, long satisfied, long votes)
    {
        var round = new EvaluationRound
        {
            Id = id,
            UnitId = unit,
            Stage = stage,
            Audience = RoundAudience.Roster,
            OpensAt = opens,
            ClosesAt = opens.AddDays(1),
            PassRule = rule,
            OpenedBy = "telegram:office",
        };
        await stores.EvaluationRounds.CreateAsync(round, CancellationToken.None);
        for (var i = 0; i < votes + 3; i++)
        {
            await stores.Turnout.AddAsync(new TurnoutEntry(id, $"telegram:v{i}", new ChatRef("telegram", $"v{i}", ChatKind.Private), false), CancellationToken.None);
            if (i < votes)
            {
                await stores.Turnout.MarkVotedAsync(id, $"telegram:v{i}", CancellationToken.None);
            }
        }

        var counts = new Dictionary<string, long> { ["satisfied"] = satisfied, ["unsatisfied"] = votes - satisfied };
        var passed = votes >= rule.MinimumVotes && (decimal)satisfied / votes >= rule.MinimumSatisfiedShare;
        await stores.EvaluationRounds.TryCloseAsync(id, new RoundResult(counts, votes, satisfied, passed, opens.AddDays(1)), CancellationToken.None);
    }
}
