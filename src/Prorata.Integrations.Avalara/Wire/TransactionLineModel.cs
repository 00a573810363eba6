namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's TransactionLineModel (the fields Prorata reads).</summary>
public sealed record TransactionLineModel
{
    public string? LineNumber { get; init; }
    public decimal? LineAmount { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? Tax { get; init; }
    public decimal? TaxableAmount { get; init; }
    public string? TaxCode { get; init; }
    public string? ItemCode { get; init; }
    public IReadOnlyList<TransactionLineDetailModel>? Details { get; init; }
}
