namespace Prorata.Application.Receivables;

/// <summary>The outbox payload asking for a customer's receivables to be computed again, because <see cref="InvoiceId"/> was issued or voided.</summary>
public sealed record ReceivablesUpdate(Guid CustomerId, Guid InvoiceId)
{
    public static string Key(Guid invoiceId, string why) => $"receivables:{invoiceId}:{why}";
}
