namespace Prorata.Integrations.GoCardless;

/// <summary>
/// One collection of an invoice. <see cref="Amount"/> is in minor units (pence, cents). <see cref="IdempotencyKey"/> must be
/// the same every time this invoice's attempt is sent (derive it from invoice and attempt, store it before sending): GoCardless
/// then creates the payment once, however often it is sent. <see cref="InvoiceId"/> and <see cref="Attempt"/> are kept on the
/// payment as metadata (prorata_invoice, prorata_attempt) so it can be found again. <see cref="ChargeDate"/> null lets
/// GoCardless take the earliest date the mandate allows.
/// </summary>
public sealed record CollectRequest(
    string MandateId,
    long Amount,
    string Currency,
    string IdempotencyKey,
    string InvoiceId,
    int Attempt,
    string? Reference = null,
    string? Description = null,
    DateOnly? ChargeDate = null);
