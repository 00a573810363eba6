using Prorata.Application.Receivables;

namespace Prorata.Web.Features.Receivables;

/// <summary>The customer page's "record a payment" form; property names match the use case's field names so refusals land next to their field.</summary>
public sealed class PaymentForm
{
    public string? Amount { get; set; }

    public string? Currency { get; set; }

    public DateOnly? ReceivedAt { get; set; }

    public string? Method { get; set; } = "bankTransfer";

    public string? Reference { get; set; }

    /// <summary>The invoice the customer said it pays (its id), or empty.</summary>
    public string? InvoiceId { get; set; }

    /// <summary>The draft, or the field that could not be read as typed and why (the use case never sees text it cannot parse).</summary>
    public (PaymentDraft? Draft, string? Field, string? Problem) ToDraft()
    {
        if (!FormNumbers.TryParse(Amount, out var amount)) return (null, "amount", $"amount must be a number such as 1250.00; got '{Amount}'.");
        Guid? invoice = null;
        if (!string.IsNullOrWhiteSpace(InvoiceId))
        {
            if (!Guid.TryParse(InvoiceId, out var id)) return (null, "invoiceId", $"invoiceId must be an invoice of the customer; got '{InvoiceId}'.");
            invoice = id;
        }
        // A day, as Finance reads it off the bank statement: the payment counts from its start (UTC).
        DateTimeOffset? received = ReceivedAt is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        return (new PaymentDraft(amount, Currency, received, Method, Reference, invoice), null, null);
    }
}
