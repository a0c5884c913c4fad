using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignBot.WeCom.Callback;

public static class WeComCallbackEndpoints
{
    /// <summary>
    /// Maps GET (URL verification) and POST (message push) at WeCom:CallbackPath. Needs the host to
    /// register an <see cref="Core.Pipeline.IInboundSink"/> and to have called AddWeComChannel.
    /// </summary>
    public static IEndpointConventionBuilder MapWeComCallback(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var path = endpoints.ServiceProvider.GetRequiredService<IOptions<WeComOptions>>().Value.CallbackPath;
        var group = endpoints.MapGroup(path);
        group.MapGet(string.Empty, (HttpContext context, WeComCallbackHandler handler) => handler.VerifyUrl(context));
        group.MapPost(string.Empty, (HttpContext context, WeComCallbackHandler handler) => handler.ReceiveAsync(context));
        return group;
    }
}
