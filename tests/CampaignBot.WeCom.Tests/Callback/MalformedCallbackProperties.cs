using System.Globalization;
using System.Net;
using CampaignBot.Core.Messaging;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CampaignBot.WeCom.Tests.Callback;

/// <summary>A generated malformed callback: how it is broken, the inner XML (signed and encrypted as WeCom does unless told not to).</summary>
public sealed record MalformedCallback(string Description, string InnerXml, bool BadSignature = false, string? RawEnvelope = null)
{
    public override string ToString() => $"{Description}: {(InnerXml.Length > 200 ? InnerXml[..200] + "…" : InnerXml)}";
}

/// <summary>One callback host for the cases of a property run.</summary>
public sealed class CallbackFixture : IAsyncLifetime
{
    private int _nextId = 9_000_000;

    public CallbackHost Host { get; private set; } = null!;

    public int NextId() => Interlocked.Increment(ref _nextId);

    public async Task InitializeAsync() => Host = await CallbackHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Malformed WeCom callbacks, generated: a bad signature, an envelope that is no XML, a valid signature over garbage, an
/// unknown MsgType or Event, missing or huge fields, a huge body. Each is refused or skipped cleanly (never a server error,
/// which WeCom retries), whatever is kept can be stored, and the next good callback is stored once however often it comes.
/// </summary>
public sealed class MalformedCallbackProperties(CallbackFixture fixture) : IClassFixture<CallbackFixture>
{
    [Property(MaxTest = 150, Replay = "(20261202,9)", Arbitrary = [typeof(Callbacks)])]
    public async Task A_malformed_callback_is_refused_or_skipped_cleanly_and_the_next_good_one_is_stored_once(MalformedCallback malformed)
    {
        ArgumentNullException.ThrowIfNull(malformed);
        var host = fixture.Host;
        var before = host.Sink.Stored.Keys.ToHashSet(StringComparer.Ordinal);

        using var request = malformed.RawEnvelope is { } raw
            ? new HttpRequestMessage(HttpMethod.Post, $"/wecom/callback?msg_signature=x&timestamp={host.Now}&nonce=n") { Content = new StringContent(raw) }
            : host.Push(malformed.InnerXml, tamperSignature: malformed.BadSignature ? s => new string(s.Reverse().ToArray()) : null);
        using var bad = await host.Client.SendAsync(request);
        var kept = host.Sink.Stored.Where(s => !before.Contains(s.Key)).Select(s => s.Value).ToList();
        var good = fixture.NextId().ToString(CultureInfo.InvariantCulture);
        using var next = await host.Client.SendAsync(host.Push(CallbackHost.TextXml("zhangsan", "/help", good)));
        using var again = await host.Client.SendAsync(host.Push(CallbackHost.TextXml("zhangsan", "/help", good)));

        Assert.True(bad.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.RequestEntityTooLarge, $"{(int)bad.StatusCode} for {malformed}");
        Assert.True(kept.Count <= 1, $"{kept.Count} updates kept from {malformed}");
        if (malformed.BadSignature || malformed.RawEnvelope is not null)
        {
            Assert.Empty(kept);
        }

        foreach (var update in kept)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(update, MessageJson.Options);
            Assert.Equal(update.UpdateId, System.Text.Json.JsonSerializer.Deserialize<Inbound>(json, MessageJson.Options)!.UpdateId);
        }

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (next.StatusCode, again.StatusCode));
        Assert.Single(host.Sink.Stored.Values, s => s.UpdateId.EndsWith(good, StringComparison.Ordinal));
    }

    /// <summary>The arbitraries of the property above.</summary>
    public static class Callbacks
    {
        private static readonly string[] Fields = ["ToUserName", "FromUserName", "CreateTime", "MsgType", "Content", "MsgId", "AgentID", "Event", "EventKey", "PicUrl", "MediaId", "ChangeType", "UserID"];

        private static readonly string[] Values =
        [
            string.Empty, " ", "0", "-1", "99999999999999999999999", "9223372036854775807", "abc", "<![CDATA[x]]>", "]]>", "&amp;", "&lt;b&gt;",
            "😀", "\u202e", "测试", new string('长', 20_000), "text", "image", "voice", "video", "file", "location", "link", "event", "nosuchtype",
            "click", "view", "enter_agent", "template_card_event", "change_contact", "subscribe", "nosuchevent", "create_user", "delete_party",
        ];

        public static Arbitrary<MalformedCallback> MalformedCallbacks() =>
            Gen.Frequency(
                (4, from fields in Gen.SubListOf(Fields)
                    from values in Gen.ArrayOf(Gen.Elements(Values), Fields.Length)
                    select new MalformedCallback($"signed, fields {string.Join(",", fields)}", Xml(fields.Select((f, i) => (f, values[i]))))),
                (2, from type in Gen.Elements("text", "image", "event", "nosuchtype", "voice", "location", "link", "file")
                    from eventName in Gen.Elements("click", "template_card_event", "change_contact", "nosuchevent", "enter_agent", string.Empty)
                    from value in Gen.Elements(Values)
                    select new MalformedCallback($"signed {type}/{eventName}", Xml([("ToUserName", CallbackHost.CorpId), ("FromUserName", "lisi"), ("CreateTime", "1700000000"), ("MsgType", type), ("Event", eventName), ("Content", value), ("EventKey", value), ("MsgId", "m-" + value.Length), ("AgentID", "1000002")]))),
                (2, Gen.Elements(
                    "not xml at all", string.Empty, "<xml>", "<xml><MsgType>text</MsgType>", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><MsgType>text</MsgType><Content>&e;</Content></xml>",
                    "<xml><xml><xml></xml></xml></xml>", "<a/>", "{\"json\":true}", "\0\0\0", "<xml>" + string.Concat(Enumerable.Repeat("<Content>x</Content>", 2000)) + "</xml>")
                    .Select(x => new MalformedCallback("signed garbage", x))),
                (1, Gen.Elements("x", "<xml/>").Select(x => new MalformedCallback("bad signature", CallbackHost.TextXml("wangwu", "/start", "77"), BadSignature: true))),
                (1, Gen.Elements("{\"a\":1}", "<xml><Encrypt></Encrypt></xml>", "<xml><Encrypt>!!!notbase64</Encrypt></xml>", "<xml>", string.Empty, new string('<', 100_000), "<xml><Encrypt>" + new string('A', 3_000_000) + "</Encrypt></xml>")
                    .Select(raw => new MalformedCallback("a broken envelope", string.Empty, RawEnvelope: raw))))
            .ToArbitrary();

        private static string Xml(IEnumerable<(string Field, string Value)> fields) =>
            "<xml>" + string.Concat(fields.Select(f => $"<{f.Field}><![CDATA[{f.Value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)}]]></{f.Field}>")) + "</xml>";
    }
}
