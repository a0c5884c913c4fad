using CampaignBot.WeCom.Callback;
using CampaignBot.WeCom.Crypto;

namespace CampaignBot.WeCom.Tests.Crypto;

/// <summary>
/// Vectors from Tencent's official WXBizMsgCrypt sample (企业微信 weworkapi_python, callback/Sample.py,
/// github.com/sbzhu/weworkapi_python; the same values appear in the C++/Java/PHP/Go samples):
/// 使用示例一 (URL verification) and 使用示例二 (decrypting a pushed message).
/// </summary>
public sealed class OfficialSampleTests
{
    public const string Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    public const string EncodingAesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    public const string CorpId = "ww1436e0e65a779aee";

    private const string EchoCipher = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";

    private const string PushedEnvelope =
        "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>\n<Encrypt><![CDATA[" +
        "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+" +
        "]]></Encrypt>\n<AgentID><![CDATA[1000002]]></AgentID>\n</xml>";

    private static readonly WeComCallbackCrypto Crypto = new(Token, EncodingAesKey, CorpId);

    [Fact]
    public void Url_verification_sample_decrypts_to_the_documented_echo()
    {
        var echo = Crypto.VerifyAndDecrypt("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683", EchoCipher);

        Assert.Equal("1288432023552776189", echo);
    }

    [Fact]
    public void Pushed_message_sample_decrypts_to_the_documented_xml()
    {
        var encrypted = CallbackXml.ReadEncrypt(PushedEnvelope);

        var xml = Crypto.VerifyAndDecrypt("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779", "1597212914", encrypted);

        Assert.Equal(
            "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime>" +
            "<MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>",
            xml);
        var message = CallbackXml.ReadMessage(xml);
        Assert.Equal(("text", "ChenJiaShun", "你好", "1456453720"), (message.MsgType, message.FromUserName, message.Content, message.MsgId));
    }

    [Fact]
    public void Sample_signatures_match_our_signing()
    {
        Assert.Equal("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", Crypto.Sign("1476416373", "47744683", EchoCipher));
    }

    [Fact]
    public void Sample_echo_with_one_flipped_signature_character_is_refused()
    {
        var error = Assert.Throws<WeComCryptoException>(
            () => Crypto.VerifyAndDecrypt("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebec", "1476416373", "47744683", EchoCipher));

        Assert.Equal(WeComCryptoError.BadSignature, error.Error);
    }

    [Fact]
    public void Sample_echo_with_one_flipped_ciphertext_character_is_refused()
    {
        var flipped = "gsi1" + EchoCipher[4..];

        var error = Assert.Throws<WeComCryptoException>(
            () => Crypto.VerifyAndDecrypt("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683", flipped));

        Assert.Equal(WeComCryptoError.BadSignature, error.Error);
    }

    [Fact]
    public void Sample_for_another_corp_id_is_refused()
    {
        var other = new WeComCallbackCrypto(Token, EncodingAesKey, "wwsomeoneelse00000");

        var error = Assert.Throws<WeComCryptoException>(
            () => other.VerifyAndDecrypt("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683", EchoCipher));

        Assert.Equal(WeComCryptoError.CorpIdMismatch, error.Error);
    }
}
