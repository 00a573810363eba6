using Prorata.Data.Invoices;
using Prorata.Domain.Insight;

namespace Prorata.Data.Commissions;

/// <summary>
/// A ledger entry as an approved statement paid it. <see cref="PayableOn"/> is the entry's own date; a <see cref="Late"/>
/// entry is payable in an earlier month that was approved before it appeared, and carries only what that month's statement
/// did not pay.
/// </summary>
public sealed class CommissionStatementEntry
{
    public long Id { get; set; }

    public Guid StatementId { get; set; }

    public long InvoiceLineId { get; set; }

    public Guid InvoiceId { get; set; }

    public string? InvoiceNumber { get; set; }

    public InvoiceKind InvoiceKind { get; set; }

    public DateOnly InvoiceDate { get; set; }

    public Guid ContractId { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>The customer's name when the statement was approved.</summary>
    public required string CustomerName { get; set; }

    /// <summary>1-based, as the invoice prints it.</summary>
    public int LinePosition { get; set; }

    public Guid SubscriptionId { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public required string ProductId { get; set; }

    public required string SkuId { get; set; }

    public Guid PlanId { get; set; }

    public CommissionBasis Basis { get; set; }

    public decimal Rate { get; set; }

    /// <summary>What the rate applied to, in currency precision; null when a margin plan met a line of unknown cost.</summary>
    public decimal? BasisAmount { get; set; }

    /// <summary>Null: a margin plan on a line whose cost is not known earns nothing until someone looks at it.</summary>
    public decimal? Commission { get; set; }

    public required string Currency { get; set; }

    public DateOnly PayableOn { get; set; }

    public CommissionEntryKind Kind { get; set; }

    public bool Late { get; set; }
}
