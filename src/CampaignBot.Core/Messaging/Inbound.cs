using System.Text.Json.Serialization;

namespace CampaignBot.Core.Messaging;

/// <summary>
/// One update from a channel, in channel-neutral form. <see cref="UpdateId"/> is unique per channel
/// and is what the inbox deduplicates on; <see cref="Sequence"/> orders updates of one conversation.
/// </summary>
public sealed record Inbound(
    string UpdateId,
    long Sequence,
    ChatRef Chat,
    UserRef Sender,
    InboundContent Content,
    DateTimeOffset At)
{
    /// <summary>Updates with the same key are handled one at a time, in order.</summary>
    public string ConversationKey => $"{Chat.Channel}:{Chat.Id}:{Sender.Id}";
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextInput), "text")]
[JsonDerivedType(typeof(CommandInput), "command")]
[JsonDerivedType(typeof(ButtonPress), "button")]
[JsonDerivedType(typeof(PollAnswerInput), "poll")]
[JsonDerivedType(typeof(MembershipChange), "membership")]
[JsonDerivedType(typeof(TimerElapsed), "timer")]
[JsonDerivedType(typeof(PhotoInput), "photo")]
[JsonDerivedType(typeof(DocumentInput), "document")]
[JsonDerivedType(typeof(OtherMediaInput), "othermedia")]
public abstract record InboundContent;

/// <summary>
/// Typed text. <see cref="ToBot"/> is false for group text that neither mentions the bot nor replies to it: people
/// talking to each other, which the bot leaves alone.
/// </summary>
public sealed record TextInput(string Text, bool ToBot = true) : InboundContent;

/// <summary>A slash command; <see cref="Name"/> is lower case without the slash or any @botname suffix.</summary>
public sealed record CommandInput(string Name, string Arguments) : InboundContent;

/// <summary>A pressed button. The payload came from a client and is untrusted until a flow validates it.</summary>
public sealed record ButtonPress(string Payload, string? CallbackId = null, string? MessageId = null) : InboundContent;

public sealed record PollAnswerInput(string PollId, IReadOnlyList<int> Options) : InboundContent;

/// <summary>The bot was added to or removed from a group.</summary>
public sealed record MembershipChange(bool BotIsMember) : InboundContent;

/// <summary>A scheduler job addressed to this conversation (a flow timeout, for instance).</summary>
public sealed record TimerElapsed(string Reason, string Token) : InboundContent;

/// <summary>
/// A file someone sent: the channel's reference to fetch it by (Telegram's file_id, WeCom's MediaId, a console path),
/// its name, MIME type and size as far as the channel says them, and the caption typed with it. Only the reference
/// travels through the inbox; the bytes are fetched later, in the background.
/// </summary>
public abstract record FileInput(string FileRef, string FileName, string? MimeType, long? Size, string? Caption) : InboundContent;

/// <summary>A photo (Telegram: the largest size sent; WeCom: an image message).</summary>
public sealed record PhotoInput(string FileRef, string FileName, string? MimeType, long? Size, string? Caption = null)
    : FileInput(FileRef, FileName, MimeType, Size, Caption);

/// <summary>A document: any file sent as a file, with its own name.</summary>
public sealed record DocumentInput(string FileRef, string FileName, string? MimeType, long? Size, string? Caption = null)
    : FileInput(FileRef, FileName, MimeType, Size, Caption);

/// <summary>
/// Something the bot does not take as input (a sticker, a voice note, a video, a location): kept so that a step
/// waiting for an answer can say what it takes instead of staying silent. <see cref="Kind"/> names it
/// ("sticker", "voice", "video", "audio", "location", …).
/// </summary>
public sealed record OtherMediaInput(string Kind) : InboundContent;
