namespace Prorata.Integrations.GoCardless;

/// <summary>
/// A payment (PM…) and the invoice and attempt it collects, read back from its metadata (null on a payment Prorata did not
/// create). <see cref="ChargeDate"/> is when GoCardless takes the money from the customer's account.
/// </summary>
public sealed record GoCardlessPayment(
    string Id,
    GoCardlessPaymentStatus Status,
    DateOnly ChargeDate,
    long Amount,
    string Currency,
    string MandateId,
    string? InvoiceId,
    int? Attempt);
