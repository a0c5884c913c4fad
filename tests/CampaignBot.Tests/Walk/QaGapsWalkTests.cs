using CampaignBot.Core.Features.Inspections;
using CampaignBot.Core.Features.LifeMeetings;
using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>
/// Small gaps a QA walk found, in the real host: a count of one in English, a reopening reason held to the rule of a
/// returned examination, 今天 as a meeting's date, a next step after an unknown unit, and one notice per meeting review.
/// </summary>
public sealed class QaGapsWalkTests : IDisposable
{
    private const string Village = "village_dongguan";
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task An_english_inspector_reads_one_ledger_item_in_the_singular()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "Office", "city", "office", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "40", "村书记", Village, "secretary", rank: 2);
        await chat.RegisterAsync(_bot, "41", "张一", Village);
        await chat.SayAsync("40", "/ledger add 张一 2027-02-10 会议过多 | 精简会议");
        await chat.Stores.Inspections.CreateAsync(
            new Inspection
            {
                Id = "IQA0001", Count = 1, Seed = "qa", Candidates = [Village], Units = [Village],
                DrawnBy = "console:1", DrawnByName = "Office", DrawnAt = CampaignChat.Start.AddDays(-1),
            },
            CancellationToken.None);

        await chat.SayAllAsync("1", $"/inspect check IQA0001 {Village}", "ok", "ok", "ok");
        var ledgerLine = await chat.SayAsync("1", "ok");

        Assert.Contains("1 ledger item, 0 done, 0 overdue", ledgerLine, StringComparison.Ordinal);
        Assert.DoesNotContain("ledger items", ledgerLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopening_a_ledger_item_needs_a_reason_as_long_as_returning_an_examination_and_says_so()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "40", "村书记", Village, "secretary", rank: 2);
        await chat.RegisterAsync(_bot, "42", "Smith", Village, "secretary", rank: 2, language: "en");
        await chat.RegisterAsync(_bot, "41", "张一", Village);
        await chat.SayAsync("40", "/ledger add 张一 2027-02-10 会议过多 | 精简会议");
        var id = (await chat.Stores.Ledger.ListAsync(Village, CancellationToken.None)).Single().Id;

        var tooShort = await chat.SayAsync("40", $"/ledger reopen {id} 不行");
        var english = await chat.SayAsync("42", $"/ledger reopen {id} no");
        var refusedItem = await chat.Stores.Ledger.GetAsync(id, CancellationToken.None);
        var reopened = await chat.SayAsync("40", $"/ledger reopen {id} 佐证不全，请补充");

        Assert.Equal($"重新打开的原因应为 5–500 字（现在是 2 字），请写明还需做什么：/ledger reopen <编号> <原因>", tooShort);
        Assert.Equal("The reason must be 5–500 characters (it is 2); say what is still to be done: /ledger reopen <id> <reason>", english);
        Assert.Equal(0, refusedItem!.Reopened);
        Assert.Equal($"整改事项 {id} 已重新打开：佐证不全，请补充", reopened);
        Assert.Equal(1, (await chat.Stores.Ledger.GetAsync(id, CancellationToken.None))!.Reopened);
    }

    [Fact]
    public async Task A_secretary_records_a_meeting_held_today_or_yesterday_in_either_language()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "40", "村书记", Village, "secretary", rank: 2);
        await chat.RegisterAsync(_bot, "42", "Smith", Village, "secretary", rank: 2, language: "en");
        await CreateMeetingAsync(chat, MeetingStatus.Ready, record: null);

        var asked = await chat.SayAsync("40", "/meeting record");
        var today = await chat.SayAsync("40", "今天");
        await chat.SayAsync("40", "/cancel");
        await chat.SayAsync("40", "/meeting record");
        var yesterday = await chat.SayAsync("40", "昨天");
        await chat.SayAsync("42", "/meeting record");
        var english = await chat.SayAsync("42", "yesterday");
        var future = await chat.SayAllThenAsync("42", "/cancel", "/meeting record", "2027-01-21");

        Assert.Contains("今天、昨天", asked, StringComparison.Ordinal);
        Assert.StartsWith("督导组是否到会？", today, StringComparison.Ordinal);
        Assert.StartsWith("督导组是否到会？", yesterday, StringComparison.Ordinal);
        Assert.StartsWith("Was the supervisor present?", english, StringComparison.Ordinal);
        Assert.StartsWith("2027-01-21 is in the future", future, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_unit_in_results_or_the_opinions_list_says_how_to_see_the_units_instead()
    {
        await using var chat = await CampaignChat.StartAsync(_bot, new Dictionary<string, string?> { ["Opinions:Secret"] = "opinion-secret-0123456789abcdef" });
        await chat.RegisterAsync(_bot, "20", "孙督导", "county_east", "supervisor", rank: 1);
        await chat.RegisterAsync(_bot, "21", "Zhou", "county_east", "supervisor", rank: 1, language: "en");

        var results = await chat.SayAsync("20", "/results nosuch");
        var englishResults = await chat.SayAsync("21", "/results nosuch");
        var opinions = await chat.SayAsync("20", "/opinions list nosuch");
        var englishOpinions = await chat.SayAsync("21", "/opinions list nosuch");

        Assert.Equal("没有编号为“nosuch”的单位。不写单位发送 /results，查看你能看的单位的评议结果。", results);
        Assert.Equal("No unit 'nosuch'. Send /results without a unit to see the results of the units you may see.", englishResults);
        Assert.Equal("没有编号为“nosuch”的单位。发送 /opinions list 查看你管理的单位的意见。", opinions);
        Assert.Equal("No unit 'nosuch'. Send /opinions list to see the opinions of the units you manage.", englishOpinions);
    }

    [Fact]
    public async Task Reviewing_a_meeting_again_with_the_same_note_tells_the_secretary_once_and_a_changed_note_once_more()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "20", "孙督导", "county_east", "supervisor", rank: 1);
        await chat.RegisterAsync(_bot, "40", "村书记", Village, "secretary", rank: 2);
        var id = await CreateMeetingAsync(chat, MeetingStatus.Recorded, new MeetingRecord
        {
            Date = new DateOnly(2027, 1, 19), SupervisorPresent = true, RecordedBy = "console:40", RecordedAt = CampaignChat.Start.AddHours(-20),
        });

        var first = await chat.SayAsync("20", $"/meeting review {id} 会议质量较高");
        await chat.SayAsync("20", $"/meeting review {id} 会议质量较高");
        await chat.SayAsync("20", $"/meeting review {id} 请补充发言记录");
        await chat.SayAsync("20", $"/meeting review {id} 请补充发言记录");

        var told = chat.BodiesTo(CampaignChat.Private("40")).OfType<TextMessage>().Select(m => m.Text).Where(t => t.StartsWith("督导组孙督导已审阅", StringComparison.Ordinal)).ToList();
        Assert.Equal($"已审阅会议记录 {id}，已告知支部书记。", first);
        Assert.Equal(["督导组孙督导已审阅城关镇东关村的专题民主生活会记录：会议质量较高", "督导组孙督导已审阅城关镇东关村的专题民主生活会记录：请补充发言记录"], told);
        Assert.Equal("请补充发言记录", (await chat.Stores.LifeMeetings.GetAsync(id, CancellationToken.None))!.ReviewNote);
    }

    /// <summary>The village's meeting, the secretary heading a team of two, in <paramref name="status"/>.</summary>
    private static async Task<string> CreateMeetingAsync(CampaignChat chat, MeetingStatus status, MeetingRecord? record)
    {
        var meeting = new LifeMeeting
        {
            Id = "0a1b2c3d", UnitId = Village, Team = ["console:40", "console:42"],
            Names = new Dictionary<string, string> { ["console:40"] = "村书记", ["console:42"] = "Smith" },
            OpenedBy = "console:40", OpenedAt = CampaignChat.Start.AddDays(-5),
            Status = status, ReadyAt = CampaignChat.Start.AddDays(-2), Record = record,
        };
        await chat.Stores.LifeMeetings.CreateAsync(meeting, CancellationToken.None);
        return meeting.Id;
    }

    public void Dispose() => _bot.Dispose();
}
