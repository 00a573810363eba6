namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's CreateTransactionModel (the fields Prorata sends).</summary>
public sealed record CreateTransactionModel
{
    public DocumentType Type { get; init; }
    public string? CompanyCode { get; init; }
    public string? Code { get; init; }
    public DateOnly Date { get; init; }
    public string? CustomerCode { get; init; }
    public string? CurrencyCode { get; init; }
    public AddressesModel? Addresses { get; init; }
    public IReadOnlyList<LineItemModel> Lines { get; init; } = [];
    public bool? Commit { get; init; }
    public string? ExemptionNo { get; init; }
    public string? BusinessIdentificationNo { get; init; }

    /// <summary>On a ReturnInvoice, the original invoice's code.</summary>
    public string? ReferenceCode { get; init; }

    public TaxOverrideModel? TaxOverride { get; init; }
}
