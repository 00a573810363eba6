using Prorata.Domain.Billing;
using Prorata.Domain.Money;
using Prorata.Domain.Tax;

namespace Prorata.Domain.Tests.Tax;

public class InvoiceTaxTests
{
    private static readonly TaxDecision NineteenPercent = TaxDecision.Standard(new TaxRate("DE", null, 19m, "USt", DateOnly.MinValue, null));

    private static InvoiceLine Line(InvoiceLineKind kind, decimal amount) =>
        new("S1", kind, new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28), 5, 27.50m, amount, 28, 28, "CFQ7TTC0LCHC", "0002", null);

    private static Invoice Invoice(params InvoiceLine[] lines) => new("K1", new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 3), "EUR", lines);

    [Fact]
    public void Apply_Lines_TaxEachLineAndTotalTheRoundedTaxes()
    {
        // 4.44 × 19 % = 0.8436 → 0.84; 137.50 × 19 % = 26.125 → 26.13; tax on the subtotal would be 26.9686 → 26.97 too,
        // but the invoice's tax is the sum of its lines' taxes.
        var taxed = InvoiceTax.Apply(Invoice(Line(InvoiceLineKind.Recurring, 4.44m), Line(InvoiceLineKind.Recurring, 137.50m)), NineteenPercent, Currency.FromCode("EUR"));

        Assert.Equal([0.84m, 26.13m], taxed.LineTaxes);
        Assert.Equal((141.94m, 26.97m, 168.91m), (taxed.Subtotal, taxed.TaxTotal, taxed.Total));
        Assert.Equal(TaxTreatment.Standard, taxed.Treatment);
    }

    [Fact]
    public void Apply_TaxPerLine_DiffersFromTaxOnTheSubtotal()
    {
        // Three lines of 0.50: 0.095 → 0.10 each, 0.30 in all; 19 % of the 1.50 subtotal would be 0.285 → 0.29.
        var taxed = InvoiceTax.Apply(Invoice(Line(InvoiceLineKind.Recurring, 0.50m), Line(InvoiceLineKind.Adjustment, 0.50m), Line(InvoiceLineKind.Usage, 0.50m)),
            NineteenPercent, Currency.FromCode("EUR"));

        Assert.Equal((1.50m, 0.30m, 1.80m), (taxed.Subtotal, taxed.TaxTotal, taxed.Total));
    }

    [Fact]
    public void Apply_CreditLine_CarriesNegativeTax()
    {
        var taxed = InvoiceTax.Apply(Invoice(Line(InvoiceLineKind.Credit, -141.94m), Line(InvoiceLineKind.Credit, -0.50m)), NineteenPercent, Currency.FromCode("EUR"));

        // −141.94 × 19 % = −26.9686 → −26.97; −0.50 × 19 % = −0.095 → −0.10.
        Assert.Equal([-26.97m, -0.10m], taxed.LineTaxes);
        Assert.Equal((-142.44m, -27.07m, -169.51m), (taxed.Subtotal, taxed.TaxTotal, taxed.Total));
    }

    [Fact]
    public void Apply_ReverseCharge_NoTaxAndTotalIsTheSubtotal()
    {
        var taxed = InvoiceTax.Apply(Invoice(Line(InvoiceLineKind.Recurring, 300m)), TaxDecision.Untaxed(TaxTreatment.ReverseCharge), Currency.FromCode("EUR"));

        Assert.Equal([0m], taxed.LineTaxes);
        Assert.Equal((300m, 0m, 300m, TaxTreatment.ReverseCharge), (taxed.Subtotal, taxed.TaxTotal, taxed.Total, taxed.Treatment));
    }

    [Fact]
    public void Apply_OtherCurrency_Throws()
    {
        Assert.Throws<ArgumentException>(() => InvoiceTax.Apply(Invoice(Line(InvoiceLineKind.Recurring, 1m)), NineteenPercent, Currency.FromCode("USD")));
    }
}
