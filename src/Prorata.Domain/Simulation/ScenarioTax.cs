using Prorata.Domain.Billing;
using Prorata.Domain.Money;
using Prorata.Domain.Tax;

namespace Prorata.Domain.Simulation;

/// <summary>
/// A scenario's tax setup (docs/scenarios.md, "Tax"): the partner's legal entity, the rate table and each customer as
/// tax sees it (a customer whose file gives no country has an empty one: noRate unless exempt).
/// </summary>
public sealed record ScenarioTax(TaxParty Seller, TaxRateTable Rates, IReadOnlyDictionary<string, TaxParty> Customers)
{
    /// <summary>The invoice of <paramref name="contract"/> with the tax its customer owes on the invoice's date.</summary>
    public TaxedInvoice Apply(Invoice invoice, BillingContract contract)
    {
        var decision = TaxRules.Decide(Seller, Customers[contract.CustomerId], Rates, invoice.Date);
        return InvoiceTax.Apply(invoice, decision, Currency.FromCode(invoice.Currency));
    }
}
