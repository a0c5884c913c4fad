using CampaignBot.Core.Features.Evaluations;
using static CampaignBot.Tests.Evaluations.EvaluationBot;

namespace CampaignBot.Tests.Evaluations;

/// <summary>An English-speaking office member operating rounds reads English throughout; the group still reads Chinese.</summary>
public sealed class EnglishOperatorTests
{
    [Fact]
    public async Task An_english_office_member_opening_a_round_for_an_unknown_stage_gets_the_english_list_of_stages()
    {
        await using var bot = await EnglishOfficeAsync();

        var refused = Texts(await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east nonsense"));

        Assert.StartsWith("No such evaluation stage. Choose one of: 1. style_status (Work style as it is), 2. problems_found (Problems found)", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("可选", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_office_member_gets_the_usage_an_unknown_unit_and_a_bad_option_in_english()
    {
        await using var bot = await EnglishOfficeAsync();

        var usage = Texts(await bot.CommandAsync(Private("office1"), "office1", "round", "whatever"));
        var unit = Texts(await bot.CommandAsync(Private("office1"), "office1", "round", "open nowhere style_status"));
        var option = Texts(await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east style_status 9999"));
        var round = Texts(await bot.CommandAsync(Private("office1"), "office1", "round", "close ffffffff"));

        Assert.StartsWith("Usage: /round open <unit> <stage> [hours]", usage, StringComparison.Ordinal);
        Assert.StartsWith("No unit 'nowhere'. Usage: /round open", unit, StringComparison.Ordinal);
        Assert.StartsWith("Unrecognised option. Hours are a whole number from 1 to 720.", option, StringComparison.Ordinal);
        Assert.Equal("No round 'ffffffff'.", round);
        Assert.All(new[] { usage, unit, option, round }, reply => Assert.DoesNotContain("用法", reply, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_english_member_who_may_not_run_rounds_is_told_why_in_english()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("member1", Roles.Member);
        bot.LanguageOf["member1"] = "en";
        bot.LanguageOf["stranger"] = "en";

        var member = Texts(await bot.CommandAsync(Private("member1"), "member1", "round", "open county_east style_status"));
        var stranger = Texts(await bot.CommandAsync(Private("stranger"), "stranger", "round", "open county_east style_status"));

        Assert.Equal("Only the campaign office can open or close evaluation rounds.", member);
        Assert.Equal("You are not registered, so you cannot manage evaluation rounds. Send /start to register.", stranger);
    }

    [Fact]
    public async Task An_english_office_member_opening_a_round_by_code_reads_how_to_hand_it_out_in_english()
    {
        await using var bot = await EnglishOfficeAsync();

        var opened = Texts(await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east style_status 24 code"));

        Assert.StartsWith("Round ", opened, StringComparison.Ordinal);
        Assert.Contains(" is open: 东县 · Work style as it is, closes ", opened, StringComparison.Ordinal);
        Assert.Contains("Round code: ", opened, StringComparison.Ordinal);
        Assert.Contains("Close it early: /round close ", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("已开启评议", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("口令", opened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_office_member_opening_a_second_round_of_an_open_stage_is_told_in_english_while_the_group_ballot_stays_chinese()
    {
        await using var bot = await EnglishOfficeAsync();
        var first = await bot.CommandAsync(Group, "office1", "round", "open county_east style_status 24");

        var again = Texts(await bot.CommandAsync(Group, "office1", "round", "open county_east style_status 24"));

        Assert.Contains("请对本单位作出评价", Texts(first.Where(m => m.Chat == Group)), StringComparison.Ordinal);
        Assert.Contains("The ballot is in the group.", Texts(first.Where(m => m.Chat == Private("office1"))), StringComparison.Ordinal);
        Assert.Contains("already has an open round of “Work style as it is”", again, StringComparison.Ordinal);
        Assert.DoesNotContain("已有进行中的评议", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_office_member_reads_results_and_the_closed_rounds_verdict_in_english_and_the_group_in_chinese()
    {
        await using var bot = await EnglishOfficeAsync();
        var round = await GroupRoundTests.OpenAsync(bot, "county_east style_status 24", expect: "is open");
        for (var i = 0; i < 3; i++)
        {
            await bot.PressAsync(Group, $"v{i}", EvaluationText.Payload(round, "satisfied"));
        }

        var closing = await bot.CommandAsync(Private("office1"), "office1", "round", $"close {round}");
        var results = Texts(await bot.CommandAsync(Private("office1"), "office1", "results"));

        var toOffice = Texts(closing.Where(m => m.Chat == Private("office1")));
        var toGroup = Texts(closing.Where(m => m.Chat == Group));
        Assert.Contains("[Evaluation] 东县 · Work style as it is result\n3 votes: ", toOffice, StringComparison.Ordinal);
        Assert.DoesNotContain("作风现状评价", toOffice, StringComparison.Ordinal);
        Assert.Contains("Verdict: failed, make-up work needed (too few votes: 3 of at least", toOffice, StringComparison.Ordinal);
        Assert.Contains("After rectification, open a new round of the same stage (/round open county_east style_status)", toOffice, StringComparison.Ordinal);
        Assert.Contains("【群众评议】东县 · 作风现状评价 结果\n共 3 票", toGroup, StringComparison.Ordinal);
        Assert.StartsWith("Evaluation results (each stage by its latest round)", results, StringComparison.Ordinal);
        Assert.Contains("Work style as it is: failed · make-up needed, round 1, 3 votes, satisfaction 100% (too few votes: 3 of at least", results, StringComparison.Ordinal);
        Assert.DoesNotContain("满意率", results, StringComparison.Ordinal);
    }

    private static async Task<EvaluationBot> EnglishOfficeAsync()
    {
        var bot = await StartAsync();
        var office = await bot.RegisterAsync("office1", Roles.CampaignOffice);
        await bot.Stores.Members.UpsertAsync(office with { LanguageCode = "en" }, CancellationToken.None);
        bot.LanguageOf["office1"] = "en";
        return bot;
    }
}
