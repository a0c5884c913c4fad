using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CampaignBot.WeCom.Callback;
using CampaignBot.WeCom.Crypto;

namespace CampaignBot.WeCom.Tests.Crypto;

public sealed class CryptoFailureTests
{
    private const string Token = "campaign-token";
    private const string Key = OfficialSampleTests.EncodingAesKey;
    private const string Corp = "wwcampaign000001";

    private readonly WeComCallbackCrypto crypto = new(Token, Key, Corp);

    [Fact]
    public void Signature_is_sha1_hex_of_the_ordinally_sorted_parts()
    {
        var signer = new WeComCallbackCrypto("token", Key, Corp);

        // sha1("1700000000ciphernoncetoken"), computed by hand with Python's hashlib.
        Assert.Equal("8c6f84ef413f28c2cc9d769d230086a1a493b47c", signer.Sign("1700000000", "nonce", "cipher"));
    }

    [Fact]
    public void Chinese_message_round_trips_with_its_length_counted_in_bytes()
    {
        const string Message = "<xml><Content>群众路线教育实践活动：自查自纠</Content></xml>";

        var encrypted = crypto.Encrypt(Message);

        Assert.Equal(Message, crypto.Decrypt(encrypted));
        var plain = RawDecrypt(encrypted);
        Assert.Equal(Encoding.UTF8.GetByteCount(Message), BinaryPrimitives.ReadInt32BigEndian(plain.AsSpan(16, 4)));
        Assert.Equal(0, plain.Length % 32);
    }

    [Fact]
    public void Signed_round_trip_verifies()
    {
        var encrypted = crypto.Encrypt("1234567890");

        Assert.Equal("1234567890", crypto.VerifyAndDecrypt(crypto.Sign("1700000000", "n1", encrypted), "1700000000", "n1", encrypted));
    }

    [Theory]
    [InlineData("tooShort")]
    [InlineData("6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhU")]
    [InlineData("6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqh!t")]
    public void Key_that_is_not_43_base64_characters_is_refused(string key)
    {
        var error = Assert.Throws<WeComCryptoException>(() => new WeComCallbackCrypto(Token, key, Corp));

        Assert.Equal(WeComCryptoError.BadKey, error.Error);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ciphertext_that_is_not_base64_is_refused()
    {
        Assert.Equal(WeComCryptoError.BadCiphertext, Assert.Throws<WeComCryptoException>(() => crypto.Decrypt("not base64 at all!")).Error);
    }

    [Fact]
    public void Ciphertext_that_is_not_whole_blocks_is_refused()
    {
        Assert.Equal(WeComCryptoError.BadCiphertext, Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(Convert.ToBase64String(new byte[20]))).Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void Invalid_padding_byte_is_refused(byte pad)
    {
        var plain = Plain("hello", Corp);
        plain[^1] = pad;

        Assert.Equal(WeComCryptoError.BadPadding, Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(RawEncrypt(plain))).Error);
    }

    [Fact]
    public void Padding_bytes_that_disagree_are_refused()
    {
        var plain = Plain("hello", Corp);
        plain[^2] ^= 0x01;

        Assert.Equal(WeComCryptoError.BadPadding, Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(RawEncrypt(plain))).Error);
    }

    [Fact]
    public void Length_beyond_the_plaintext_is_refused()
    {
        var plain = Plain("hello", Corp);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), 5000);

        Assert.Equal(WeComCryptoError.BadLength, Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(RawEncrypt(plain))).Error);
    }

    [Fact]
    public void Message_for_another_corp_is_refused()
    {
        var error = Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(RawEncrypt(Plain("hello", "wwother"))));

        Assert.Equal(WeComCryptoError.CorpIdMismatch, error.Error);
        Assert.DoesNotContain(Corp, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flipped_ciphertext_byte_is_refused_by_the_signature()
    {
        var encrypted = crypto.Encrypt("hello");
        var signature = crypto.Sign("1700000000", "n", encrypted);
        var bytes = Convert.FromBase64String(encrypted);
        bytes[3] ^= 0x40;

        var error = Assert.Throws<WeComCryptoException>(() => crypto.VerifyAndDecrypt(signature, "1700000000", "n", Convert.ToBase64String(bytes)));

        Assert.Equal(WeComCryptoError.BadSignature, error.Error);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<xml><Encrypt>abc")]
    [InlineData("<xml><ToUserName>x</ToUserName></xml>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY e \"x\">]><xml><Encrypt>&e;</Encrypt></xml>")]
    public void Envelope_that_is_not_wecom_xml_is_refused(string body)
    {
        Assert.Equal(WeComCryptoError.BadXml, Assert.Throws<WeComCryptoException>(() => CallbackXml.ReadEncrypt(body)).Error);
    }

    [Fact]
    public void Message_without_create_time_is_refused()
    {
        var error = Assert.Throws<WeComCryptoException>(
            () => CallbackXml.ReadMessage("<xml><MsgType>text</MsgType><FromUserName>u</FromUserName></xml>"));

        Assert.Equal(WeComCryptoError.BadXml, error.Error);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void Timestamp_more_than_five_minutes_away_is_refused(int secondsAway)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var stamp = (1_700_000_000 + secondsAway).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<WeComCryptoException>(() => WeComCallbackCrypto.EnsureFresh(stamp, now, TimeSpan.FromMinutes(5)));

        Assert.Equal(WeComCryptoError.StaleTimestamp, error.Error);
    }

    [Fact]
    public void Timestamp_within_five_minutes_is_accepted_and_garbage_is_not()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        WeComCallbackCrypto.EnsureFresh("1700000299", now, TimeSpan.FromMinutes(5));
        Assert.Equal(
            WeComCryptoError.StaleTimestamp,
            Assert.Throws<WeComCryptoException>(() => WeComCallbackCrypto.EnsureFresh("soon", now, TimeSpan.FromMinutes(5))).Error);
    }

    private static byte[] Plain(string message, string receiveId)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(receiveId);
        var length = 20 + body.Length + id.Length;
        var pad = 32 - (length % 32);
        var plain = new byte[length + pad];
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), body.Length);
        body.CopyTo(plain, 20);
        id.CopyTo(plain, 20 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);
        return plain;
    }

    private static string RawEncrypt(byte[] plain)
    {
        var key = WeComCallbackCrypto.DecodeKey(Key);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    private static byte[] RawDecrypt(string encrypted)
    {
        var key = WeComCallbackCrypto.DecodeKey(Key);
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.DecryptCbc(Convert.FromBase64String(encrypted), key.AsSpan(0, 16), PaddingMode.None);
    }
}
