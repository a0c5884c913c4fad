using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampaignBot.Telegram.Receiving;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Telegram.Hosting;

/// <summary>Receives webhook posts: secret checked in constant time, 200 only once the update is in the inbox.</summary>
internal static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static async Task<IResult> HandleAsync(HttpContext context, UpdateIntake intake, IOptions<TelegramOptions> options)
    {
        var cancellationToken = context.RequestAborted;
        if (!SecretMatches(context.Request.Headers[SecretHeader].ToString(), options.Value.WebhookSecret))
        {
            return Results.Unauthorized();
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException)
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

    private static bool SecretMatches(string presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }
}
