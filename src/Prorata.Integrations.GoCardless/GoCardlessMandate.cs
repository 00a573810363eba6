namespace Prorata.Integrations.GoCardless;

/// <summary>
/// A Direct Debit mandate (MD…) as Prorata keeps it: GoCardless's status (pending_submission, submitted, active, failed,
/// cancelled, expired…), its scheme, GoCardless's customer (CU…), and the bank account's last digits when GoCardless
/// gives them, to show the customer which account pays. Bank details themselves never reach Prorata.
/// </summary>
public sealed record GoCardlessMandate(
    string Id, string Status, string Scheme, string CustomerId, string? AccountNumberEnding, DateOnly? NextPossibleChargeDate);
