namespace Prorata.Integrations.ReconFiles;

/// <summary>A read-only pass-through that remembers the last 8 bytes read: the gzip trailer (CRC32, ISIZE).</summary>
internal sealed class TailStream(Stream inner) : Stream
{
    private readonly byte[] tail = new byte[8];
    private int tailLength;

    public ReadOnlySpan<byte> Tail => tail.AsSpan(0, tailLength);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Remember(buffer[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Remember(ReadOnlySpan<byte> read)
    {
        if (read.Length >= tail.Length)
        {
            read[^tail.Length..].CopyTo(tail);
            tailLength = tail.Length;
            return;
        }
        var keep = Math.Min(tailLength, tail.Length - read.Length);
        tail.AsSpan(tailLength - keep, keep).CopyTo(tail);
        read.CopyTo(tail.AsSpan(keep));
        tailLength = keep + read.Length;
    }
}
