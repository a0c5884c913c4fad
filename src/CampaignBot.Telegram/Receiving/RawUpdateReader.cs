using System.Net.Http.Json;
using System.Text.Json;

namespace CampaignBot.Telegram.Receiving;

/// <summary>
/// Reads one getUpdates batch as raw JSON, update by update. Used only when the client could not read a
/// batch at all, so that one unreadable update is skipped instead of blocking every update behind it.
/// </summary>
public sealed class RawUpdateReader(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
{
    /// <summary>Each update's id with the update, or null when that one cannot be read.</summary>
    public async Task<IReadOnlyList<(int Id, Update? Update)>> ReadAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var baseUrl = string.IsNullOrWhiteSpace(settings.ApiBaseUrl) ? "https://api.telegram.org" : settings.ApiBaseUrl.TrimEnd('/');
        var http = httpClients.CreateClient(TelegramChannelExtensions.HttpClientName);
        var request = new
        {
            offset,
            limit,
            timeout = 0,
            allowed_updates = UpdateMapping.AllowedUpdates.Select(kind => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString())),
        };
        using var response = await http.PostAsJsonAsync(new Uri($"{baseUrl}/bot{settings.Token}/getUpdates"), request, cancellationToken);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        if (!body.RootElement.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"getUpdates answered {(int)response.StatusCode} without a list of updates.");
        }

        var updates = new List<(int, Update?)>();
        foreach (var element in result.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("update_id", out var idElement) || !idElement.TryGetInt32(out var id))
            {
                continue;
            }

            try
            {
                updates.Add((id, element.Deserialize<Update>(JsonBotAPI.Options)));
            }
            catch (Exception ex) when (UnreadableUpdates.IsUnreadable(ex))
            {
                updates.Add((id, null));
            }
        }

        return updates;
    }
}
