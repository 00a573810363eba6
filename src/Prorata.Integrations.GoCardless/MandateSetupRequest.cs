namespace Prorata.Integrations.GoCardless;

/// <summary>
/// What Prorata knows when a customer chooses Direct Debit. <see cref="Currency"/> picks the scheme (GBP → Bacs, EUR → SEPA…)
/// unless <see cref="Scheme"/> names one. The customer comes back to <see cref="RedirectUri"/> when done, or to
/// <see cref="ExitUri"/> when they leave the hosted page.
/// </summary>
public sealed record MandateSetupRequest(
    string ProrataCustomerId, string Name, string Email, string Currency, Uri RedirectUri, Uri ExitUri, string? Scheme = null);
