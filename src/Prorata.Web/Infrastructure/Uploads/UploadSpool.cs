using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using Prorata.Integrations.ReconFiles;

namespace Prorata.Web.Infrastructure.Uploads;

/// <summary>
/// An uploaded file written to a temporary file (readable by the app's user only) while its SHA-256 is computed and its
/// size, lines and, for gzip, decompressed size and compression ratio are checked against <see cref="FileLimits"/>: a
/// month's file is hundreds of megabytes and never held in memory, and a file past a limit stops being read at that
/// point (a gzip bomb after its first megabytes) with a <see cref="FileLimitException"/>. The caller deletes the file.
/// </summary>
public static class UploadSpool
{
    private const int BufferBytes = 1 << 16;

    // Ratios are judged only past the first megabyte: a small file's gzip header and dictionary skew it.
    private const long RatioFloorBytes = 1 << 20;

    private static readonly byte[] GzipMagic = [0x1f, 0x8b];

    /// <returns>The SHA-256 of what was written, lower-case hex.</returns>
    public static async Task<string> WriteAsync(Stream content, string path, FileLimits limits, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = BufferBytes, Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using var spool = new FileStream(path, options);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var tee = new SpoolingStream(content, spool, hash, limits.MaxFileBytes);
        var lines = new LineScan(limits);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            if ((await tee.PeekAsync(cancellationToken)).Span.StartsWith(GzipMagic))
            {
                await ScanGzipAsync(tee, buffer, lines, limits, cancellationToken);
                // Bytes after the gzip data (or after corrupt data) are kept too: the reader refuses such a file, naming the row.
                await tee.DrainAsync(buffer, cancellationToken);
            }
            else
            {
                int read;
                while ((read = await tee.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    lines.Scan(buffer.AsSpan(0, read));
                }
            }
            lines.End();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task ScanGzipAsync(SpoolingStream tee, byte[] buffer, LineScan lines, FileLimits limits, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(tee, CompressionMode.Decompress, leaveOpen: true);
        long decompressed = 0;
        try
        {
            int read;
            while ((read = await gzip.ReadAsync(buffer, cancellationToken)) > 0)
            {
                decompressed += read;
                if (decompressed > limits.MaxDecompressedBytes)
                {
                    throw new FileLimitException(nameof(FileLimits.MaxDecompressedBytes), limits.MaxDecompressedBytes, decompressed,
                        $"The file decompresses to more than {limits.MaxDecompressedBytes:N0} bytes ({FileLimits.Section}:MaxDecompressedBytes); stopped at {decompressed:N0}.");
                }
                if (decompressed > RatioFloorBytes && decompressed > tee.BytesRead * limits.MaxCompressionRatio)
                {
                    var ratio = decompressed / Math.Max(1, tee.BytesRead);
                    throw new FileLimitException(nameof(FileLimits.MaxCompressionRatio), limits.MaxCompressionRatio, ratio,
                        $"The file decompresses {ratio:N0} times its size ({decompressed:N0} bytes from the first {tee.BytesRead:N0}); at most {limits.MaxCompressionRatio} "
                        + $"({FileLimits.Section}:MaxCompressionRatio) is accepted: this is not a usage or recon export but a compression bomb.");
                }
                lines.Scan(buffer.AsSpan(0, read));
            }
        }
        catch (InvalidDataException)
        {
            // Not gzip after all, or cut: the reader refuses it with the row where it breaks.
        }
    }

    /// <summary>Counts lines and their length as the bytes stream by.</summary>
    private sealed class LineScan(FileLimits limits)
    {
        private long lines;
        private long current;

        public void Scan(ReadOnlySpan<byte> chunk)
        {
            while (true)
            {
                var newline = chunk.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    current += chunk.Length;
                    CheckLength();
                    return;
                }
                current += newline;
                CheckLength();
                EndLine();
                chunk = chunk[(newline + 1)..];
            }
        }

        public void End()
        {
            if (current > 0)
            {
                EndLine();
            }
        }

        private void EndLine()
        {
            lines++;
            current = 0;
            if (lines > limits.MaxRows)
            {
                throw new FileLimitException(nameof(FileLimits.MaxRows), limits.MaxRows, lines,
                    $"The file has more than {limits.MaxRows:N0} lines ({FileLimits.Section}:MaxRows); split it by month or by customer.");
            }
        }

        private void CheckLength()
        {
            if (current > limits.MaxLineBytes)
            {
                throw new FileLimitException(nameof(FileLimits.MaxLineBytes), limits.MaxLineBytes, current,
                    $"Line {lines + 1} is longer than {limits.MaxLineBytes:N0} bytes ({FileLimits.Section}:MaxLineBytes): it is not a line of a Microsoft file.");
            }
        }
    }
}
