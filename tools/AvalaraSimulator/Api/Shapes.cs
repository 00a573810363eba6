namespace AvalaraSimulator.Api;

// AvaTax REST v2 request bodies, as the published models name their fields (CreateTransactionModel, LineItemModel,
// AddressesModel/AddressLocationInfo, TaxOverrideModel, CreateOrAdjustTransactionModel, CommitTransactionModel,
// VoidTransactionModel, RefundTransactionModel, AddressValidationInfo). Enumerations arrive as their names.

public sealed record CreateTransactionInput
{
    public string? Type { get; init; }
    public string? CompanyCode { get; init; }
    public string? Code { get; init; }
    public DateOnly? Date { get; init; }
    public string? CustomerCode { get; init; }
    public string? CurrencyCode { get; init; }
    public AddressesInput? Addresses { get; init; }
    public List<LineInput>? Lines { get; init; }
    public bool? Commit { get; init; }
    public string? ExemptionNo { get; init; }
    public string? BusinessIdentificationNo { get; init; }
    public string? ReferenceCode { get; init; }
    public TaxOverrideInput? TaxOverride { get; init; }
}

public sealed record CreateOrAdjustInput(string? AdjustmentReason, string? AdjustmentDescription, CreateTransactionInput? CreateTransactionModel);

public sealed record AddressesInput(AddressInput? SingleLocation, AddressInput? ShipFrom, AddressInput? ShipTo);

public sealed record AddressInput(
    string? Line1, string? Line2, string? Line3, string? City, string? Region, string? Country, string? PostalCode, string? TextCase = null);

public sealed record LineInput(string? Number, decimal? Quantity, decimal Amount, string? TaxCode, string? ItemCode, string? Description);

public sealed record TaxOverrideInput(string? Type, DateOnly? TaxDate, string? Reason);

public sealed record CommitInput(bool Commit);

public sealed record VoidInput(string? Code);

public sealed record RefundInput(
    string? RefundTransactionCode, DateOnly? RefundDate, string? RefundType, decimal? RefundPercentage, List<string>? RefundLines, string? ReferenceCode);
