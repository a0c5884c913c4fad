namespace CampaignBot.WeCom.Crypto;

/// <summary>Why a callback could not be trusted or read. Each kind maps to its own log line and HTTP status.</summary>
public enum WeComCryptoError
{
    BadSignature,
    BadKey,
    CorpIdMismatch,
    BadCiphertext,
    BadPadding,
    BadLength,
    BadXml,
    StaleTimestamp,
}

/// <summary>A callback failed a crypto or format check. The message never contains the token, key or plaintext.</summary>
public sealed class WeComCryptoException : Exception
{
    public WeComCryptoException(WeComCryptoError error, string message)
        : base(message)
    {
        Error = error;
    }

    public WeComCryptoException(WeComCryptoError error, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    public WeComCryptoError Error { get; }
}
