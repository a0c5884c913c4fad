using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>
/// An English-speaking member, secretary and office member in the real host: what they read is English, and the
/// messages meant for them alone say so (their reader's language), so a channel words its own hints in English too.
/// </summary>
public sealed class EnglishReaderWalkTests : IDisposable
{
    private static readonly ChatRef Group = new("console", "-907", ChatKind.Group, "东关村群");
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task Prompts_with_buttons_in_an_english_members_private_chat_are_marked_as_read_in_english()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        chat.LanguageOf["51"] = "en";
        await chat.RegisterAsync(_bot, "51", "Wang", "village_dongguan");
        await chat.RegisterAsync(_bot, "52", "李四", "village_dongguan");

        var english = chat.BodiesTo(CampaignChat.Private("51")).OfType<TextMessage>().Where(m => m.Buttons is { Count: > 0 }).ToList();
        var chinese = chat.BodiesTo(CampaignChat.Private("52")).OfType<TextMessage>().Where(m => m.Buttons is { Count: > 0 }).ToList();

        Assert.NotEmpty(english);
        Assert.All(english, m => Assert.Equal(Language.English, m.Reader));
        Assert.NotEmpty(chinese);
        Assert.All(chinese, m => Assert.Null(m.Reader));
    }

    [Fact]
    public async Task The_answer_to_an_english_members_button_press_is_marked_as_read_in_english()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        chat.LanguageOf["53"] = "en";
        await chat.SayAllAsync("53", "/start", await _bot.CreateInviteAsync("village_dongguan", "member"), "Wang");

        await chat.SendAsync("53", new ButtonPress(chat.Payload(CampaignChat.Private("53"), "普通党员"), "cb-53"));

        var answer = chat.BodiesTo(CampaignChat.Private("53")).OfType<CallbackAnswer>().Single();
        Assert.Equal(Language.English, answer.Reader);
        Assert.Equal("普通党员", answer.Chosen);
    }

    [Fact]
    public async Task A_reply_in_a_group_is_not_marked_with_the_senders_language()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        chat.LanguageOf["54"] = "en";

        await chat.SendAsync("54", new CommandInput("help", string.Empty), Group);

        Assert.All(chat.BodiesTo(Group), m => Assert.Null(m.Reader));
    }

    public void Dispose() => _bot.Dispose();
}
