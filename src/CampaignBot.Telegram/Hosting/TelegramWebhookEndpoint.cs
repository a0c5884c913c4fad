using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampaignBot.Telegram.Receiving;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Telegram.Hosting;

/// <summary>
/// Receives webhook posts: secret checked in constant time, 200 only once the update is in the inbox. An update the client
/// cannot read is answered 200 and skipped (as polling skips it); a body that is no update gets 400.
/// </summary>
internal static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static async Task<IResult> HandleAsync(HttpContext context, UpdateIntake intake, IOptions<TelegramOptions> options, ILoggerFactory logging)
    {
        var cancellationToken = context.RequestAborted;
        if (!SecretMatches(context.Request.Headers[SecretHeader].ToString(), options.Value.WebhookSecret))
        {
            return Results.Unauthorized();
        }

        // Read whole first: an update the client cannot read is told apart from a body that is no update at all.
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, cancellationToken);
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(body.GetBuffer().AsSpan(0, (int)body.Length), JsonBotAPI.Options);
        }
        catch (Exception ex) when (UnreadableUpdates.IsUnreadable(ex) && UpdateId(body) is { } id)
        {
            // As polling does: one unreadable update is skipped, so Telegram does not deliver it again and again.
            logging.CreateLogger(typeof(TelegramWebhookEndpoint)).LogWarning("Telegram update {UpdateId} could not be read; it is skipped", id);
            return Results.Ok();
        }
        catch (Exception ex) when (UnreadableUpdates.IsUnreadable(ex))
        {
            return Results.BadRequest("The body is not a Telegram update.");
        }

        if (update is null || update.Id == 0)
        {
            return Results.BadRequest("The body is not a Telegram update.");
        }

        // Throws when the inbox fails: the host answers 500 and Telegram delivers the update again.
        await intake.AcceptAsync(update, cancellationToken);
        return Results.Ok();
    }

    /// <summary>The body's update id when it is a JSON object that has one, else null.</summary>
    private static long? UpdateId(MemoryStream body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("update_id", out var id) && id.TryGetInt64(out var value) && value > 0
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool SecretMatches(string presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }
}
