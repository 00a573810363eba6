using System.Globalization;

namespace Prorata.Integrations.Stripe.Webhooks;

/// <summary>
/// A PaymentIntent as the event carried it. <see cref="FailureCode"/> is the decline code or error code of its last failed
/// attempt (a SEPA debit that bounced, a declined card); <see cref="InvoiceId"/> and <see cref="Attempt"/> come from the
/// metadata Prorata set when charging.
/// </summary>
public sealed record PaymentIntentSnapshot(
    string Id,
    string Status,
    long Amount,
    long AmountReceived,
    string Currency,
    IReadOnlyDictionary<string, string> Metadata,
    string? FailureCode,
    string? FailureMessage)
{
    public string? InvoiceId => Metadata.GetValueOrDefault(StripeGateway.InvoiceMetadataKey);

    public int? Attempt =>
        int.TryParse(Metadata.GetValueOrDefault(StripeGateway.AttemptMetadataKey), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
            ? attempt
            : null;
}
