using System.Security.Cryptography;
using Prorata.Integrations.ReconFiles;

namespace Prorata.Web.Infrastructure.Uploads;

/// <summary>
/// Reads an upload and, as it goes, writes every byte to the spool file and the hash, refusing past
/// <see cref="FileLimits.MaxFileBytes"/>. Whoever reads through it (the gzip check) reads the upload exactly once.
/// </summary>
internal sealed class SpoolingStream(Stream upload, Stream spool, IncrementalHash hash, long maxBytes) : Stream
{
    private byte[] peeked = [];
    private int peekedAt;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The first bytes, read ahead and handed out again by the next reads.</summary>
    public async Task<ReadOnlyMemory<byte>> PeekAsync(CancellationToken cancellationToken)
    {
        var head = new byte[16];
        var length = 0;
        int read;
        while (length < head.Length && (read = await ReadUploadAsync(head.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }
        peeked = head[..length];
        peekedAt = 0;
        return peeked;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (peekedAt < peeked.Length)
        {
            var count = Math.Min(buffer.Length, peeked.Length - peekedAt);
            peeked.AsMemory(peekedAt, count).CopyTo(buffer);
            peekedAt += count;
            return count;
        }
        return await ReadUploadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Reads (and so spools) whatever is left of the upload.</summary>
    public async Task DrainAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }

    private async ValueTask<int> ReadUploadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await upload.ReadAsync(buffer, cancellationToken);
        if (read == 0)
        {
            return 0;
        }
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw new FileLimitException(nameof(FileLimits.MaxFileBytes), maxBytes, BytesRead,
                $"The file is larger than {maxBytes:N0} bytes ({FileLimits.Section}:MaxFileBytes); stopped reading at {BytesRead:N0}.");
        }
        hash.AppendData(buffer.Span[..read]);
        await spool.WriteAsync(buffer[..read], cancellationToken);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
