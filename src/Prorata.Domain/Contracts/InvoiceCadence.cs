namespace Prorata.Domain.Contracts;

/// <summary>How often a billing contract issues an invoice (billing-rules §4).</summary>
public enum InvoiceCadence
{
    Monthly,
    Quarterly,
    Annual,
}
