using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.WeCom.Tests.StandIn;

namespace CampaignBot.WeCom.Tests.EndToEnd;

/// <summary>One WeCom member talking to the bot's app: callbacks posted as WeCom posts them, replies read from the stand-in.</summary>
public sealed class WeComMember(WeComBotUnderTest bot, string userId)
{
    private static long _msgIds = 7_300_000_000_000_000_000;
    private int _seen;

    public string UserId => userId;

    /// <summary>The texts the bot sent this member through message/send, in order.</summary>
    public IReadOnlyList<string> Texts => [.. Sent("text").Select(m => m["text"]!["content"]!.GetValue<string>())];

    public IReadOnlyList<JsonObject> Cards => [.. Sent("template_card").Select(m => m["template_card"]!.AsObject())];

    public static string TextXml(string from, string content, long msgId, long createTime) =>
        $"<xml><ToUserName><![CDATA[{WeComStandIn.CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>" +
        $"<MsgId>{msgId}</MsgId><AgentID>{WeComBotUnderTest.AgentId}</AgentID></xml>";

    public static string PressXml(string from, string eventKey, string taskId, string responseCode, long createTime) =>
        $"<xml><ToUserName><![CDATA[{WeComStandIn.CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>" +
        $"<EventKey><![CDATA[{eventKey}]]></EventKey><TaskId><![CDATA[{taskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>" +
        $"<ResponseCode><![CDATA[{responseCode}]]></ResponseCode><AgentID>{WeComBotUnderTest.AgentId}</AgentID></xml>";

    /// <summary>A text message from this member; returns the HTTP status the callback got.</summary>
    public Task<int> SayAsync(string text)
    {
        LastMsgId = Interlocked.Increment(ref _msgIds);
        return PostAsync(TextXml(userId, text, LastMsgId, NextCreateTime()));
    }

    /// <summary>The MsgId of the last text sent with <see cref="SayAsync"/>: its outbox replies are "wecom:{id}#00", "#01", ….</summary>
    public long LastMsgId { get; private set; }

    /// <summary>Presses the button labelled <paramref name="label"/> on the latest card that has it.</summary>
    public Task<int> PressAsync(string label)
    {
        var (card, key) = Cards.Reverse()
            .Select(c => (c, Key: c["button_list"]!.AsArray().FirstOrDefault(b => b!["text"]!.GetValue<string>() == label)?["key"]?.GetValue<string>()))
            .FirstOrDefault(x => x.Key is not null);
        Assert.True(key is not null, $"no card offers \"{label}\"; cards: {string.Join(" | ", Cards.Select(c => c.ToJsonString()))}");
        var taskId = card["task_id"]!.GetValue<string>();
        return PostAsync(PressXml(userId, key!, taskId, bot.StandIn.ResponseCodeFor(taskId), NextCreateTime()));
    }

    /// <summary>Posts a decrypted message as WeCom would: encrypted, signed, in the XML envelope.</summary>
    public async Task<int> PostAsync(string innerXml, Func<string, string>? tamperSignature = null, Func<string, string>? tamperCipher = null)
    {
        _seen = Texts.Count;
        using var request = Request(innerXml, tamperSignature, tamperCipher);
        using var response = await bot.Http.SendAsync(request);
        return (int)response.StatusCode;
    }

    public HttpRequestMessage Request(string innerXml, Func<string, string>? tamperSignature = null, Func<string, string>? tamperCipher = null)
    {
        var timestamp = bot.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var encrypted = bot.Crypto.Encrypt(innerXml);
        var signature = bot.Crypto.Sign(timestamp, "nonce-e2e", encrypted);
        signature = tamperSignature?.Invoke(signature) ?? signature;
        encrypted = tamperCipher?.Invoke(encrypted) ?? encrypted;
        var envelope = $"<xml><ToUserName><![CDATA[{WeComStandIn.CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID><![CDATA[{WeComBotUnderTest.AgentId}]]></AgentID></xml>";
        return new HttpRequestMessage(HttpMethod.Post, $"/wecom/callback?msg_signature={signature}&timestamp={timestamp}&nonce=nonce-e2e")
        {
            Content = new StringContent(envelope, Encoding.UTF8, "text/xml"),
        };
    }

    /// <summary>Waits for a text containing <paramref name="fragment"/> sent after the last callback; returns it.</summary>
    public async Task<string> WaitForAsync(string fragment)
    {
        await bot.WaitUntilAsync(() => Texts.Skip(_seen).Any(t => t.Contains(fragment, StringComparison.Ordinal)), $"\"{fragment}\" to {userId}; got: {string.Join(" | ", Texts.Skip(_seen))}");
        return Texts.Skip(_seen).First(t => t.Contains(fragment, StringComparison.Ordinal));
    }

    /// <summary>Each callback a second after the previous one, as a person would send them.</summary>
    public long NextCreateTime()
    {
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        return bot.Time.GetUtcNow().ToUnixTimeSeconds();
    }

    private IEnumerable<JsonObject> Sent(string type) =>
        bot.StandIn.Sent.Where(m => m["touser"]?.GetValue<string>() == userId && m["msgtype"]?.GetValue<string>() == type);
}
