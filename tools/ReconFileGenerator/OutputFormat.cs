namespace ReconFileGenerator;

/// <summary>The portal's CSV, or the Graph export's gzip JSON Lines.</summary>
public enum OutputFormat
{
    Csv,
    GzipJsonLines,
}
