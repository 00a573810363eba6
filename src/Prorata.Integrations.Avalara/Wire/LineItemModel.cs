namespace Prorata.Integrations.Avalara.Wire;

/// <summary>
/// AvaTax's LineItemModel. <see cref="Amount"/> is the line's total, positive on a sale and negative on a return;
/// <see cref="Quantity"/> is always positive, even on a return.
/// </summary>
public sealed record LineItemModel
{
    public string? Number { get; init; }
    public decimal? Quantity { get; init; }
    public decimal Amount { get; init; }
    public string? TaxCode { get; init; }
    public string? ItemCode { get; init; }
    public string? Description { get; init; }
}
