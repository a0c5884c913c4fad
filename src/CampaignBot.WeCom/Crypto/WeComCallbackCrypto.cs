using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CampaignBot.WeCom.Crypto;

/// <summary>
/// WeCom's callback scheme (加解密方案): SHA-1 signature over the sorted token, timestamp, nonce and
/// ciphertext; AES-256-CBC with IV = first 16 key bytes and PKCS#7 padding to 32-byte blocks;
/// plaintext = 16 random bytes, 4-byte big-endian length, message, receive id (our CorpID).
/// </summary>
public sealed class WeComCallbackCrypto
{
    private const int PadBlock = 32;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string token;
    private readonly string corpId;
    private readonly byte[] key;

    public WeComCallbackCrypto(string token, string encodingAesKey, string corpId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(corpId);
        this.token = token;
        this.corpId = corpId;
        key = DecodeKey(encodingAesKey);
    }

    /// <summary>Decodes an EncodingAESKey; throws <see cref="WeComCryptoError.BadKey"/> unless it is 43 Base64 characters giving 32 bytes.</summary>
    public static byte[] DecodeKey(string? encodingAesKey)
    {
        const string Rule = "EncodingAESKey must be 43 characters of Base64 (A-Z, a-z, 0-9, +, /) that decode to 32 bytes.";
        if (encodingAesKey is null || encodingAesKey.Length != 43)
        {
            throw new WeComCryptoException(WeComCryptoError.BadKey, Rule);
        }

        var bytes = new byte[33];
        if (!Convert.TryFromBase64String(encodingAesKey + "=", bytes, out var written) || written != 32)
        {
            throw new WeComCryptoException(WeComCryptoError.BadKey, Rule);
        }

        return bytes[..32];
    }

    /// <summary>The msg_signature WeCom would send for these values (lower-case hex).</summary>
    public string Sign(string timestamp, string nonce, string encrypted)
    {
        string[] parts = [token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts)));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Checks the signature in constant time, then decrypts; returns the message (XML, or the echo string).</summary>
    public string VerifyAndDecrypt(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        Verify(signature, timestamp, nonce, encrypted);
        return Decrypt(encrypted!);
    }

    /// <summary>Checks msg_signature in constant time; throws <see cref="WeComCryptoError.BadSignature"/> when it does not match.</summary>
    public void Verify(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        if (string.IsNullOrEmpty(signature) || timestamp is null || nonce is null || string.IsNullOrEmpty(encrypted))
        {
            throw new WeComCryptoException(WeComCryptoError.BadSignature, "msg_signature, timestamp, nonce and the ciphertext are all required.");
        }

        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, nonce, encrypted));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            throw new WeComCryptoException(WeComCryptoError.BadSignature, "msg_signature does not match the Token and the message.");
        }
    }

    /// <summary>Decrypts a ciphertext and checks its receive id against our CorpID.</summary>
    public string Decrypt(string encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException ex)
        {
            throw new WeComCryptoException(WeComCryptoError.BadCiphertext, "The ciphertext is not Base64.", ex);
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            throw new WeComCryptoException(WeComCryptoError.BadCiphertext, "The ciphertext is not a whole number of AES blocks.");
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(cipher, key.AsSpan(0, 16), PaddingMode.None);
        var content = Unpad(plain);
        if (content.Length < 20)
        {
            throw new WeComCryptoException(WeComCryptoError.BadLength, "The plaintext is shorter than its 20-byte header.");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(16, 4));
        if (length < 0 || length > content.Length - 20)
        {
            throw new WeComCryptoException(WeComCryptoError.BadLength, "The message length in the plaintext exceeds the plaintext.");
        }

        string message;
        try
        {
            message = StrictUtf8.GetString(content, 20, length);
        }
        catch (DecoderFallbackException ex)
        {
            throw new WeComCryptoException(WeComCryptoError.BadLength, "The message is not valid UTF-8 at the stated length.", ex);
        }

        var receiveId = Encoding.UTF8.GetString(content, 20 + length, content.Length - 20 - length);
        if (!string.Equals(receiveId, corpId, StringComparison.Ordinal))
        {
            throw new WeComCryptoException(WeComCryptoError.CorpIdMismatch, "The message was encrypted for another CorpID.");
        }

        return message;
    }

    /// <summary>Encrypts as WeCom does (for passive replies, the stand-in and tests).</summary>
    public string Encrypt(string message)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var receiveId = Encoding.UTF8.GetBytes(corpId);
        var length = 20 + body.Length + receiveId.Length;
        var pad = PadBlock - (length % PadBlock);
        var plain = new byte[length + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), body.Length);
        body.CopyTo(plain, 20);
        receiveId.CopyTo(plain, 20 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>Refuses a timestamp (Unix seconds) further than <paramref name="tolerance"/> from now: a replayed callback.</summary>
    public static void EnsureFresh(string? timestamp, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WeComCryptoException(WeComCryptoError.StaleTimestamp, "timestamp is not a number of seconds.");
        }

        var offset = Math.Abs(now.ToUnixTimeSeconds() - seconds);
        if (offset > tolerance.TotalSeconds)
        {
            throw new WeComCryptoException(WeComCryptoError.StaleTimestamp, $"timestamp is {offset} s away from now; at most {tolerance.TotalSeconds:0} s is accepted.");
        }
    }

    private static byte[] Unpad(byte[] plain)
    {
        var pad = plain[^1];
        if (pad < 1 || pad > PadBlock || pad > plain.Length)
        {
            throw new WeComCryptoException(WeComCryptoError.BadPadding, "The PKCS#7 padding is invalid.");
        }

        for (var i = plain.Length - pad; i < plain.Length; i++)
        {
            if (plain[i] != pad)
            {
                throw new WeComCryptoException(WeComCryptoError.BadPadding, "The PKCS#7 padding is invalid.");
            }
        }

        return plain[..^pad];
    }
}
