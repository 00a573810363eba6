using Prorata.Domain.Billing;

namespace Prorata.Domain.Reconciliation;

/// <summary>
/// One line of Microsoft's new-commerce invoice reconciliation file (microsoft-csp.md §2.1), typed for matching.
/// <see cref="Row"/> is the 1-based line of the file (the CSV header is row 1; in JSON Lines the first record is row 1).
/// Amounts keep Microsoft's sign: refunds are negative. Dates are UTC calendar dates, periods inclusive.
/// Columns the matcher does not need, and columns Microsoft may add later, are kept in <see cref="Extra"/>.
/// </summary>
public sealed record ReconLine
{
    public required long Row { get; init; }
    public string PartnerId { get; init; } = "";
    public required string CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
    public string InvoiceNumber { get; init; } = "";
    public string OrderId { get; init; } = "";
    public DateOnly? OrderDate { get; init; }
    public string ProductId { get; init; } = "";
    public string SkuId { get; init; } = "";
    public string ProductName { get; init; } = "";
    public string SkuName { get; init; } = "";
    public required string SubscriptionId { get; init; }
    public string SubscriptionDescription { get; init; } = "";

    /// <summary>The ChargeType: camelCase when Prorata knows it (Microsoft writes both <c>new</c> and <c>New</c>), else as written.</summary>
    public required string ChargeTypeName { get; init; }

    /// <summary>The parsed charge type, or null for a type Prorata never expects (customerCredit, extendTerm, …).</summary>
    public ChargeType? ChargeType { get; init; }

    public required DateOnly ChargeStartDate { get; init; }
    public required DateOnly ChargeEndDate { get; init; }
    public required decimal UnitPrice { get; init; }
    public decimal EffectiveUnitPrice { get; init; }
    public decimal Quantity { get; init; }
    public required decimal BillableQuantity { get; init; }
    public required decimal Subtotal { get; init; }
    public decimal TaxTotal { get; init; }
    public required decimal Total { get; init; }
    public required string Currency { get; init; }
    public decimal PcToBcExchangeRate { get; init; } = 1m;
    public string TermAndBillingCycle { get; init; } = "";
    public string BillingFrequency { get; init; } = "";
    public string ReferenceId { get; init; } = "";
    public string PromotionId { get; init; } = "";

    /// <summary>Every other column of the file, by its header name, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = [];
}
