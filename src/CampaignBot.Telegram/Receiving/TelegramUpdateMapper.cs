using System.Globalization;
using Telegram.Bot.Types.Enums;

namespace CampaignBot.Telegram.Receiving;

/// <summary>Turns a Telegram update into a channel-neutral <see cref="Inbound"/>.</summary>
public static class TelegramUpdateMapper
{
    public const string Channel = "telegram";

    /// <param name="update">The update as Telegram.Bot read it.</param>
    /// <param name="botUsername">Our bot's username, to tell our commands from other bots' in groups.</param>
    /// <param name="now">Stamp for updates that carry no date of their own.</param>
    public static UpdateMapping Map(Update update, string? botUsername, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update switch
        {
            { Message: { } message } => MapMessage(update.Id, message, botUsername),
            { CallbackQuery: { } query } => MapCallback(update.Id, query, now),
            { PollAnswer: { } answer } => MapPollAnswer(update.Id, answer, now),
            { MyChatMember: { } change } => MapMembership(update.Id, change),
            _ => new IgnoredUpdate(update.Id, $"update kind {update.Type} is not handled"),
        };
    }

    private static UpdateMapping MapMessage(int updateId, Message message, string? botUsername)
    {
        if (message.Chat is null)
        {
            return new MalformedUpdate(updateId, "message without chat");
        }

        if (message.From is null)
        {
            return new IgnoredUpdate(updateId, "message sent on behalf of a chat, not a person");
        }

        if (ToChat(message.Chat) is not { } chat)
        {
            return new IgnoredUpdate(updateId, $"chat type {message.Chat.Type} is not handled");
        }

        if (message.Text is not { } text)
        {
            if (MediaOf(message) is not { } media)
            {
                return new IgnoredUpdate(updateId, $"message type {message.Type} is not handled");
            }

            // Photos and files in a group are people sharing with each other; evidence is sent in a private chat.
            return chat.Kind == ChatKind.Group
                ? new IgnoredUpdate(updateId, $"{message.Type} in a group is not for the bot")
                : Mapped(updateId, chat, message.From, media, ToTime(message.Date));
        }

        InboundContent content = new TextInput(text, chat.Kind == ChatKind.Private || IsAddressedToBot(message, text, botUsername));
        if (ParseCommand(text) is var (name, target, arguments))
        {
            if (target is not null && !string.Equals(target, botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return new IgnoredUpdate(updateId, "command addressed to another bot");
            }

            content = new CommandInput(name, arguments);
        }

        return Mapped(updateId, chat, message.From, content, ToTime(message.Date));
    }

    /// <summary>
    /// A photo (the largest size Telegram offers) or a document as a file reference; stickers, voice notes, videos and the
    /// like as media the bot does not take, so a step waiting for an answer can say so. Null for anything else.
    /// </summary>
    internal static InboundContent? MediaOf(Message message) => message switch
    {
        { Photo: { Length: > 0 } sizes } when sizes.MaxBy(p => (long)p.Width * p.Height) is { } largest =>
            new PhotoInput(largest.FileId, $"photo-{largest.FileUniqueId}.jpg", "image/jpeg", largest.FileSize, message.Caption),
        { Animation: not null } => new OtherMediaInput("animation"),
        { Document: { } document } => new DocumentInput(document.FileId, document.FileName ?? "document", document.MimeType, document.FileSize, message.Caption),
        { Sticker: not null } => new OtherMediaInput("sticker"),
        { Voice: not null } => new OtherMediaInput("voice"),
        { VideoNote: not null } => new OtherMediaInput("video_note"),
        { Video: not null } => new OtherMediaInput("video"),
        { Audio: not null } => new OtherMediaInput("audio"),
        { Location: not null } => new OtherMediaInput("location"),
        _ => null,
    };

    private static UpdateMapping MapCallback(int updateId, CallbackQuery query, DateTimeOffset now)
    {
        if (query.From is null || string.IsNullOrEmpty(query.Id))
        {
            return new MalformedUpdate(updateId, "callback query without sender or id");
        }

        if (query.Message?.Chat is null || ToChat(query.Message.Chat) is not { } chat)
        {
            return new IgnoredUpdate(updateId, "callback query from an inline message");
        }

        if (query.Data is not { } data)
        {
            return new IgnoredUpdate(updateId, "callback query without data");
        }

        var press = new ButtonPress(data, query.Id, query.Message.Id.ToString(CultureInfo.InvariantCulture));
        return Mapped(updateId, chat, query.From, press, now);
    }

    private static UpdateMapping MapPollAnswer(int updateId, PollAnswer answer, DateTimeOffset now)
    {
        if (answer.User is not { } user)
        {
            return new IgnoredUpdate(updateId, "anonymous poll answer");
        }

        if (string.IsNullOrEmpty(answer.PollId) || answer.OptionIds is null)
        {
            return new MalformedUpdate(updateId, "poll answer without poll id or options");
        }

        var chat = new ChatRef(Channel, Id(user.Id), ChatKind.Private);
        return Mapped(updateId, chat, user, new PollAnswerInput(answer.PollId, answer.OptionIds), now);
    }

    private static UpdateMapping MapMembership(int updateId, ChatMemberUpdated change)
    {
        if (change.Chat is null || change.From is null || change.NewChatMember is null)
        {
            return new MalformedUpdate(updateId, "my_chat_member without chat, sender or new status");
        }

        if (ToChat(change.Chat) is not { Kind: ChatKind.Group } chat)
        {
            return new IgnoredUpdate(updateId, "membership change outside a group");
        }

        var member = change.NewChatMember.Status is ChatMemberStatus.Member or ChatMemberStatus.Administrator
            or ChatMemberStatus.Creator || change.NewChatMember is ChatMemberRestricted { IsMember: true };
        return Mapped(updateId, chat, change.From, new MembershipChange(member), ToTime(change.Date));
    }

    /// <summary>Group text is for the bot when it replies to one of the bot's messages or mentions the bot by name.</summary>
    private static bool IsAddressedToBot(Message message, string text, string? botUsername)
    {
        if (message.ReplyToMessage?.From is { IsBot: true } author
            && (botUsername is null || string.Equals(author.Username, botUsername, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return botUsername is { Length: > 0 } && text.Contains("@" + botUsername, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"/Start@OurBot a b" gives ("start", "OurBot", "a b"); plain text gives null.</summary>
    internal static (string Name, string? Target, string Arguments)? ParseCommand(string text)
    {
        if (text.Length < 2 || text[0] != '/' || char.IsWhiteSpace(text[1]))
        {
            return null;
        }

        var end = text.AsSpan().IndexOfAny(' ', '\n', '\t');
        var head = end < 0 ? text[1..] : text[1..end];
        var arguments = end < 0 ? "" : text[end..].Trim();
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        var target = at < 0 ? null : head[(at + 1)..];
        return name.Length == 0 ? null : (name, target, arguments);
    }

    private static MappedUpdate Mapped(int updateId, ChatRef chat, User from, InboundContent content, DateTimeOffset at)
    {
        var sender = new UserRef(Id(from.Id), DisplayName(from), from.LanguageCode);
        var id = updateId.ToString(CultureInfo.InvariantCulture);
        return new MappedUpdate(updateId, new Inbound(id, updateId, chat, sender, content, at));
    }

    private static ChatRef? ToChat(Chat chat) => chat.Type switch
    {
        ChatType.Private => new ChatRef(Channel, Id(chat.Id), ChatKind.Private),
        ChatType.Group or ChatType.Supergroup => new ChatRef(Channel, Id(chat.Id), ChatKind.Group, chat.Title),
        _ => null,
    };

    private static string DisplayName(User user)
    {
        var name = $"{user.FirstName} {user.LastName}".Trim();
        return name.Length > 0 ? name : user.Username ?? Id(user.Id);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset ToTime(DateTime date) => new(DateTime.SpecifyKind(date, DateTimeKind.Utc));
}
