using System.Text.Json;
using CampaignBot.Core.Messaging;
using CampaignBot.Telegram.Receiving;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CampaignBot.Telegram.Tests;

public sealed class TelegramUpdateMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static UpdateMapping Map(JsonObject json, int updateId = 501)
    {
        json["update_id"] = updateId;
        var update = JsonSerializer.Deserialize<Update>(json.ToJsonString(), JsonBotAPI.Options)!;
        return TelegramUpdateMapper.Map(update, BotApiStandIn.BotUsername, Now);
    }

    private static Inbound Mapped(JsonObject json) => Assert.IsType<MappedUpdate>(Map(json)).Inbound;

    [Fact]
    public void Private_text_becomes_text_input_in_the_private_chat()
    {
        var inbound = Mapped(TelegramUpdates.Text(42, "你好"));

        Assert.Equal("501", inbound.UpdateId);
        Assert.Equal(501, inbound.Sequence);
        Assert.Equal(new ChatRef("telegram", "42", ChatKind.Private), inbound.Chat);
        Assert.Equal(new UserRef("42", "张三", "zh-hans"), inbound.Sender);
        Assert.Equal(new TextInput("你好"), inbound.Content);
    }

    [Fact]
    public void A_photo_becomes_its_largest_size_with_the_caption_and_a_document_keeps_its_name_type_and_size()
    {
        var photo = Assert.IsType<PhotoInput>(Mapped(TelegramUpdates.Photo(42, "AgAD-big", 123_456, "公示栏")).Content);
        var document = Assert.IsType<DocumentInput>(Mapped(TelegramUpdates.Document(42, "BQAD-doc", "整改报告.pdf", "application/pdf", 98_765)).Content);

        Assert.Equal(new PhotoInput("AgAD-big", "photo-AgAD-big-u.jpg", "image/jpeg", 123_456, "公示栏"), photo);
        Assert.Equal(new DocumentInput("BQAD-doc", "整改报告.pdf", "application/pdf", 98_765), document);
    }

    [Fact]
    public void A_sticker_is_media_the_bot_does_not_take_and_a_photo_in_a_group_is_ignored()
    {
        Assert.Equal(new OtherMediaInput("sticker"), Mapped(TelegramUpdates.Sticker(42)).Content);
        Assert.IsType<IgnoredUpdate>(Map(TelegramUpdates.Photo(42, "AgAD-group", 5000, chatId: TelegramUpdates.GroupId)));
    }

    [Fact]
    public void A_photo_survives_the_inbox_as_json_with_its_own_discriminator()
    {
        var inbound = Mapped(TelegramUpdates.Photo(42, "AgAD-big", 123_456, "公示栏"));

        var json = MessageJson.Serialize(inbound);

        Assert.Contains("\"type\":\"photo\"", json, StringComparison.Ordinal);
        Assert.Equal(inbound, MessageJson.Deserialize<Inbound>(json));
        Assert.Equal(new TextInput("你好"), MessageJson.Deserialize<Inbound>(MessageJson.Serialize(Mapped(TelegramUpdates.Text(42, "你好")))).Content);
    }

    [Fact]
    public void Group_text_is_for_the_bot_only_when_it_replies_to_the_bot_or_mentions_it()
    {
        var chatter = Mapped(TelegramUpdates.Text(42, "明天上午开会", TelegramUpdates.GroupId));
        var reply = Mapped(TelegramUpdates.ReplyToBot(42, "张三", TelegramUpdates.GroupId));
        var mention = Mapped(TelegramUpdates.Text(42, $"@{BotApiStandIn.BotUsername} 怎么投票", TelegramUpdates.GroupId));
        var inPrivate = Mapped(TelegramUpdates.Text(42, "明天上午开会"));

        Assert.Equal(new TextInput("明天上午开会", ToBot: false), chatter.Content);
        Assert.Equal(new TextInput("张三", ToBot: true), reply.Content);
        Assert.True(Assert.IsType<TextInput>(mention.Content).ToBot);
        Assert.True(Assert.IsType<TextInput>(inPrivate.Content).ToBot);
    }

    [Fact]
    public void Command_addressed_to_our_bot_in_a_group_is_lower_cased_without_the_suffix()
    {
        var inbound = Mapped(TelegramUpdates.Text(42, "/Link@Campaign_Test_Bot  UNIT-7 now", TelegramUpdates.GroupId));

        Assert.Equal(new CommandInput("link", "UNIT-7 now"), inbound.Content);
        Assert.Equal(ChatKind.Group, inbound.Chat.Kind);
        Assert.Equal("第一党支部", inbound.Chat.Title);
    }

    [Fact]
    public void Command_without_arguments_has_empty_arguments()
    {
        Assert.Equal(new CommandInput("start", ""), Mapped(TelegramUpdates.Text(42, "/start")).Content);
    }

    [Fact]
    public void Command_addressed_to_another_bot_is_ignored()
    {
        var mapping = Map(TelegramUpdates.Text(42, "/start@other_bot", TelegramUpdates.GroupId));

        Assert.Contains("another bot", Assert.IsType<IgnoredUpdate>(mapping).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void English_client_language_is_kept_for_english_replies()
    {
        var inbound = Mapped(TelegramUpdates.Text(42, "hello", languageCode: "en"));

        Assert.Equal(Language.English, inbound.Sender.Language);
    }

    [Fact]
    public void Callback_query_becomes_a_button_press_in_the_chat_of_its_message()
    {
        var inbound = Mapped(TelegramUpdates.Callback(42, "v:r1:3", TelegramUpdates.GroupId, messageId: 88, id: "cb-9"));

        Assert.Equal(new ButtonPress("v:r1:3", "cb-9", "88"), inbound.Content);
        Assert.Equal(TelegramUpdates.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture), inbound.Chat.Id);
        Assert.Equal("42", inbound.Sender.Id);
    }

    [Fact]
    public void Poll_answer_comes_from_the_voters_private_chat()
    {
        var inbound = Mapped(TelegramUpdates.PollAnswer(43, "poll-5", 0, 2));

        Assert.Equal(new ChatRef("telegram", "43", ChatKind.Private), inbound.Chat);
        var answer = Assert.IsType<PollAnswerInput>(inbound.Content);
        Assert.Equal("poll-5", answer.PollId);
        Assert.Equal([0, 2], answer.Options);
    }

    [Theory]
    [InlineData("member", true)]
    [InlineData("administrator", true)]
    [InlineData("left", false)]
    [InlineData("kicked", false)]
    public void Bot_added_to_or_removed_from_a_group_is_a_membership_change(string status, bool isMember)
    {
        var inbound = Mapped(TelegramUpdates.MyChatMember(44, status));

        Assert.Equal(new MembershipChange(isMember), inbound.Content);
        Assert.Equal(ChatKind.Group, inbound.Chat.Kind);
        Assert.Equal("44", inbound.Sender.Id);
    }

    [Fact]
    public void Message_without_text_or_media_is_ignored()
    {
        var json = TelegramUpdates.Text(42, "x");
        json["message"]!.AsObject().Remove("text");
        json["message"]!["contact"] = new JsonObject { ["phone_number"] = "+8613800000000", ["first_name"] = "张三" };

        Assert.IsType<IgnoredUpdate>(Map(json));
    }

    [Fact]
    public void Message_without_a_chat_is_malformed()
    {
        var json = TelegramUpdates.Text(42, "x");
        json["message"]!.AsObject().Remove("chat");

        Assert.IsType<MalformedUpdate>(Map(json));
    }

    [Fact]
    public void Update_of_a_kind_we_do_not_handle_is_ignored()
    {
        var json = new JsonObject { ["edited_message"] = TelegramUpdates.Text(42, "x")["message"]!.DeepClone() };

        Assert.IsType<IgnoredUpdate>(Map(json));
    }
}
