using Prorata.Data.Commissions;
using Prorata.Data.Invoices;
using Prorata.Domain.Insight;

namespace Prorata.Application.Commissions;

/// <summary>
/// One entry of the commission ledger: what one invoice line earns its salesperson, or one instalment of it (payout
/// <c>cash</c>), payable on <see cref="PayableOn"/>; negative on a credit note or a negative line (a clawback).
/// <see cref="Commission"/> is null when a margin plan met a line whose cost is not known: it earns nothing until someone
/// looks at it, and it is listed so that nobody takes it for 0.
/// </summary>
public sealed record CommissionEntry
{
    public required Guid SalespersonId { get; init; }

    public required string SalespersonName { get; init; }

    public required Guid ContractId { get; init; }

    public required Guid CustomerId { get; init; }

    public required string CustomerName { get; init; }

    public required Guid InvoiceId { get; init; }

    public required string? InvoiceNumber { get; init; }

    public required InvoiceKind InvoiceKind { get; init; }

    public required DateOnly InvoiceDate { get; init; }

    public required long InvoiceLineId { get; init; }

    /// <summary>1-based, as the invoice prints it.</summary>
    public required int LinePosition { get; init; }

    public required Guid SubscriptionId { get; init; }

    public required DateOnly PeriodStart { get; init; }

    public required DateOnly PeriodEnd { get; init; }

    public required string ProductId { get; init; }

    public required string SkuId { get; init; }

    public required Guid PlanId { get; init; }

    public required CommissionBasis Basis { get; init; }

    public required decimal Rate { get; init; }

    /// <summary>The line's amount (revenue) or gross profit (margin) in currency precision; null when the cost is not known.</summary>
    public required decimal? BasisAmount { get; init; }

    public required decimal? Commission { get; init; }

    public required string Currency { get; init; }

    public required DateOnly PayableOn { get; init; }

    public required CommissionEntryKind Kind { get; init; }

    /// <summary>On a statement: payable in an earlier month approved before it appeared (only what that month did not pay).</summary>
    public bool Late { get; init; }
}
