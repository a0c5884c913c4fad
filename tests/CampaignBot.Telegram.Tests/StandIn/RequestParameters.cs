using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Telegram.Tests.StandIn;

/// <summary>A Bot API call's parameters, from a JSON body, a form (multipart for files) or the query string.</summary>
internal sealed class RequestParameters
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string FileName, byte[] Content)> _files = new(StringComparer.Ordinal);

    public static async Task<RequestParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new RequestParameters();
        foreach (var (key, value) in request.Query)
        {
            parameters._values[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                parameters._values[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                parameters._files[file.Name] = (file.FileName, buffer.ToArray());
            }
        }
        else if (request.ContentLength is not 0)
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            foreach (var (key, value) in body?.AsObject() ?? [])
            {
                if (value is not null)
                {
                    parameters._values[key] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                }
            }
        }

        return parameters;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public long? GetLong(string name) =>
        long.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public int? GetInt(string name) =>
        int.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A JSON-valued parameter (reply_markup, allowed_updates, commands), normalised.</summary>
    public JsonNode? GetJson(string name) => Get(name) is { } text ? JsonNode.Parse(text) : null;

    public IReadOnlyList<string>? GetStrings(string name) =>
        GetJson(name) is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : null;

    /// <summary>An uploaded file: sent as the named part, or referenced as attach://name.</summary>
    public (string FileName, byte[] Content)? GetFile(string name)
    {
        if (_files.TryGetValue(name, out var file))
        {
            return file;
        }

        return Get(name) is { } reference && reference.StartsWith("attach://", StringComparison.Ordinal)
            && _files.TryGetValue(reference["attach://".Length..], out var attached) ? attached : null;
    }
}
