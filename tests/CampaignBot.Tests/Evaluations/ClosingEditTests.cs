using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Evaluations;

/// <summary>The group's ballot message once the round's time is up: it ends as the closed notice, never as an open ballot.</summary>
public sealed class ClosingEditTests : IDisposable
{
    private static readonly ChatRef Group = new("console", "-931", ChatKind.Group, "东关村群");
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_live_tally_due_in_the_same_pass_as_the_closing_does_not_turn_the_closed_ballot_back_into_an_open_one()
    {
        await using var chat = await CampaignChat.StartAsync(_bot, new Dictionary<string, string?> { ["Evaluation:BallotSecret"] = "test-ballot-secret-0123456789" });
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "2", "王书记", "village_dongguan", "secretary");
        await chat.SendAsync("2", new CommandInput("link", string.Empty), Group);
        await chat.SayAsync("1", "/round open village_dongguan meeting_satisfaction 6 group tally");
        var ballot = chat.BodiesTo(Group).OfType<TextMessage>().Last(m => m.Buttons is { Count: > 0 });
        await chat.SendAsync("40", new ButtonPress(ballot.Buttons!.SelectMany(r => r).First(b => b.Label == "满意").Payload, "cb1"), Group);

        // The scheduler comes back after the closing time: the vote's live edit and the closing are both due.
        chat.Time.Advance(TimeSpan.FromHours(7));
        var sent = await chat.RunSchedulerAsync();

        var edits = sent.Where(s => s.Chat.Key == Group.Key).Select(s => s.Body).OfType<EditMessage>().ToList();
        Assert.NotEmpty(edits);
        Assert.Contains("评议已结束", edits[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(edits, e => e.Text.Contains("请对本单位作出评价", StringComparison.Ordinal));
    }

    public void Dispose() => _bot.Dispose();
}
