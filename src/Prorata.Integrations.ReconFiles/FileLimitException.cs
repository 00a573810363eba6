namespace Prorata.Integrations.ReconFiles;

/// <summary>
/// A file past one of <see cref="FileLimits"/>: <see cref="Limit"/> is the setting's name, <see cref="Allowed"/> its value
/// and <see cref="Found"/> what the file reached when it was stopped (often less than its whole size: reading stops there).
/// </summary>
public sealed class FileLimitException(string limit, long allowed, long found, string message) : Exception(message)
{
    public string Limit { get; } = limit;

    public long Allowed { get; } = allowed;

    public long Found { get; } = found;

    /// <summary>Size limits are 413 Content Too Large; the shape of the content (lines, rows, columns) 422.</summary>
    public bool IsSize => Limit is nameof(FileLimits.MaxFileBytes) or nameof(FileLimits.MaxDecompressedBytes) or nameof(FileLimits.MaxCompressionRatio);
}
