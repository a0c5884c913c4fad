using CampaignBot.Telegram.Hosting;
using CampaignBot.Telegram.Receiving;
using CampaignBot.Telegram.Sending;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Telegram;

public static class TelegramChannelExtensions
{
    public const string HttpClientName = "telegram";

    /// <summary>
    /// Adds the Telegram channel when Telegram:Token is set: client, sender, polling or webhook set-up.
    /// The host must register <see cref="IInboundSink"/>.
    /// </summary>
    public static IHostApplicationBuilder AddTelegramChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TelegramOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section["Token"]))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // Request URLs carry the token, so the factory's request logging is removed.
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .AddTypedClient<ITelegramBotClient>((http, provider) => CreateClient(http, provider.GetRequiredService<IOptions<TelegramOptions>>().Value));

        services.AddSingleton<BotIdentity>();
        services.AddSingleton<UpdateIntake>();
        services.AddSingleton<RawUpdateReader>();
        services.AddSingleton<IChannelSender, TelegramSender>();
        services.AddSingleton<IChannelFiles, TelegramFiles>();
        services.AddHostedService<TelegramSetupService>();
        if (!string.Equals(section["Mode"], TelegramOptions.WebhookMode, StringComparison.OrdinalIgnoreCase))
        {
            services.AddHostedService<TelegramPollingService>();
        }

        return builder;
    }

    /// <summary>Maps the webhook endpoint (Telegram:WebhookPath) when the channel runs in webhook mode.</summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<UpdateIntake>() is null)
        {
            return endpoints;
        }

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (options.IsWebhook)
        {
            endpoints.MapPost(options.WebhookPath, TelegramWebhookEndpoint.HandleAsync);
        }

        return endpoints;
    }

    /// <summary>429s come back to the outbox worker (which keeps other chats moving), so the client never waits on them itself.</summary>
    internal static TelegramBotClient CreateClient(HttpClient http, TelegramOptions options)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl;
        var clientOptions = new TelegramBotClientOptions(options.Token, baseUrl) { RetryThreshold = 0, RetryCount = 0 };
        return new TelegramBotClient(clientOptions, http);
    }
}
