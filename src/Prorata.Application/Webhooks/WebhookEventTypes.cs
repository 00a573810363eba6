namespace Prorata.Application.Webhooks;

/// <summary>
/// The events a webhook subscription can receive (docs/webhooks.md lists each one's data). A subscription stores the
/// types it wants comma-separated in this order, or <see cref="All"/>.
/// </summary>
public static class WebhookEventTypes
{
    public const string InvoiceIssued = "invoice.issued";
    public const string CreditNoteIssued = "creditNote.issued";
    public const string PaymentRecorded = "payment.recorded";
    public const string SubscriptionChanged = "subscription.changed";
    public const string CustomerChanged = "customer.changed";
    public const string ContractChanged = "contract.changed";
    public const string InvoiceVoided = "invoice.voided";
    public const string PaymentReversed = "payment.reversed";

    /// <summary>Every type, including those added later.</summary>
    public const string All = "*";

    public static readonly IReadOnlyList<string> Known =
        [InvoiceIssued, CreditNoteIssued, PaymentRecorded, SubscriptionChanged, CustomerChanged, ContractChanged, InvoiceVoided, PaymentReversed];

    /// <summary>Whether a subscription's stored types include <paramref name="type"/>.</summary>
    public static bool Includes(string subscribed, string type) =>
        subscribed == All || subscribed.Split(',').Contains(type, StringComparer.Ordinal);

    /// <summary>The stored types as a list: <see cref="All"/> alone, or the types in the catalogue's order.</summary>
    public static IReadOnlyList<string> Parse(string subscribed) => subscribed == All ? [All] : subscribed.Split(',');
}
