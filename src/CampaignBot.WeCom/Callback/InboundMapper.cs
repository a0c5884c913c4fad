using CampaignBot.Core.Conversations;

namespace CampaignBot.WeCom.Callback;

/// <summary>Turns a decrypted WeCom message into the channel-neutral <see cref="Inbound"/>, or null for kinds the bot ignores.</summary>
public static class InboundMapper
{
    public const string Channel = "wecom";

    public static Inbound? Map(WeComCallbackMessage message)
    {
        var content = message switch
        {
            { MsgType: "text", Content: { } text } => FromText(text),
            { MsgType: "image", MediaId: { Length: > 0 } media } => new PhotoInput(media, $"image-{Shorten(message.MsgId ?? media)}.jpg", "image/jpeg", null),
            { MsgType: "file", MediaId: { Length: > 0 } media } => new DocumentInput(media, message.FileName is { Length: > 0 } name ? name : "file", null, message.FileSize),
            { MsgType: "voice" or "video" or "location" or "link" } => new OtherMediaInput(message.MsgType),
            { MsgType: "event", Event: "enter_agent" } => new CommandInput("start", string.Empty),
            { MsgType: "event", Event: "click", EventKey: { Length: > 0 } key } => FromMenuKey(key),
            { MsgType: "event", Event: "template_card_event", EventKey: { Length: > 0 } key } =>
                new ButtonPress(key, NullIfEmpty(message.ResponseCode), NullIfEmpty(message.TaskId)),
            _ => null,
        };
        if (content is null)
        {
            return null;
        }

        var at = DateTimeOffset.FromUnixTimeSeconds(message.CreateTime);
        return new Inbound(
            UpdateIdOf(message),
            at.ToUnixTimeMilliseconds(),
            new ChatRef(Channel, message.FromUserName, ChatKind.Private),
            new UserRef(message.FromUserName),
            content,
            at);
    }

    /// <summary>WeCom retries a callback up to three times: messages dedup by MsgId, events by sender, time and key.</summary>
    public static string UpdateIdOf(WeComCallbackMessage message) =>
        message.MsgType != "event" && !string.IsNullOrEmpty(message.MsgId)
            ? message.MsgId
            : $"{message.FromUserName}:{message.CreateTime}:{message.Event}:{message.EventKey}";

    /// <summary>"/name args" is a command; anything else is plain text.</summary>
    public static InboundContent FromText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '/')
        {
            return new TextInput(text);
        }

        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        var name = space < 0 ? trimmed[1..] : trimmed[1..space];
        var at = name.IndexOf('@', StringComparison.Ordinal);
        name = (at < 0 ? name : name[..at]).ToLowerInvariant();
        var arguments = space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
        return name.Length == 0 ? new TextInput(text) : new CommandInput(name, arguments);
    }

    /// <summary>Menu keys that name a command (from <see cref="CommandCatalog"/>, or "/name args") are commands; others are button payloads.</summary>
    private static InboundContent FromMenuKey(string key)
    {
        if (key.StartsWith('/'))
        {
            return FromText(key);
        }

        var known = CommandCatalog.All.Any(c => string.Equals(c.Name, key, StringComparison.OrdinalIgnoreCase));
        return known ? new CommandInput(key.ToLowerInvariant(), string.Empty) : new ButtonPress(key);
    }

    private static string Shorten(string value) => value.Length <= 16 ? value : value[^16..];

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
