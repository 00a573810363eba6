namespace Prorata.Integrations.Stripe;

/// <summary>
/// A payment method saved for off-session charges, as much as may be shown: its type (card, sepa_debit), the card's brand,
/// last four digits and expiry, or the IBAN's last four digits. Never the number itself.
/// </summary>
public sealed record SavedPaymentMethod(
    string Id,
    string Type,
    string StripeCustomerId,
    string Last4,
    string? CardBrand,
    int? ExpMonth,
    int? ExpYear);
