namespace Prorata.Data.Insight;

/// <summary>
/// A margin floor Finance set (billing-rules §5 leaves it to the partner): for one product, or for every product without
/// one of its own (<c>*</c>). A line billed under cost × (1 + Percent ÷ 100) becomes a work item.
/// </summary>
public sealed class ProductMarginFloor
{
    /// <summary>The catalog product's id, or <c>*</c> for the partner's floor.</summary>
    public required string ProductId { get; set; }

    /// <summary>Percent of the provider cost, 0 to 1000.</summary>
    public decimal Percent { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
