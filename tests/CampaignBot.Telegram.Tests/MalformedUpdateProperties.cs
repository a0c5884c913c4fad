using System.Net;
using CampaignBot.Core.Messaging;
using CampaignBot.Telegram.Receiving;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CampaignBot.Telegram.Tests;

/// <summary>A generated malformed update body: what was done to which update, for the test output.</summary>
public sealed record MalformedUpdateBody(string Description, string Body)
{
    public override string ToString() => $"{Description}: {(Body.Length > 300 ? Body[..300] + "…" : Body)}";
}

/// <summary>One webhook host for the cases of a property run.</summary>
public sealed class WebhookFixture : IAsyncLifetime
{
    private int _nextId = 1_000_000;

    public WebhookHost Host { get; private set; } = null!;

    public int NextId() => Interlocked.Increment(ref _nextId);

    public async Task InitializeAsync() => Host = await WebhookHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>One polling harness and poller for the cases of a property run; the poller's offset carries from case to case.</summary>
public sealed class PollingFixture : IAsyncLifetime
{
    private int _nextId = 2_000_000;

    public TelegramHarness Harness { get; private set; } = null!;

    public TelegramPollingService Poller { get; private set; } = null!;

    public int NextId() => Interlocked.Increment(ref _nextId);

    public async Task InitializeAsync()
    {
        // No long poll: a round with nothing queued answers at once.
        Harness = await TelegramHarness.StartAsync(settings: new() { ["Telegram:PollTimeoutSeconds"] = "0" });
        Poller = Harness.NewPoller();
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

/// <summary>
/// The same malformed updates through getUpdates, from the Bot API stand-in: each batch with a broken update still moves
/// the offset past it, and the good update queued behind it is stored once.
/// </summary>
public sealed class MalformedPolledUpdateProperties(PollingFixture fixture) : IClassFixture<PollingFixture>
{
    [Property(MaxTest = 100, Replay = "(20261202,15)", Arbitrary = [typeof(MalformedUpdateProperties.Bodies)])]
    public async Task A_malformed_polled_update_never_holds_up_the_good_update_behind_it(MalformedUpdateBody malformed)
    {
        ArgumentNullException.ThrowIfNull(malformed);
        JsonObject? update;
        try
        {
            update = JsonNode.Parse(malformed.Body) as JsonObject;
            _ = update?.ToJsonString();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            update = null;
        }

        if (update is null)
        {
            // Cut-off JSON never comes out of getUpdates: Telegram's answer is one JSON document, checked by the webhook property.
            return;
        }

        var state = fixture.Harness.StandIn.State;
        update["update_id"] = fixture.NextId();
        state.QueueUpdate(update);
        var goodId = fixture.NextId();
        var good = TelegramUpdates.Text(42, "/help");
        good["update_id"] = goodId;
        state.QueueUpdate(good);

        await fixture.Poller.PollOnceAsync(CancellationToken.None);
        await fixture.Poller.PollOnceAsync(CancellationToken.None);

        Assert.True(fixture.Poller.Offset > goodId, $"the offset {fixture.Poller.Offset} stayed behind {goodId} after {malformed}");
        Assert.Single(fixture.Harness.Sink.Stored, s => s.UpdateId == goodId.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Malformed updates at Telegram's edge, generated from real update shapes (a field deleted, a value of another type, ids
/// out of range, an unknown update kind, JSON cut off, escapes of half characters): the webhook rejects or skips each one
/// cleanly (never a server error, which Telegram would deliver again and again), whatever it keeps can be stored, and the
/// next good update is stored once.
/// </summary>
public sealed class MalformedUpdateProperties(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    [Property(MaxTest = 200, Replay = "(20261202,7)", Arbitrary = [typeof(Bodies)])]
    public async Task A_malformed_update_is_rejected_or_skipped_cleanly_and_the_next_good_update_is_stored_once(MalformedUpdateBody malformed)
    {
        ArgumentNullException.ThrowIfNull(malformed);
        var host = fixture.Host;
        var before = host.Sink.Stored.Count;

        using var bad = await host.PostAsync(malformed.Body, WebhookHost.Secret);
        var kept = host.Sink.Stored.Skip(before).ToList();
        var good = fixture.NextId();
        var goodBody = TelegramUpdates.Text(42, "/help");
        goodBody["update_id"] = good;
        using var next = await host.PostAsync(goodBody.ToJsonString(), WebhookHost.Secret);
        using var again = await host.PostAsync(goodBody.ToJsonString(), WebhookHost.Secret);

        Assert.True(bad.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)bad.StatusCode} for {malformed}");
        Assert.True(kept.Count <= 1, $"{kept.Count} updates kept from {malformed}");
        foreach (var update in kept)
        {
            // What the inbox would write: the kept update must survive its JSON round trip.
            var json = System.Text.Json.JsonSerializer.Serialize(update, MessageJson.Options);
            Assert.Equal(update.UpdateId, System.Text.Json.JsonSerializer.Deserialize<Inbound>(json, MessageJson.Options)!.UpdateId);
        }

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(host.Sink.Stored, s => s.UpdateId == good.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The arbitraries of the property above.</summary>
    public static class Bodies
    {
        private static readonly string[] Kinds = ["text", "callback", "photo", "document", "sticker", "poll", "member"];

        public static Arbitrary<MalformedUpdateBody> MalformedUpdates() =>
            (from kind in Gen.Elements(Kinds)
             from id in Gen.Choose(1, 900_000)
             from mutation in Gen.Choose(0, 6)
             from pick in Gen.Choose(0, 10_000)
             from value in Gen.Elements(WrongValues)
             select Mutate(kind, id, mutation, pick, value)).ToArbitrary();

        private static readonly string[] WrongValues =
        [
            "null", "\"text\"", "\"\"", "0", "-1", "1.5", "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e308",
            "true", "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":[]}}", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\"", "\"" + new string('x', 5000) + "\"",
        ];

        private static JsonObject Shape(string kind, int id)
        {
            var update = kind switch
            {
                "callback" => TelegramUpdates.Callback(42, "reg:abc123:1"),
                "photo" => TelegramUpdates.Photo(42, "file-1", 1000),
                "document" => TelegramUpdates.Document(42, "file-2", "a.pdf", "application/pdf", 1000),
                "sticker" => TelegramUpdates.Sticker(42),
                "poll" => TelegramUpdates.PollAnswer(42, "poll-1", 0),
                "member" => TelegramUpdates.MyChatMember(42, "member"),
                _ => TelegramUpdates.Text(42, "/start"),
            };
            update["update_id"] = id;
            return update;
        }

        private static MalformedUpdateBody Mutate(string kind, int id, int mutation, int pick, string value)
        {
            var update = Shape(kind, id);
            var fields = Fields(update).ToList();
            var (parent, key) = fields[pick % fields.Count];
            switch (mutation)
            {
                case 0:
                    parent.Remove(key);
                    return new($"{kind}: {key} deleted", update.ToJsonString());
                case 1:
                    parent[key] = Placeholder;
                    return new($"{kind}: {key} set to {Short(value)}", Raw(update, value));
                case 2:
                    var ids = fields.Where(f => f.Key is "update_id" or "id" or "message_id" or "date" or "file_size").ToList();
                    var (idParent, idKey) = ids[pick % ids.Count];
                    idParent[idKey] = JsonNode.Parse(Pick(pick, "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e30", "-1", "0", "4294967296"));
                    return new($"{kind}: {idKey} out of range", update.ToJsonString());
                case 3:
                    var body = update.First(p => p.Key != "update_id");
                    update.Remove(body.Key);
                    update[Pick(pick, "edited_business_message", "purchased_paid_media", "foo", "", "message_reaction")] = JsonNode.Parse(body.Value!.ToJsonString());
                    return new($"{kind}: an unknown update kind", update.ToJsonString());
                case 4:
                    var text = update.ToJsonString();
                    return new($"{kind}: cut off", text[..(pick % text.Length)]);
                case 5:
                    return new($"{kind}: update_id set to {Short(value)}", update.ToJsonString().Replace($"\"update_id\":{id}", $"\"update_id\":{value}", StringComparison.Ordinal));
                default:
                    parent[key] = Placeholder;
                    var (other, otherKey) = fields[(pick / 7) % fields.Count];
                    other.Remove(otherKey);
                    return new($"{kind}: {key} set to {Short(value)} and {otherKey} deleted", Raw(update, value));
            }
        }

        /// <summary>Every (object, key) in the update, depth first.</summary>
        private static IEnumerable<(JsonObject Parent, string Key)> Fields(JsonObject node)
        {
            foreach (var (key, child) in node.ToList())
            {
                yield return (node, key);
                if (child is JsonObject inner)
                {
                    foreach (var field in Fields(inner))
                    {
                        yield return field;
                    }
                }
                else if (child is JsonArray array)
                {
                    foreach (var item in array.OfType<JsonObject>())
                    {
                        foreach (var field in Fields(item))
                        {
                            yield return field;
                        }
                    }
                }
            }
        }

        private const string Placeholder = "__value__";

        /// <summary>The update's JSON with the placeholder replaced by <paramref name="value"/> as written (escapes of half characters included).</summary>
        private static string Raw(JsonObject update, string value) =>
            update.ToJsonString().Replace($"\"{Placeholder}\"", value, StringComparison.Ordinal);

        private static string Pick(int pick, params string[] values) => values[pick % values.Length];

        private static string Short(string value) => value.Length > 24 ? value[..24] + "…" : value;
    }
}
