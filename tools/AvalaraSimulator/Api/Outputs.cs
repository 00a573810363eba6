namespace AvalaraSimulator.Api;

// AvaTax REST v2 answers (TransactionModel, TransactionLineModel, TransactionLineDetailModel, AddressResolutionModel,
// ValidatedAddressInfo, AvaTaxMessage), with the fields the simulator knows; null fields are left out as AvaTax does.

public sealed record TransactionOutput
{
    public long Id { get; init; }
    public required string Code { get; init; }
    public int CompanyId { get; init; }
    public DateOnly Date { get; init; }
    public DateOnly TaxDate { get; init; }
    public required string Status { get; init; }
    public required string Type { get; init; }
    public string? CurrencyCode { get; init; }
    public string? CustomerVendorCode { get; init; }
    public string? CustomerCode { get; init; }
    public string? ExemptNo { get; init; }
    public string? ReferenceCode { get; init; }
    public string? BusinessIdentificationNo { get; init; }
    public string? AdjustmentReason { get; init; }
    public string? AdjustmentDescription { get; init; }
    public decimal TotalAmount { get; init; }
    public decimal TotalExempt { get; init; }
    public decimal TotalTax { get; init; }
    public decimal TotalTaxable { get; init; }
    public decimal TotalTaxCalculated { get; init; }
    public bool Locked { get; init; }
    public int Version { get; init; }
    public DateTimeOffset ModifiedDate { get; init; }
    public IReadOnlyList<LineOutput>? Lines { get; init; }
}

public sealed record LineOutput
{
    public long Id { get; init; }
    public long TransactionId { get; init; }
    public required string LineNumber { get; init; }
    public string? Description { get; init; }
    public string? ItemCode { get; init; }
    public string? TaxCode { get; init; }
    public decimal Quantity { get; init; }
    public decimal LineAmount { get; init; }
    public decimal Tax { get; init; }
    public decimal TaxableAmount { get; init; }
    public decimal ExemptAmount { get; init; }
    public decimal TaxCalculated { get; init; }
    public IReadOnlyList<DetailOutput>? Details { get; init; }
}

public sealed record DetailOutput
{
    public required string Country { get; init; }
    public string? Region { get; init; }
    public required string JurisType { get; init; }
    public required string JurisName { get; init; }
    public required string TaxName { get; init; }
    public decimal Rate { get; init; }
    public decimal Tax { get; init; }
    public decimal TaxableAmount { get; init; }
    public decimal ExemptAmount { get; init; }
    public decimal TaxCalculated { get; init; }
}

public sealed record AddressResolutionOutput(
    AddressInput Address, IReadOnlyList<ValidatedAddressOutput> ValidatedAddresses, string ResolutionQuality, IReadOnlyList<MessageOutput>? Messages);

public sealed record ValidatedAddressOutput(
    string AddressType, string? Line1, string? Line2, string? Line3, string? City, string? Region, string? Country, string? PostalCode);

public sealed record MessageOutput(string Summary, string Details, string RefersTo, string Severity, string Source);
