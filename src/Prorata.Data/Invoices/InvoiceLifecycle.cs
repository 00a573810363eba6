using Microsoft.EntityFrameworkCore;

namespace Prorata.Data.Invoices;

/// <summary>
/// draft → issued → void or credited (billing-rules §4–5). Issuing takes the legal entity's next number in the same
/// transaction; crediting issues a credit note whose lines negate the invoice's, origin by origin, so that the next
/// billing run bills again whatever is still owed. Each step is one transaction.
/// </summary>
public sealed class InvoiceLifecycle(ProrataDbContext db, TimeProvider time)
{
    public async Task<InvoiceStepResult> IssueAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return InvoiceStepResult.Missing(id);
        if (invoice.Status != InvoiceStatus.Draft) return InvoiceStepResult.Refused($"Invoice {invoice.DisplayNumber ?? id.ToString()} is {invoice.Status}; only a draft can be issued.");
        invoice.Number = await InvoiceNumbers.NextAsync(db, invoice.LegalEntityName, cancellationToken);
        invoice.Status = InvoiceStatus.Issued;
        invoice.IssuedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return InvoiceStepResult.Done(invoice);
    }

    public async Task<InvoiceStepResult> VoidAsync(Guid id, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return InvoiceStepResult.Missing(id);
        if (invoice.Status is not (InvoiceStatus.Draft or InvoiceStatus.Issued) || invoice.Kind != InvoiceKind.Invoice)
            return InvoiceStepResult.Refused($"Invoice {invoice.DisplayNumber ?? id.ToString()} is {invoice.Status}; only a draft or issued invoice can be voided.");
        invoice.Status = InvoiceStatus.Void;
        await db.SaveChangesAsync(cancellationToken);
        return InvoiceStepResult.Done(invoice);
    }

    public async Task<InvoiceStepResult> CreditAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invoice = await db.Invoices.Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return InvoiceStepResult.Missing(id);
        if (invoice.Status != InvoiceStatus.Issued || invoice.Kind != InvoiceKind.Invoice)
            return InvoiceStepResult.Refused($"Invoice {invoice.DisplayNumber ?? id.ToString()} is {invoice.Status}; only an issued invoice can be credited.");
        var now = time.GetUtcNow();
        var note = new CustomerInvoice
        {
            Id = Guid.CreateVersion7(now),
            ContractId = invoice.ContractId,
            BillingDate = DateOnly.FromDateTime(now.UtcDateTime),
            Kind = InvoiceKind.CreditNote,
            CreditedInvoiceId = invoice.Id,
            Status = InvoiceStatus.Draft,
            LegalEntityName = invoice.LegalEntityName,
            Currency = invoice.Currency,
            Total = -invoice.Total,
            CreatedAt = now,
            Lines = invoice.Lines.OrderBy(l => l.Position).Select(l => new CustomerInvoiceLine
            {
                Position = l.Position,
                SubscriptionId = l.SubscriptionId,
                Kind = l.Kind,
                PeriodStart = l.PeriodStart,
                PeriodEnd = l.PeriodEnd,
                Quantity = -l.Quantity,
                UnitPrice = l.UnitPrice,
                Amount = -l.Amount,
                Days = l.Days,
                PeriodDays = l.PeriodDays,
                ProductId = l.ProductId,
                SkuId = l.SkuId,
                Origin = l.Origin,
            }).ToList(),
        };
        db.Invoices.Add(note);
        invoice.Status = InvoiceStatus.Credited;
        await db.SaveChangesAsync(cancellationToken);
        note.Number = await InvoiceNumbers.NextAsync(db, note.LegalEntityName, cancellationToken);
        note.Status = InvoiceStatus.Issued;
        note.IssuedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return InvoiceStepResult.Done(note);
    }
}
