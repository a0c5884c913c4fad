using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Opinions;

/// <summary>An English-speaking secretary opening an opinion collection reads how it reached people in English.</summary>
public sealed class EnglishOpeningTests : IAsyncLifetime
{
    private EvaluationBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await EvaluationBot.StartAsync(new() { ["Opinions:RepeatAskDays"] = "30" });
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
        _bot.LanguageOf["sec1"] = "en";
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task An_english_secretary_opening_a_collection_by_code_reads_the_code_in_english()
    {
        var opened = await SayAsync("sec1", "opinions", "open county_east 10 code");

        Assert.StartsWith("Opinion collection opened for 东县, closing ", opened, StringComparison.Ordinal);
        Assert.Contains("The code is ", opened, StringComparison.Ordinal);
        Assert.Contains("; pass it to the people whose opinions you want.", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("口令", opened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_secretary_opening_a_collection_for_the_roster_reads_how_many_were_invited_in_english()
    {
        var opened = await SayAsync("sec1", "opinions", "open county_east 10 roster");

        Assert.Contains("people were invited privately (0 asked in the last 30 days were not asked again).", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("已私信邀请", opened, StringComparison.Ordinal);
    }

    private async Task<string> SayAsync(string user, string command, string arguments = "") =>
        EvaluationBot.Texts((await _bot.CommandAsync(EvaluationBot.Private(user), user, command, arguments)).Where(m => m.Chat == EvaluationBot.Private(user)));
}
