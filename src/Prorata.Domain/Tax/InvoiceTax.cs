using Prorata.Domain.Billing;
using Prorata.Domain.Money;

namespace Prorata.Domain.Tax;

/// <summary>Puts a decided tax on an engine invoice, line by line.</summary>
public static class InvoiceTax
{
    /// <summary>Each line's tax (<see cref="TaxRules.LineTax"/>), in the invoice's line order.</summary>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not the invoice's currency.</exception>
    public static TaxedInvoice Apply(Invoice invoice, TaxDecision decision, Currency currency)
    {
        if (!string.Equals(invoice.Currency, currency.Code, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The invoice is in {invoice.Currency}, not {currency.Code}.", nameof(currency));
        var taxes = new decimal[invoice.Lines.Count];
        for (var i = 0; i < taxes.Length; i++)
            taxes[i] = TaxRules.LineTax(invoice.Lines[i].Amount, decision, currency);
        return new TaxedInvoice(invoice, decision, taxes);
    }
}
