using System.Text.Json.Serialization;

namespace CampaignBot.Core.Messaging;

/// <summary>A button the bot offers; its payload must fit Telegram's 64-byte callback data.</summary>
public sealed record Button(string Label, string Payload)
{
    public const int MaxPayloadBytes = 64;
}

/// <summary>What the bot says. Stored in the outbox as JSON before any channel sees it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextMessage), "text")]
[JsonDerivedType(typeof(DocumentMessage), "document")]
[JsonDerivedType(typeof(PhotoMessage), "photo")]
[JsonDerivedType(typeof(EditMessage), "edit")]
[JsonDerivedType(typeof(CallbackAnswer), "callback")]
public abstract record Outbound
{
    /// <summary>
    /// The language of the one person who reads it, where the sender knows it (a reply or notice in a private chat), so
    /// a channel words its own hints ("reply with a number") in it too. Null (rows stored before it existed, groups): Chinese.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(JsonStringEnumConverter<Language>))]
    public Language? Reader { get; init; }

    /// <summary>The language a channel's own hints for this message are in: the reader's, Chinese when not known.</summary>
    [JsonIgnore]
    public Language HintLanguage => Reader ?? Language.Chinese;

    /// <summary>This message marked as read by someone in <paramref name="language"/> (Chinese needs no mark: it is the default).</summary>
    public Outbound For(Language language) => language == Language.English ? this with { Reader = language } : this;
}

/// <summary>Text with optional rows of buttons.</summary>
public sealed record TextMessage(string Text, IReadOnlyList<IReadOnlyList<Button>>? Buttons = null) : Outbound
{
    /// <summary>A text for one reader, worded and marked in their language (<see cref="Outbound.Reader"/>).</summary>
    public static Outbound In(Text text, Language reader)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextMessage(text.In(reader)).For(reader);
    }

    /// <summary>A text for one reader with one button that runs <paramref name="command"/> (<see cref="Conversations.CommandButton"/>).</summary>
    public static Outbound In(Text text, Language reader, string command, Text label)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextMessage(text.In(reader), [[Conversations.CommandButton.For(command, label, reader)]]).For(reader);
    }
}

public sealed record DocumentMessage(string FileName, byte[] Content, string? Caption = null) : Outbound;

public sealed record PhotoMessage(string FileName, byte[] Content, string? Caption = null) : Outbound;

/// <summary>
/// Replaces the text (and buttons) of a message the outbox sent earlier, named by its outbox id. With
/// <paramref name="SendIfGone"/> the text is sent as a new message when that one cannot be edited (never sent,
/// too old, a channel that cannot edit): a conversation's next prompt must arrive either way.
/// </summary>
public sealed record EditMessage(string TargetOutboxId, string Text, IReadOnlyList<IReadOnlyList<Button>>? Buttons = null, bool SendIfGone = false) : Outbound
{
    /// <summary>The same text as a new message, for when the target cannot be edited.</summary>
    public TextMessage AsNewMessage() => new(Text, Buttons) { Reader = Reader };
}

/// <summary>
/// Acknowledges a button press, with a short notice when the press was refused, or the label of the button
/// when it was taken (channels that mark the pressed message, such as WeCom's cards, show it).
/// </summary>
public sealed record CallbackAnswer(string CallbackId, string? Notice = null, string? Chosen = null) : Outbound;
