namespace Prorata.Application.Receivables.Collection;

/// <summary>The outbox payload of an auto-charge: the invoice and which attempt (1, then the retries).</summary>
public sealed record AutoChargeRequest(Guid InvoiceId, int Attempt)
{
    public string Key => $"auto-charge:{InvoiceId}:{Attempt}";
}
