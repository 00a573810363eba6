using Microsoft.EntityFrameworkCore;
using Prorata.Application.Tax;
using Prorata.Data;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.LegalEntities;
using Prorata.Domain.Money;
using Prorata.Domain.Tax;

namespace Prorata.Application.Invoices;

/// <summary>
/// The tax of a stored invoice (billing-rules §5): decided once per invoice from its seller, its buyer's billing profile
/// and the rate table in force on its date, then computed per line. A draft is taxed when it is made and again when it
/// is issued, so a rate or a profile corrected in between is what the customer receives.
/// </summary>
public static class InvoiceTaxation
{
    public const string TableSource = "table";
    public const string AvalaraSource = "avalara";

    public static TaxParty Seller(LegalEntity entity) => new(entity.Country ?? "", entity.Region, entity.TaxId, TaxExempt: false);

    public static TaxParty Buyer(Customer customer) => new(customer.BillingCountry ?? "", customer.BillingRegion, customer.TaxId, customer.TaxExempt);

    public static async Task<TaxRateTable> RateTableAsync(ProrataDbContext db, CancellationToken cancellationToken) =>
        new((await db.TaxRates.AsNoTracking().ToListAsync(cancellationToken))
            .Select(r => new TaxRate(r.Country.Trim(), r.Region, r.Rate, r.Name, r.EffectiveFrom, r.EffectiveTo)).ToList());

    public static TaxDecision Decide(LegalEntity seller, Customer buyer, TaxRateTable table, DateOnly invoiceDate) =>
        TaxRules.Decide(Seller(seller), Buyer(buyer), table, invoiceDate);

    /// <summary>Sets each line's tax and the invoice's totals and treatment from a decision of the rate table.</summary>
    public static void Apply(CustomerInvoice invoice, TaxDecision decision)
    {
        var currency = Currency.FromCode(invoice.Currency);
        foreach (var line in invoice.Lines)
        {
            line.Tax = TaxRules.LineTax(line.Amount, decision, currency);
            line.TaxRate = decision.Rate?.Rate ?? 0m;
            line.TaxName = decision.Rate?.Name;
        }
        Total(invoice, decision.Treatment, TableSource);
    }

    /// <summary>Sets each line's tax from the provider's answer (matched by line number) and the invoice's totals.</summary>
    public static void Apply(CustomerInvoice invoice, ProviderTax answer, TaxTreatment treatment)
    {
        var byNumber = answer.Lines.ToDictionary(l => l.Number, StringComparer.Ordinal);
        foreach (var line in invoice.Lines)
        {
            var tax = byNumber.TryGetValue(LineNumber(line), out var found)
                ? found
                : throw new TaxProviderRefusedException($"The tax provider's answer has no line {LineNumber(line)} of invoice {invoice.Id}.");
            line.Tax = tax.Tax;
            line.TaxRate = tax.Rate;
            line.TaxName = tax.Name;
        }
        Total(invoice, treatment, AvalaraSource);
    }

    /// <summary>
    /// A credit note reverses the tax its invoice charged: each line keeps the rate of the line it credits (set when the
    /// note is drafted), whatever the table says on the note's own date.
    /// </summary>
    public static void ApplyCredit(CustomerInvoice note)
    {
        var currency = Currency.FromCode(note.Currency);
        foreach (var line in note.Lines) line.Tax = Rounding.Customer(line.Amount * line.TaxRate / 100m, currency);
        Total(note, note.TaxTreatment ?? TaxTreatment.NoRate, note.TaxSource ?? TableSource);
    }

    /// <summary>The invoice as Avalara needs it: its id is the document's code, so asking again finds the same transaction.</summary>
    public static TaxDocument ProviderDocument(CustomerInvoice invoice, LegalEntity seller, Customer buyer, Guid? creditedId, DateOnly? creditedDate) => new(
        seller.AvalaraCompanyCode!,
        invoice.Id.ToString(),
        invoice.Kind == InvoiceKind.CreditNote ? TaxDocumentType.CreditNote : TaxDocumentType.Invoice,
        invoice.BillingDate,
        invoice.Currency,
        buyer.Id.ToString(),
        Address(seller.Address!),
        Address(buyer.BillingAddress ?? throw new TaxProviderRefusedException($"Customer '{buyer.Name}' has no billing address for Avalara to tax against; add it to the customer.")),
        buyer.TaxId,
        buyer.TaxExempt ? buyer.TaxExemptionCertificate : null,
        invoice.Lines.OrderBy(l => l.Position).Select(l => new TaxDocumentLine(LineNumber(l), l.Amount, Math.Abs(l.Quantity), $"{l.ProductId}:{l.SkuId}", l.Description ?? l.ProductId, null)).ToList(),
        creditedId?.ToString(),
        creditedDate);

    private static TaxAddress Address(Domain.Parties.PostalAddress a) => new(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country);

    /// <summary>The line number a provider sees: the line's position, from 1.</summary>
    public static string LineNumber(CustomerInvoiceLine line) => (line.Position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Subtotal, tax and total again from the lines as they are.</summary>
    public static void ApplyTotals(CustomerInvoice invoice) => Total(invoice, invoice.TaxTreatment ?? TaxTreatment.NoRate, invoice.TaxSource ?? TableSource);

    private static void Total(CustomerInvoice invoice, TaxTreatment treatment, string source)
    {
        invoice.Subtotal = invoice.Lines.Sum(l => l.Amount);
        invoice.TaxTotal = invoice.Lines.Sum(l => l.Tax);
        invoice.Total = invoice.Subtotal + invoice.TaxTotal;
        invoice.TaxTreatment = treatment;
        invoice.TaxSource = source;
    }
}
