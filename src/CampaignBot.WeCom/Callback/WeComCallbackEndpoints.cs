using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampaignBot.WeCom.Callback;

public static class WeComCallbackEndpoints
{
    /// <summary>
    /// Maps GET (URL verification) and POST (message push) at WeCom:CallbackPath. Needs the host to
    /// register an <see cref="Core.Pipeline.IInboundSink"/>. Does nothing when AddWeComChannel found
    /// no WeCom:CorpId, so hosts may call it unconditionally.
    /// </summary>
    public static IEndpointRouteBuilder MapWeComCallback(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (services.GetService<IServiceProviderIsService>() is { } registry && !registry.IsService(typeof(WeComCallbackHandler)))
        {
            return endpoints;
        }

        var path = services.GetRequiredService<IOptions<WeComOptions>>().Value.CallbackPath;
        var group = endpoints.MapGroup(path);
        group.MapGet(string.Empty, (HttpContext context, WeComCallbackHandler handler) => handler.VerifyUrl(context));
        group.MapPost(string.Empty, (HttpContext context, WeComCallbackHandler handler) => handler.ReceiveAsync(context));
        return endpoints;
    }
}
