using CampaignBot.Core.Features.Examinations;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Self_examination_round_trips_with_its_answers_and_position()
    {
        var stores = await OpenFreshAsync();
        var exam = Examination("m1", "u1") with { CurrentItem = 3, Status = ExaminationStatus.Returned, Submissions = 2 };

        await stores.Examinations.SaveAsync(exam, Ct);
        var read = await stores.Examinations.GetAsync("m1", Ct);

        Assert.NotNull(read);
        Assert.Equal(3, read.CurrentItem);
        Assert.Equal(ExaminationStatus.Returned, read.Status);
        Assert.Equal(2, read.Submissions);
        Assert.Equal(new ExaminationAnswer("exists", "开会多，落实少"), read.Answers["wind_formalism"]);
        Assert.Null(await stores.Examinations.GetAsync("m2", Ct));
    }

    [Fact]
    public async Task Self_examinations_are_listed_per_unit_or_all()
    {
        var stores = await OpenFreshAsync();
        await stores.Examinations.SaveAsync(Examination("m1", "u1"), Ct);
        await stores.Examinations.SaveAsync(Examination("m2", "u2"), Ct);
        await stores.Examinations.SaveAsync(Examination("m1", "u1") with { CurrentItem = 5 }, Ct);

        Assert.Equal(["m1"], (await stores.Examinations.ListAsync("u1", Ct)).Select(e => e.MemberId));
        Assert.Equal(["m1", "m2"], (await stores.Examinations.ListAsync(null, Ct)).Select(e => e.MemberId));
        Assert.Equal(5, (await stores.Examinations.GetAsync("m1", Ct))!.CurrentItem);
    }

    [Fact]
    public async Task A_version_is_stored_once_and_versions_come_back_in_order()
    {
        var stores = await OpenFreshAsync();
        var answers = Examination("m1", "u1").Answers;

        Assert.True(await stores.Examinations.AddVersionAsync(new ExaminationVersion("m1", "u1", 2, answers, T0.AddDays(1)), Ct));
        Assert.True(await stores.Examinations.AddVersionAsync(new ExaminationVersion("m1", "u1", 1, answers, T0), Ct));
        Assert.False(await stores.Examinations.AddVersionAsync(new ExaminationVersion("m1", "u1", 1, new Dictionary<string, ExaminationAnswer>(), T0.AddDays(5)), Ct));

        var versions = await stores.Examinations.ListVersionsAsync("m1", Ct);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(T0, versions[0].SubmittedAt);
        Assert.Equal("开会多，落实少", versions[0].Answers["wind_formalism"].Text);
    }

    [Fact]
    public async Task Two_reviewers_racing_on_one_version_store_one_review()
    {
        var stores = await OpenFreshAsync();

        var results = await InParallelAsync(6, i => stores.Examinations.AddReviewAsync(
            new ExaminationReview("m1", "u1", 1, $"r{i}", $"审核人{i}", i % 2 == 0, "请补充事实依据", T0), Ct));

        Assert.Single(results, r => r);
        var review = Assert.Single(await stores.Examinations.ListReviewsAsync("m1", Ct));
        Assert.Equal("请补充事实依据", review.Comment);
    }

    [Fact]
    public async Task Examination_store_refuses_a_version_numbered_zero()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            stores.Examinations.AddVersionAsync(new ExaminationVersion("m1", "u1", 0, new Dictionary<string, ExaminationAnswer>(), T0), Ct));
    }

    private static SelfExamination Examination(string member, string unit) => new()
    {
        MemberId = member,
        MemberName = "张三",
        UnitId = unit,
        ChecklistCode = "leadership",
        Answers = new Dictionary<string, ExaminationAnswer> { ["wind_formalism"] = new("exists", "开会多，落实少") },
        UpdatedAt = T0,
    };
}
