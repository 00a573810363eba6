namespace AvalaraSimulator.State;

/// <summary>A transaction as the simulator keeps it. Status is Temporary (an order, never kept), Saved, Committed or Cancelled.</summary>
public sealed record SimTransaction
{
    public long Id { get; init; }
    public required string CompanyCode { get; init; }
    public int CompanyId { get; init; }
    public required string Code { get; init; }
    public required string Type { get; init; }
    public required string Status { get; init; }
    public int Version { get; init; } = 1;
    public DateOnly Date { get; init; }
    public DateOnly TaxDate { get; init; }
    public string? CurrencyCode { get; init; }
    public string? CustomerCode { get; init; }
    public string? ExemptNo { get; init; }
    public string? ReferenceCode { get; init; }
    public string? BusinessIdentificationNo { get; init; }
    public string? AdjustmentReason { get; init; }
    public string? AdjustmentDescription { get; init; }
    public required IReadOnlyList<SimLine> Lines { get; init; }
    public DateTimeOffset ModifiedDate { get; init; }

    public TransactionKey Key => TransactionKey.Of(CompanyCode, Code, Type);

    public decimal TotalTax => Lines.Sum(l => l.Tax.Tax);
}
