using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>
/// The campaign office (活动办) through a month of the campaign in the real host, in Chinese and in English: what it
/// reads is whole and in its language, what it posts to a unit's group is in the group's, and bad input changes nothing.
/// </summary>
public sealed class OfficeWalkTests : IDisposable
{
    private const string Village = "village_dongguan";
    private static readonly ChatRef Group = new("console", "-911", ChatKind.Group, "东关村群");
    private readonly BotUnderTest _bot = new();

    private async Task<CampaignChat> WithOfficeAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var chat = await CampaignChat.StartAsync(_bot, settings ?? new Dictionary<string, string?> { ["Evaluation:BallotSecret"] = "test-ballot-secret-0123456789" });
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "2", "Office", "city", "office", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "40", "村书记", Village, "secretary", rank: 2);
        await chat.SendAsync("40", new CommandInput("link", string.Empty), Group);
        return chat;
    }

    [Fact]
    public async Task A_round_opened_with_a_word_where_the_hours_go_is_refused_with_the_usage_written_out_and_opens_nothing()
    {
        await using var chat = await WithOfficeAsync();

        var chinese = await chat.SayAsync("1", $"/round open {Village} style_status abc");
        var english = await chat.SayAsync("2", $"/round open {Village} style_status {new string('x', 10000)}");

        Assert.Equal("无法识别的选项。小时数为 1 到 720 的整数。用法：/round open <单位> <阶段> [小时数] [group|roster|code] [change] [tally]\n/round close <轮次编号>", chinese);
        Assert.StartsWith("Unrecognised option. Hours are a whole number from 1 to 720. Usage: /round open <unit> <stage>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("{", chinese + english, StringComparison.Ordinal);
        Assert.Empty(await chat.Stores.EvaluationRounds.ListAsync(Village, CancellationToken.None));
    }

    [Fact]
    public async Task Opinions_opened_in_a_units_group_by_an_english_office_member_post_the_notice_in_chinese_as_the_group_reads_it()
    {
        await using var chat = await WithOfficeAsync(new Dictionary<string, string?> { ["Opinions:Secret"] = "opinion-secret-0123456789abcdef" });

        var inGroup = await chat.SendAsync("2", new CommandInput("opinions", $"open {Village} 7 group"), Group);
        var privately = await chat.SayAsync("2", $"/opinions open {Village} 7 group");

        Assert.StartsWith("【征求意见】城关镇东关村 诚恳听取大家的意见建议", inGroup, StringComparison.Ordinal);
        Assert.DoesNotContain("[Opinions]", chat.SentTo(Group), StringComparison.Ordinal);
        Assert.StartsWith("Opinion collection opened for 城关镇东关村", privately, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_office_member_reads_the_unit_kinds_of_a_draw_by_their_english_names()
    {
        await using var chat = await WithOfficeAsync();

        var drawn = await chat.SayAsync("2", "/inspect draw village county township city 5");
        var id = Assert.Single(await chat.Stores.Inspections.ListAsync(CancellationToken.None)).Id;
        var shown = await chat.SayAsync("2", $"/inspect show {id}");
        var bulletin = await chat.SayAsync("2", $"/inspect bulletin {id}");
        var chinese = await chat.SayAsync("1", $"/inspect show {id}");

        Assert.Contains("(kinds: Village or community, County or district, Township or street, City;", drawn, StringComparison.Ordinal);
        Assert.Contains("kinds: Village or community, County or district, Township or street, City,", shown, StringComparison.Ordinal);
        Assert.Contains("among: Village or community, County or district, Township or street, City)", bulletin, StringComparison.Ordinal);
        Assert.DoesNotContain("村社区", drawn + shown + bulletin, StringComparison.Ordinal);
        Assert.Contains("范围：村社区、县区、乡镇街道、市，", chinese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12")]
    [InlineData("2027-10")]
    public async Task The_command_line_bulletin_of_a_month_outside_the_campaign_is_refused_as_in_chat(string month)
    {
        await using var chat = await WithOfficeAsync();
        var inChat = await chat.SayAsync("1", $"/bulletin {month} preview");
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await CampaignBotCli.RunAsync(["bulletin", "--month", month, "--Storage:SqlitePath", _bot.DatabasePath, "--Campaign:File", _bot.Settings["Campaign:File"]!], output, error, CancellationToken.None);

        Assert.Equal("月通报只有活动期间的月份：2027-01 至 2027-09。", inChat);
        Assert.Equal(2, exit);
        Assert.Empty(output.ToString());
        Assert.Contains(inChat, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_asking_for_the_dashboard_while_it_is_off_is_told_how_to_turn_it_on_and_a_secretary_whom_to_ask()
    {
        await using var chat = await WithOfficeAsync();

        var office = await chat.SayAsync("1", "/dashboard");
        var english = await chat.SayAsync("2", "/dashboard");
        var secretary = await chat.SayAsync("40", "/dashboard");

        Assert.Contains("Dashboard:Enabled=true", office, StringComparison.Ordinal);
        Assert.DoesNotContain("请联系活动办", office, StringComparison.Ordinal);
        Assert.StartsWith("The dashboard is not running. Set Dashboard:Enabled=true", english, StringComparison.Ordinal);
        Assert.EndsWith("请联系活动办。", secretary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inspection_history_of_a_unit_that_does_not_exist_names_it_and_says_where_the_ids_are()
    {
        await using var chat = await WithOfficeAsync();

        var unknown = await chat.SayAsync("1", "/inspect history nowhere");
        var english = await chat.SayAsync("2", "/inspect history nowhere");

        Assert.Equal("没有编号为“nowhere”的单位。请核对单位ID（/progress 列出各单位及其ID）。", unknown);
        Assert.Equal("No unit 'nowhere'. Check the unit id (/progress lists the units with their ids).", english);
    }

    public void Dispose() => _bot.Dispose();
}
