namespace CampaignBot.Core.Messaging;

/// <summary>
/// Fetches the bytes of a file someone sent on one channel (Telegram getFile and its download URL, WeCom media/get, a
/// console path), by the reference the channel put in a <see cref="FileInput"/>. One per channel.
/// </summary>
public interface IChannelFiles
{
    /// <summary>"telegram", "wecom", "console".</summary>
    string Channel { get; }

    /// <summary>
    /// The file's bytes, at most <paramref name="maxBytes"/>: <see cref="FileTooLargeException"/> as soon as it is known to be
    /// larger (announced or while reading). Other failures (the channel refused, the network) throw as they come; the caller retries.
    /// </summary>
    Task<ChannelFile> FetchAsync(string fileRef, long maxBytes, CancellationToken cancellationToken);
}

/// <summary>A fetched file; the name and type where the channel said them at download time.</summary>
public sealed record ChannelFile(byte[] Content, string? FileName = null, string? MimeType = null);

/// <summary>The file is larger than the evidence limit; fetching it again will not help.</summary>
public sealed class FileTooLargeException : Exception
{
    public FileTooLargeException()
    {
    }

    public FileTooLargeException(string message)
        : base(message)
    {
    }

    public FileTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FileTooLargeException(long? size, long limit)
        : base($"The file ({(size is { } s ? s.ToString(CultureInfo.InvariantCulture) + " bytes" : "size unknown")}) is over the limit of {limit.ToString(CultureInfo.InvariantCulture)} bytes.")
    {
        Size = size;
        Limit = limit;
    }

    public long? Size { get; }

    public long Limit { get; }
}

/// <summary>A memory stream that refuses to grow past a limit, for downloads whose size is not known in advance.</summary>
public sealed class BoundedMemoryStream(long limit) : MemoryStream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        Check(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        Check(1);
        base.WriteByte(value);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Check(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Check(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    private void Check(int count)
    {
        if (Length + count > limit)
        {
            throw new FileTooLargeException(null, limit);
        }
    }
}
