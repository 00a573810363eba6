namespace Prorata.Integrations.ReconFiles;

/// <summary>The two shapes Microsoft delivers: CSV from the Partner Center portal, gzip JSON Lines from the Graph billing export.</summary>
public enum ReconFileFormat
{
    Csv,
    GzipJsonLines,
}
