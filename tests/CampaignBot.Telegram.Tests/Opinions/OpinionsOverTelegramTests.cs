using CampaignBot.Core.Features.Opinions;
using CampaignBot.Telegram.Tests.Evaluations;

namespace CampaignBot.Telegram.Tests.Opinions;

/// <summary>The masses' side of opinions and the ledger over the real Telegram client against the Bot API stand-in.</summary>
public sealed partial class OpinionsOverTelegramTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_anonymous_opinions_by_code_one_accepted_into_the_ledger_and_the_rectification_ballot_shows_it()
    {
        await using var bot = await EvaluationHost.StartAsync(StandInRules.Telegram);
        const long office = 1, secretary = 10, leader = 11;
        await bot.RegisterAsync(office, Roles.CampaignOffice, "city");
        await bot.RegisterAsync(secretary, Roles.Secretary);
        await bot.RegisterAsync(leader, Roles.Member);
        var state = bot.StandIn.State;

        state.QueueUpdate(TelegramUpdates.Text(office, "/opinions open county_east 10 code"));
        var opened = await TextToAsync(state, office, "/opinion ");
        var code = Code().Match(opened[(opened.IndexOf("/opinion ", StringComparison.Ordinal) + 9)..]).Value;

        for (long mass = 2001; mass <= 2003; mass++)
        {
            state.QueueUpdate(TelegramUpdates.Text(mass, $"/opinion {code}"));
            await state.WaitForAsync(s => s.Sent.Any(m => m.ChatId == mass && m.ReplyMarkup?.Contains("opinion:", StringComparison.Ordinal) == true), Patience, "the category buttons");
            var markup = state.Sent.Last(m => m.ChatId == mass && m.ReplyMarkup is not null).ReplyMarkup!;
            var data = Callback().Match(markup).Groups[1].Value;
            state.QueueUpdate(TelegramUpdates.Callback(mass, data, id: $"cbq-{mass}"));
            await TextToAsync(state, mass, "请写下你的意见");
            state.QueueUpdate(TelegramUpdates.Text(mass, $"群众{mass}：窗口办事推诿扯皮，跑了好几趟。"));
            await TextToAsync(state, mass, "回执码");
        }

        var opinions = await bot.Stores.Opinions.ListAsync("county_east", CancellationToken.None);
        Assert.Equal(3, opinions.Count);
        Assert.All(opinions, o => Assert.DoesNotContain("200", o.Id + o.CollectionId + o.RecordedBy + o.GiverName, StringComparison.Ordinal));

        state.QueueUpdate(TelegramUpdates.Text(secretary, $"/opinions accept {opinions[0].Id} telegram:{leader} 2027-05-01 实行首问负责制"));
        var accepted = await TextToAsync(state, secretary, "已建立整改台帐");
        Assert.Contains("实行首问负责制", accepted, StringComparison.Ordinal);
        await TextToAsync(state, leader, "牵头领导");

        state.QueueUpdate(TelegramUpdates.Text(office, "/round open county_east rectification 24 code"));
        var round = await TextToAsync(state, office, "/vote ");
        var voteCode = Code().Match(round[(round.IndexOf("/vote ", StringComparison.Ordinal) + 6)..]).Value;
        state.QueueUpdate(TelegramUpdates.Text(3001, $"/vote {voteCode}"));
        var ballot = await TextToAsync(state, 3001, "【整改公示】");
        Assert.Contains("整改台帐 1 项", ballot, StringComparison.Ordinal);
        Assert.Contains(OpinionStatus.Adopted, (await bot.Stores.Opinions.ListAsync("county_east", CancellationToken.None)).Select(o => o.Status));
    }

    private static async Task<string> TextToAsync(StandInState state, long chat, string marker)
    {
        await state.WaitForAsync(s => s.Sent.Any(m => m.ChatId == chat && m.Text?.Contains(marker, StringComparison.Ordinal) == true), Patience, $"'{marker}' to {chat}");
        return state.Sent.Last(m => m.ChatId == chat && m.Text?.Contains(marker, StringComparison.Ordinal) == true).Text!;
    }

    [GeneratedRegex("^[A-Za-z0-9]+")]
    private static partial Regex Code();

    [GeneratedRegex("\"callback_data\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex Callback();
}
