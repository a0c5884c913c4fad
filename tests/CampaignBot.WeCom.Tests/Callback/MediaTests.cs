using System.Security.Cryptography;
using CampaignBot.Core.Messaging;
using CampaignBot.WeCom.Api;
using CampaignBot.WeCom.Callback;
using CampaignBot.WeCom.Tests.StandIn;

namespace CampaignBot.WeCom.Tests.Callback;

/// <summary>Photos and files members send the app: the callback XML's media fields, the mapping, and media/get against the stand-in.</summary>
public sealed class MediaTests
{
    private const long Created = 1_700_000_000;

    [Fact]
    public void An_image_message_becomes_a_photo_by_its_media_id_and_a_voice_note_media_the_bot_does_not_take()
    {
        var image = CallbackXml.ReadMessage("<xml><ToUserName>ww1</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1700000000</CreateTime><MsgType>image</MsgType><PicUrl>http://example.invalid/p.jpg</PicUrl><MediaId>MEDIA_abc</MediaId><MsgId>8001</MsgId><AgentID>1000002</AgentID></xml>");
        var voice = InboundMapper.Map(new WeComCallbackMessage("voice", "zhangsan", Created, MsgId: "8002") { MediaId = "MEDIA_v" })!;

        Assert.Equal(("MEDIA_abc", "http://example.invalid/p.jpg"), (image.MediaId, image.PicUrl));
        var photo = Assert.IsType<PhotoInput>(InboundMapper.Map(image)!.Content);
        Assert.Equal(("MEDIA_abc", "image-8001.jpg", "image/jpeg"), (photo.FileRef, photo.FileName, photo.MimeType));
        Assert.Equal(new OtherMediaInput("voice"), voice.Content);
    }

    [Fact]
    public void A_file_message_where_wecom_sends_one_keeps_its_name_and_size()
    {
        var file = CallbackXml.ReadMessage("<xml><FromUserName>lisi</FromUserName><CreateTime>1700000000</CreateTime><MsgType>file</MsgType><MediaId>MEDIA_f</MediaId><FileName>整改报告.pdf</FileName><FileSize>2048</FileSize><MsgId>8003</MsgId></xml>");

        Assert.Equal(new DocumentInput("MEDIA_f", "整改报告.pdf", null, 2048), InboundMapper.Map(file)!.Content);
    }

    [Fact]
    public async Task Media_get_fetches_the_bytes_and_name_refuses_an_unknown_medium_and_stops_at_the_limit()
    {
        await using var harness = await SenderHarness.StartAsync();
        var bytes = RandomNumberGenerator.GetBytes(50_000);
        harness.StandIn.Media["MEDIA_ok"] = ("现场.jpg", "image/jpeg", bytes);
        var files = new WeComFiles(harness.Api);

        var fetched = await files.FetchAsync("MEDIA_ok", 1024 * 1024, CancellationToken.None);
        var unknown = await Assert.ThrowsAsync<WeComApiException>(() => files.FetchAsync("MEDIA_gone", 1024 * 1024, CancellationToken.None));
        await Assert.ThrowsAsync<FileTooLargeException>(() => files.FetchAsync("MEDIA_ok", 10_000, CancellationToken.None));

        Assert.Equal(bytes, fetched.Content);
        Assert.Equal(("现场.jpg", "image/jpeg"), (fetched.FileName, fetched.MimeType));
        Assert.Contains("40007", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("wecom", files.Channel);
    }
}
