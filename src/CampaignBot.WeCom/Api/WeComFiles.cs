using CampaignBot.WeCom.Callback;

namespace CampaignBot.WeCom.Api;

/// <summary>Fetches a photo or file someone sent the app, by its MediaId, with media/get.</summary>
public sealed class WeComFiles(WeComApiClient api) : IChannelFiles
{
    public string Channel => InboundMapper.Channel;

    public Task<ChannelFile> FetchAsync(string fileRef, long maxBytes, CancellationToken cancellationToken) =>
        api.GetMediaAsync(fileRef, maxBytes, cancellationToken);
}
