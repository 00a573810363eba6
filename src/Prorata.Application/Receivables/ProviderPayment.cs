using Prorata.Data.Receivables;

namespace Prorata.Application.Receivables;

/// <summary>A payment a provider collected (a Stripe PaymentIntent, a GoCardless payment), recorded once by its id.</summary>
public sealed record ProviderPayment(
    Guid CustomerId, PaymentProvider Provider, string ProviderPaymentId, decimal Amount, string Currency, DateTimeOffset ReceivedAt, PaymentMethodKind Method, Guid? InvoiceId);
