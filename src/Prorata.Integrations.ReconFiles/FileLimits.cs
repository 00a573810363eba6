namespace Prorata.Integrations.ReconFiles;

/// <summary>
/// What one imported file may be (<c>Prorata:Imports</c> in the app): past any of these a file is refused, named with
/// the limit and the value found, before it can fill the disk, the memory or the database. The defaults take a month of
/// a large partner (issue 5: a million lines, about 650 MB) with room to spare.
/// </summary>
public sealed class FileLimits
{
    public const string Section = "Prorata:Imports";

    public static FileLimits Default { get; } = new();

    /// <summary>The bytes as sent (compressed when gzip).</summary>
    public long MaxFileBytes { get; set; } = 2L << 30;

    /// <summary>The bytes of a gzip file once decompressed.</summary>
    public long MaxDecompressedBytes { get; set; } = 4L << 30;

    /// <summary>
    /// Decompressed bytes per compressed byte, checked as the file streams: Microsoft's JSON Lines compress about 10 to 1;
    /// a gzip bomb (10 GB of zeros in 46 MB) about 1,000 to 1, and is refused after its first megabytes.
    /// </summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>The bytes of one line (a Microsoft line is under 2 KB).</summary>
    public int MaxLineBytes { get; set; } = 64 * 1024;

    /// <summary>The lines of a file, the header included.</summary>
    public long MaxRows { get; set; } = 5_000_000;

    /// <summary>The columns of a CSV header, or the properties of one JSON line (Microsoft's files have about 60).</summary>
    public int MaxColumns { get; set; } = 500;
}
