using Microsoft.EntityFrameworkCore;
using Prorata.Application.Invoices;
using Prorata.Data;
using Prorata.Data.Invoices;

namespace Prorata.Web.Features.Invoices;

/// <summary>
/// An invoice as staff read it: who bills whom, the lines grouped by subscription with their proration arithmetic and
/// tax, its credit notes and what happened to each e-mail of it. The customer's copy is the invoice document (PDF, UBL).
/// </summary>
public sealed record InvoiceView(CustomerInvoice Invoice, string CustomerName, string BillingEmail, string? CreditedNumber, IReadOnlyList<InvoiceViewGroup> Groups,
    IReadOnlyList<InvoiceDelivery> Deliveries, IReadOnlyList<CustomerInvoice> CreditNotes, string? SellerAddressMissing)
{
    public static async Task<InvoiceView?> LoadAsync(ProrataDbContext db, Guid id, CancellationToken cancellationToken)
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
            .GroupBy(l => l.Description is null ? l.SubscriptionId : Guid.Empty)
            .Select(g => new InvoiceViewGroup(g.Key, g.Key == Guid.Empty ? "Credits and charges added by Finance" : titles.GetValueOrDefault(g.Key) ?? g.First().ProductId, g.ToList(),
                g.Sum(l => l.Amount)))
            .ToList();
        var deliveries = await db.InvoiceDeliveries.AsNoTracking().Where(d => d.InvoiceId == id).OrderByDescending(d => d.QueuedAt).ToListAsync(cancellationToken);
        var notes = await db.Invoices.AsNoTracking().Where(i => i.CreditedInvoiceId == id).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        var entity = await db.LegalEntities.AsNoTracking().FirstAsync(e => e.Id == invoice.LegalEntityId, cancellationToken);
        return new InvoiceView(invoice, customer.Name, customer.BillingEmail, credited, groups, deliveries, notes,
            invoice.Status == InvoiceStatus.Draft ? Domain.LegalEntities.LegalEntityRules.CannotIssue(entity.Name, entity.Address) : null);
    }

    public static string Arithmetic(CustomerInvoiceLine line) => InvoiceArithmetic.Of(line);

    public static string Describe(CustomerInvoiceLine line) =>
        line.Description is { } text ? $"{text} {line.PeriodStart:yyyy-MM-dd}" : $"{line.Kind} {line.PeriodStart:yyyy-MM-dd} – {line.PeriodEnd:yyyy-MM-dd}";

    public static string Title(CustomerInvoice invoice) =>
        $"{(invoice.Kind == InvoiceKind.CreditNote ? "Credit note" : "Invoice")} {invoice.DisplayNumber ?? "(draft)"}";
}
