using CampaignBot.Core.Features.Organisation;
using CampaignBot.WeCom.AddressBook;
using CampaignBot.WeCom.Api;
using CampaignBot.WeCom.Callback;
using CampaignBot.WeCom.Crypto;
using CampaignBot.WeCom.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.WeCom;

public static class WeComChannelExtensions
{
    /// <summary>
    /// Registers the WeCom channel (options, callback crypto and handler, API client, sender) when
    /// WeCom:CorpId is set; does nothing otherwise. The host still calls MapWeComCallback and registers the IInboundSink.
    /// </summary>
    public static IHostApplicationBuilder AddWeComChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{WeComOptions.SectionName}:{nameof(WeComOptions.CorpId)}"]))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeComOptions>, WeComOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<WeComOptions>>().Value;
            return new WeComCallbackCrypto(o.Token, o.EncodingAESKey, o.CorpId);
        });
        services.TryAddSingleton<WeComCallbackHandler>();
        services.TryAddSingleton<WeComApiClient>();
        services.AddSingleton<IChannelFiles, WeComFiles>();
        services.TryAddSingleton<WeComSender>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, WeComSender>(sp => sp.GetRequiredService<WeComSender>()));

        // The app sits in no group chat and a group robot only posts: no press in a WeCom group ever reaches the bot.
        services.AddSingleton(new ChannelTrait(InboundMapper.Channel, GroupsDeliverPresses: false));

        // The address book sync: departments to units, users to members, kept current by change_contact events.
        if (builder.Configuration.GetValue<bool>($"{ContactSyncOptions.SectionName}:{nameof(ContactSyncOptions.Enabled)}"))
        {
            services.TryAddSingleton<IAddressBook, WeComAddressBook>();
            services.AddContactSync();
        }

        // Request URLs carry the access token or a robot key: no HttpClient logging for this client.
        services.AddHttpClient(WeComApiClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .RemoveAllLoggers();
        return builder;
    }
}
