namespace Prorata.Domain.Catalog;

/// <summary>Microsoft's NCE term (ISO-8601 in the API: P1M, P1Y, P3Y).</summary>
public enum TermDuration
{
    P1M = 1,
    P1Y = 12,
    P3Y = 36,
}
