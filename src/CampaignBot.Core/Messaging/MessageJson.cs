using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace CampaignBot.Core.Messaging;

/// <summary>The one JSON shape for messages at rest (inbox, outbox), shared by every store.</summary>
public static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty {typeof(T).Name} document.");
}
