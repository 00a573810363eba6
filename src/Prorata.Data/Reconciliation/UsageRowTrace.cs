namespace Prorata.Data.Reconciliation;

/// <summary>
/// A Microsoft usage row traced forward to the customer invoice line that billed it, or why none has:
/// <see cref="State"/> is <c>billed</c>, <c>notBilledYet</c> or <c>noSubscription</c> (its Azure plan is not in Prorata).
/// </summary>
public sealed record UsageRowTrace(
    UsageRow Row,
    UsageImport Import,
    string State,
    string Explanation,
    Guid? InvoiceId,
    string? InvoiceNumber,
    DateOnly? BillingDate,
    int? Position,
    decimal? LineAmount);
