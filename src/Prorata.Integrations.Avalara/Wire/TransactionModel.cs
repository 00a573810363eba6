namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's TransactionModel: what create, createoradjust, commit and void answer.</summary>
public sealed record TransactionModel
{
    public long? Id { get; init; }
    public int? CompanyId { get; init; }
    public string? Code { get; init; }
    public DateOnly? Date { get; init; }
    public DocumentStatus? Status { get; init; }
    public DocumentType? Type { get; init; }
    public string? CurrencyCode { get; init; }
    public string? CustomerCode { get; init; }
    public string? ReferenceCode { get; init; }
    public decimal? TotalAmount { get; init; }
    public decimal? TotalTax { get; init; }
    public int? Version { get; init; }
    public IReadOnlyList<TransactionLineModel>? Lines { get; init; }
}
