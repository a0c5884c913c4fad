using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>The monthly bulletin's draft as an English-speaking office member reads it in the real host.</summary>
public sealed class EnglishBulletinWalkTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task An_english_office_member_previewing_the_monthly_bulletin_reads_the_draft_in_english()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "Office", "city", "office", rank: 1, language: "en");

        await chat.SendAsync("1", new CommandInput("bulletin", "2027-01 preview"));
        var draft = chat.SentTo(CampaignChat.Private("1"));

        Assert.Contains("Draft bulletin for 2027-01 below; send /bulletin 2027-01 publish", draft, StringComparison.Ordinal);
        Assert.Contains("[Bulletin 2027-01] The campaign's monthly dispatch on rectification\nRanking (overall score):", draft, StringComparison.Ordinal);
        Assert.Contains("| study ", draft, StringComparison.Ordinal);
        Assert.Contains("Units that sent no monthly dispatch: ", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("排名", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("未报送月调度", draft, StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
