using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Invoices.Documents;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Domain.Billing;
using Prorata.Domain.Money;
using Prorata.Domain.Tax;

namespace Prorata.Application.Invoices;

/// <summary>
/// Loads an invoice as its customer receives it. An issued one is drawn from what was frozen at issue (parties,
/// lines, tax); a draft from the records as they are now, so staff see what would go out.
/// </summary>
public static class InvoiceDocuments
{
    public static async Task<(CustomerInvoice Invoice, InvoiceDocument Document)?> LoadAsync(ProrataDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return null;
        var seller = await db.LegalEntities.AsNoTracking().FirstAsync(e => e.Id == invoice.LegalEntityId, cancellationToken);
        var logo = seller.LogoPng;
        // Issued: as frozen then; a draft: the records as they are now.
        var parties = IssuedParties.FromJson(invoice.IssuedParties)
            ?? IssuedParties.Of(seller, await db.BillingContracts.AsNoTracking().Where(c => c.Id == invoice.ContractId).Select(c => c.Customer!).FirstAsync(cancellationToken));
        var subscriptionIds = invoice.Lines.Select(l => l.SubscriptionId).Distinct().ToList();
        var titles = await db.Subscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);
        var credited = invoice.CreditedInvoiceId is { } creditedId
            ? await db.Invoices.AsNoTracking().Where(i => i.Id == creditedId).Select(i => new { i.Number, i.NumberPrefix, i.Kind, i.BillingDate }).FirstAsync(cancellationToken)
            : null;
        return (invoice, Build(invoice, parties, titles, credited is null ? null : (Display(credited.NumberPrefix, credited.Number), credited.BillingDate), logo));
    }

    public static InvoiceDocument Build(CustomerInvoice invoice, IssuedParties parties, IReadOnlyDictionary<Guid, string> titles,
        (string? Number, DateOnly Date)? credited, byte[]? logo)
    {
        var currency = Currency.FromCode(invoice.Currency);
        var treatment = invoice.TaxTreatment ?? TaxTreatment.NoRate;
        var lines = invoice.Lines.OrderBy(l => l.Position).Select(l => new InvoiceDocumentLine(
            l.Position + 1,
            l.Description ?? titles.GetValueOrDefault(l.SubscriptionId) ?? $"{l.ProductId} {l.SkuId}",
            Detail(l),
            l.PeriodStart,
            l.PeriodEnd,
            l.Quantity,
            Rounding.Customer(l.UnitPrice, currency),
            l.Amount,
            l.TaxRate,
            l.Tax,
            Category(treatment, l.TaxRate),
            InvoiceArithmetic.Of(l))).ToList();
        var summary = invoice.Lines
            .GroupBy(l => (Category: Category(treatment, l.TaxRate), l.TaxRate, Name: l.TaxName ?? TreatmentName(treatment)))
            .OrderBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.TaxRate)
            .Select(g => new TaxSummaryRow(g.Key.Category, g.Key.TaxRate, g.Key.Name, g.Sum(l => l.Amount), g.Sum(l => l.Tax)))
            .ToList();
        return new InvoiceDocument(
            invoice.Id,
            invoice.Kind == InvoiceKind.CreditNote ? InvoiceDocumentKind.CreditNote : InvoiceDocumentKind.Invoice,
            invoice.DisplayNumber,
            invoice.BillingDate,
            invoice.DueDate,
            currency.Code,
            currency.MinorUnits,
            parties.Seller,
            parties.Buyer,
            credited?.Number,
            credited?.Date,
            treatment,
            lines,
            summary,
            invoice.Subtotal,
            invoice.TaxTotal,
            invoice.Total,
            parties.Payment,
            logo);
    }

    /// <summary>
    /// UN/CEFACT 5305 as EN 16931 uses it: S standard (Z at a zero rate), AE reverse charge, G export outside the EU,
    /// E exempt; O (outside the scope of tax) where no rate was decided or the invoice predates Prorata's tax.
    /// </summary>
    public static string Category(TaxTreatment treatment, decimal rate) => treatment switch
    {
        TaxTreatment.Standard => rate == 0 ? "Z" : "S",
        TaxTreatment.ReverseCharge => "AE",
        TaxTreatment.OutsideScope => "G",
        TaxTreatment.Exempt => "E",
        _ => "O",
    };

    private static string TreatmentName(TaxTreatment treatment) => treatment switch
    {
        TaxTreatment.ReverseCharge => "Reverse charge",
        TaxTreatment.OutsideScope => "Outside the scope of EU VAT",
        TaxTreatment.Exempt => "Exempt",
        TaxTreatment.Standard => "Tax",
        _ => "No tax",
    };

    private static string Detail(CustomerInvoiceLine line)
    {
        var period = line.PeriodStart == line.PeriodEnd
            ? line.PeriodStart.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
            : $"{line.PeriodStart.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} – {line.PeriodEnd.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
        var kind = line.Description is not null
            ? (line.Amount < 0 ? "One-off credit" : "One-off charge")
            : line.Kind switch
            {
                InvoiceLineKind.Adjustment => line.Quantity < 0 ? "Seats removed" : "Seats added",
                InvoiceLineKind.Credit => "Credit",
                InvoiceLineKind.Usage => "Usage",
                _ => line.Days == line.PeriodDays ? "Subscription" : "Subscription (part period)",
            };
        return $"{kind}, {period}";
    }

    private static string? Display(string? prefix, long? number) => number is { } n ? $"{prefix}{n:D6}" : null;
}
