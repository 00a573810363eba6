using Prorata.Domain.Money;

namespace Prorata.Domain.Tax;

/// <summary>Which tax an invoice carries (billing-rules §5, first case that applies wins) and the tax of one line.</summary>
public static class TaxRules
{
    /// <summary>
    /// (1) exempt customer → exempt; (2) seller and customer in the EU, in different countries, customer with a tax id →
    /// reverse charge; (3) EU seller, customer outside the EU → outside scope; (4) the table's row in force on
    /// <paramref name="invoiceDate"/> for (customer country, region), else (customer country) → standard; none → noRate.
    /// A customer whose country is not recorded (empty) is noRate unless exempt: without a country neither the EU cases
    /// nor the table can be judged, and calling it "outside the EU" would drop tax silently. The tax id is only required
    /// to be present here; its shape is checked where it is typed (<see cref="TaxIdFormat"/>).
    /// </summary>
    public static TaxDecision Decide(TaxParty seller, TaxParty customer, TaxRateTable table, DateOnly invoiceDate)
    {
        if (customer.TaxExempt) return TaxDecision.Untaxed(TaxTreatment.Exempt);
        if (string.IsNullOrWhiteSpace(customer.Country)) return TaxDecision.Untaxed(TaxTreatment.NoRate);

        var sellerInEu = EuMemberStates.Contains(seller.Country);
        var customerInEu = EuMemberStates.Contains(customer.Country);
        if (sellerInEu && customerInEu && !string.Equals(seller.Country, customer.Country, StringComparison.OrdinalIgnoreCase) && customer.HasTaxId)
            return TaxDecision.Untaxed(TaxTreatment.ReverseCharge);
        if (sellerInEu && !customerInEu) return TaxDecision.Untaxed(TaxTreatment.OutsideScope);

        return table.Find(customer.Country, customer.Region, invoiceDate) is { } rate
            ? TaxDecision.Standard(rate)
            : TaxDecision.Untaxed(TaxTreatment.NoRate);
    }

    /// <summary>
    /// A line's tax: amount × rate / 100 computed exactly and rounded once, half away from zero, to the currency's minor
    /// units (billing-rules §1): 19 % of 0.50 = 0.095 → 0.10; of a −0.50 credit → −0.10. No rate, no tax.
    /// </summary>
    public static decimal LineTax(decimal amount, TaxDecision decision, Currency currency) =>
        decision.Rate is { } rate ? Rounding.Customer(amount * rate.Rate / 100m, currency) : 0m;
}
