using System.Xml;
using System.Xml.Linq;
using CampaignBot.WeCom.Crypto;

namespace CampaignBot.WeCom.Callback;

/// <summary>A decrypted callback message, with the fields the bot uses (接收消息与事件).</summary>
public sealed record WeComCallbackMessage(
    string MsgType,
    string FromUserName,
    long CreateTime,
    string? Content = null,
    string? MsgId = null,
    string? Event = null,
    string? EventKey = null,
    string? TaskId = null,
    string? ResponseCode = null,
    string? AgentId = null)
{
    /// <summary>An image, voice, video or file message's medium, fetched with media/get (valid three days).</summary>
    public string? MediaId { get; init; }

    /// <summary>An image message's picture URL.</summary>
    public string? PicUrl { get; init; }

    /// <summary>A file message's name, where WeCom sends one (FileName, or Title).</summary>
    public string? FileName { get; init; }

    /// <summary>A file message's size in bytes, where WeCom sends it.</summary>
    public long? FileSize { get; init; }

    /// <summary>The address book fields of a change_contact event (通讯录变更事件), when this is one.</summary>
    public WeComContactFields? Contact { get; init; }
}

/// <summary>
/// What a change_contact event carries: ChangeType (create_user, update_user, delete_user, create_party, update_party,
/// delete_party), the user's UserID / NewUserID / Name / Department / MainDepartment, or the department's Id / Name / ParentId.
/// </summary>
public sealed record WeComContactFields(
    string ChangeType,
    string? UserId,
    string? NewUserId,
    string? Name,
    string? Department,
    string? MainDepartment,
    string? PartyId,
    string? ParentId);

/// <summary>Reads WeCom's callback XML safely: no DTDs, no external entities, size bounded by the caller.</summary>
public static class CallbackXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersInDocument = 1_000_000,
    };

    /// <summary>The <c>Encrypt</c> element of a pushed envelope.</summary>
    public static string ReadEncrypt(string envelope)
    {
        var root = Load(envelope);
        var encrypt = Text(root, "Encrypt");
        return string.IsNullOrWhiteSpace(encrypt)
            ? throw new WeComCryptoException(WeComCryptoError.BadXml, "The callback body has no Encrypt element.")
            : encrypt.Trim();
    }

    /// <summary>Parses the decrypted message; MsgType, FromUserName and CreateTime are required.</summary>
    public static WeComCallbackMessage ReadMessage(string xml)
    {
        var root = Load(xml);
        var msgType = Text(root, "MsgType");
        var from = Text(root, "FromUserName");
        if (string.IsNullOrWhiteSpace(msgType) || string.IsNullOrWhiteSpace(from))
        {
            throw new WeComCryptoException(WeComCryptoError.BadXml, "The message lacks MsgType or FromUserName.");
        }

        if (!long.TryParse(Text(root, "CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var createTime))
        {
            throw new WeComCryptoException(WeComCryptoError.BadXml, "The message lacks a numeric CreateTime.");
        }

        return new WeComCallbackMessage(
            msgType.Trim(),
            from.Trim(),
            createTime,
            Content: Text(root, "Content"),
            MsgId: Text(root, "MsgId")?.Trim(),
            Event: Text(root, "Event")?.Trim(),
            EventKey: Text(root, "EventKey"),
            TaskId: Text(root, "TaskId")?.Trim(),
            ResponseCode: Text(root, "ResponseCode")?.Trim(),
            AgentId: Text(root, "AgentID")?.Trim())
        {
            MediaId = Text(root, "MediaId")?.Trim(),
            PicUrl = Text(root, "PicUrl")?.Trim(),
            FileName = (Text(root, "FileName") ?? Text(root, "Title"))?.Trim(),
            FileSize = long.TryParse(Text(root, "FileSize"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null,
            Contact = Text(root, "ChangeType")?.Trim() is { Length: > 0 } change
                ? new WeComContactFields(
                    change,
                    Text(root, "UserID")?.Trim(),
                    Text(root, "NewUserID")?.Trim(),
                    Text(root, "Name")?.Trim(),
                    Text(root, "Department")?.Trim(),
                    Text(root, "MainDepartment")?.Trim(),
                    Text(root, "Id")?.Trim(),
                    Text(root, "ParentId")?.Trim())
                : null,
        };
    }

    private static XElement Load(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            return XDocument.Load(reader).Root
                ?? throw new WeComCryptoException(WeComCryptoError.BadXml, "The XML has no root element.");
        }
        catch (XmlException ex)
        {
            throw new WeComCryptoException(WeComCryptoError.BadXml, $"The XML is malformed at line {ex.LineNumber}.", ex);
        }
    }

    private static string? Text(XElement root, string name) => root.Element(name)?.Value;
}
