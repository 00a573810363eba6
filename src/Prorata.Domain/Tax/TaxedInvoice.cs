using Prorata.Domain.Billing;

namespace Prorata.Domain.Tax;

/// <summary>
/// An engine invoice with its tax: <see cref="LineTaxes"/>[i] is the tax of <c>Invoice.Lines[i]</c> (negative on a credit
/// line). Subtotal = Σ line amounts; Total = Subtotal + Σ line taxes (billing-rules §5).
/// </summary>
public sealed record TaxedInvoice(Invoice Invoice, TaxDecision Decision, IReadOnlyList<decimal> LineTaxes)
{
    public TaxTreatment Treatment => Decision.Treatment;

    public decimal Subtotal => Invoice.Total;

    public decimal TaxTotal => LineTaxes.Sum();

    public decimal Total => Subtotal + TaxTotal;
}
