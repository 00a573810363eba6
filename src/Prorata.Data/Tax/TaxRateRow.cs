namespace Prorata.Data.Tax;

/// <summary>
/// One row of the built-in rate table (billing-rules §5): the rate of a country, or of a region within it, from a date
/// and until a date (inclusive; none: still in force). An invoice takes the row in force on its date.
/// </summary>
public sealed class TaxRateRow
{
    public Guid Id { get; set; }

    public required string Country { get; set; }

    public string? Region { get; set; }

    /// <summary>Percent: 19 for 19 %.</summary>
    public decimal Rate { get; set; }

    /// <summary>The tax's name as invoices print it ("USt", "TVA", "WA sales tax").</summary>
    public required string Name { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
