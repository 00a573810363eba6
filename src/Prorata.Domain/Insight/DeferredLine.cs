namespace Prorata.Domain.Insight;

/// <summary>
/// An issued invoice or credit-note line as revenue: billed on <paramref name="Billed"/> (the document's date), earned over
/// its service days <paramref name="ServiceStart"/>..<paramref name="ServiceEnd"/> (both inclusive). Amount before tax; a
/// credit is negative.
/// </summary>
public sealed record DeferredLine(string LegalEntity, string Currency, DateOnly Billed, DateOnly ServiceStart, DateOnly ServiceEnd, decimal Amount);
