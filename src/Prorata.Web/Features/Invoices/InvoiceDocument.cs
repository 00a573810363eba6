using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Invoices;

namespace Prorata.Web.Features.Invoices;

/// <summary>
/// An invoice as a customer reads it: who bills whom, and the lines grouped by subscription, each with its proration
/// arithmetic. The detail page, the print view, the PDF and the API all show this one shape.
/// </summary>
public sealed record InvoiceDocument(CustomerInvoice Invoice, string CustomerName, string BillingEmail, string? CreditedNumber, IReadOnlyList<InvoiceDocumentGroup> Groups)
{
    public static async Task<InvoiceDocument?> LoadAsync(ProrataDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return null;
        var customer = await db.BillingContracts.AsNoTracking().Where(c => c.Id == invoice.ContractId)
            .Select(c => new { c.Customer!.Name, c.Customer.BillingEmail }).FirstAsync(cancellationToken);
        var subscriptionIds = invoice.Lines.Select(l => l.SubscriptionId).Distinct().ToList();
        var titles = await db.Subscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);
        var credited = invoice.CreditedInvoiceId is { } creditedId
            ? (await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == creditedId, cancellationToken)).DisplayNumber
            : null;
        var groups = invoice.Lines.OrderBy(l => l.Position)
            .GroupBy(l => l.SubscriptionId)
            .Select(g => new InvoiceDocumentGroup(g.Key, titles.GetValueOrDefault(g.Key) ?? g.First().ProductId, g.ToList(), g.Sum(l => l.Amount)))
            .ToList();
        return new InvoiceDocument(invoice, customer.Name, customer.BillingEmail, credited, groups);
    }

    /// <summary>billing-rules §4: amount = quantity × unit price × days / period days, rounded once, half away from zero.</summary>
    public static string Arithmetic(CustomerInvoiceLine line) =>
        line.Days == line.PeriodDays
            ? $"{line.Quantity:0.##} × {line.UnitPrice:0.00####} = {line.Amount:0.00}"
            : $"{line.Quantity:0.##} × {line.UnitPrice:0.00####} × {line.Days}/{line.PeriodDays} days = {line.Quantity * line.UnitPrice * line.Days / line.PeriodDays:0.######} → {line.Amount:0.00}";

    public static string Describe(CustomerInvoiceLine line) =>
        $"{line.Kind} {line.PeriodStart:yyyy-MM-dd} – {line.PeriodEnd:yyyy-MM-dd}";
}
