using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prorata.Application.Invoices.Delivery;
using Prorata.Application.Outbox;
using Prorata.Application.Receivables;
using Prorata.Application.Tax;
using Prorata.Application.Webhooks;
using Prorata.Application.WorkItems;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.LegalEntities;
using Prorata.Data.Outbox;
using Prorata.Data.WorkItems;
using Prorata.Domain.LegalEntities;
using Prorata.Domain.Money;
using Prorata.Domain.Tax;

namespace Prorata.Application.Invoices;

/// <summary>
/// draft → issued → void or credited (billing-rules §4–5). Issuing taxes the draft (the rate table, or Avalara for an
/// entity that chose it), freezes seller and buyer, takes the legal entity's next number of its kind and queues the
/// e-mail — one transaction. Crediting issues a credit note for the whole invoice, chosen lines or an amount; whole
/// lines negate the invoice's origin by origin, so the next billing run bills again whatever is still owed.
/// </summary>
public sealed class InvoiceLifecycle(ProrataDbContext db, TimeProvider time, IOptions<SmtpOptions> smtp, OutboxSignal outbox, ITaxProvider? avalara = null)
{
    public async Task<InvoiceStepResult> IssueAsync(Guid id, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return InvoiceStepResult.Missing(id);
        if (invoice.Status != InvoiceStatus.Draft) return InvoiceStepResult.Refused($"Invoice {invoice.DisplayNumber ?? id.ToString()} is {invoice.Status}; only a draft can be issued.");
        var entity = await db.LegalEntities.FirstAsync(e => e.Id == invoice.LegalEntityId, cancellationToken);
        var customer = await db.BillingContracts.Where(c => c.Id == invoice.ContractId).Select(c => c.Customer!).FirstAsync(cancellationToken);
        if (LegalEntityRules.CannotIssue(entity.Name, entity.Address) is { } noAddress) return InvoiceStepResult.Refused(noAddress);
        // A credit note keeps the tax it was drafted with (the rates of the lines it credits); an invoice is taxed now.

        var workItems = new WorkItemRaiser(db, time);
        if (entity.TaxProvider == TaxProviderKind.Avalara)
        {
            if (await TaxWithProviderAsync(invoice, entity, customer, workItems, cancellationToken) is { } waiting) return waiting;
        }
        else if (invoice.Kind == InvoiceKind.Invoice)
        {
            var decision = InvoiceTaxation.Decide(entity, customer, await InvoiceTaxation.RateTableAsync(db, cancellationToken), invoice.BillingDate);
            InvoiceTaxation.Apply(invoice, decision);
            if (decision.Treatment == TaxTreatment.NoRate)
                await workItems.RaiseAsync(InvoiceProblems.NoRate(customer.Id, customer.Name, customer.BillingCountry, customer.BillingRegion, invoice.ContractId), cancellationToken);
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Lines and totals change while the invoice is still a draft (the trigger refuses them once it is issued).
        await db.SaveChangesAsync(cancellationToken);
        invoice.Number = await InvoiceNumbers.NextAsync(db, entity.Id, invoice.Kind, cancellationToken);
        invoice.NumberPrefix = invoice.Kind == InvoiceKind.CreditNote ? entity.CreditNotePrefix : entity.InvoicePrefix;
        invoice.IssuedParties = IssuedParties.Of(entity, customer).ToJson();
        invoice.Status = InvoiceStatus.Issued;
        invoice.IssuedAt = now;
        var queued = smtp.Value.IsConfigured;
        if (queued) InvoiceDeliveryQueue.Enqueue(db, invoice, customer, "issue", now);
        OutboxWriter.Enqueue(db, OutboxTopic.ReceivablesUpdate, ReceivablesUpdate.Key(invoice.Id, "issued"), new ReceivablesUpdate(customer.Id, invoice.Id), now, customer.Id);
        await DomainEvents.RecordAsync(db, DomainEvents.InvoiceIssued(invoice, now), customer.Id, cancellationToken);
        await workItems.SettleAsync(db.WorkItems.Where(w => w.Kind == WorkItemKind.InvoiceProblem && w.SubjectKind == WorkItemSubject.Invoice && w.SubjectId == invoice.Id.ToString()
                && (w.Code == InvoiceProblems.TaxProviderUnavailable || w.Code == InvoiceProblems.TaxProviderRefused)),
            new HashSet<string>(), "issue", $"issued as {invoice.DisplayNumber}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Queued();
        return InvoiceStepResult.Done(invoice);
    }

    /// <summary>Queues the issued invoice's e-mail again, to the customer's billing addresses as they are now.</summary>
    public async Task<InvoiceStepResult> SendAsync(Guid id, string requestedBy, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return InvoiceStepResult.Missing(id);
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.Credited))
            return InvoiceStepResult.Refused($"Invoice {invoice.DisplayNumber ?? id.ToString()} is {invoice.Status}; only an issued invoice can be sent.");
        if (!smtp.Value.IsConfigured)
            return InvoiceStepResult.Refused("E-mail is not configured: set Prorata:Smtp:Host (and its port, security and credentials) to send invoices.");
        var customer = await db.BillingContracts.Where(c => c.Id == invoice.ContractId).Select(c => c.Customer!).FirstAsync(cancellationToken);
        InvoiceDeliveryQueue.Enqueue(db, invoice, customer, requestedBy, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        outbox.Queued();
        return InvoiceStepResult.Done(invoice);
    }

    public async Task<InvoiceStepResult> VoidAsync(Guid id, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return InvoiceStepResult.Missing(id);
        if (invoice.Status is not (InvoiceStatus.Draft or InvoiceStatus.Issued) || invoice.Kind != InvoiceKind.Invoice)
            return InvoiceStepResult.Refused($"Invoice {invoice.DisplayNumber ?? id.ToString()} is {invoice.Status}; only a draft or issued invoice can be voided.");
        if (await db.Invoices.AnyAsync(i => i.CreditedInvoiceId == id && i.Status != InvoiceStatus.Void, cancellationToken))
            return InvoiceStepResult.Refused($"Invoice {invoice.DisplayNumber} has credit notes; void them first or credit the rest.");
        // billing-rules §5: void only before any payment; once money is allocated to it, a credit note corrects it.
        if (await db.PaymentAllocations.AnyAsync(a => a.InvoiceId == id, cancellationToken))
            return InvoiceStepResult.Refused($"Invoice {invoice.DisplayNumber} has payments allocated to it; credit it instead of voiding it.");
        if (invoice.Status == InvoiceStatus.Issued && invoice.TaxSource == InvoiceTaxation.AvalaraSource)
        {
            var entity = await db.LegalEntities.AsNoTracking().FirstAsync(e => e.Id == invoice.LegalEntityId, cancellationToken);
            if (avalara is null) return InvoiceStepResult.Refused("The invoice's tax is recorded at Avalara, which is not configured here (Prorata:Avalara); it cannot be voided until it is.");
            try
            {
                await avalara.VoidAsync(entity.AvalaraCompanyCode!, invoice.Id.ToString(), cancellationToken);
            }
            catch (Exception e) when (e is TaxProviderUnavailableException or TaxProviderRefusedException)
            {
                return InvoiceStepResult.Refused($"Avalara did not void the invoice's tax, so the invoice stays issued: {e.Message}");
            }
        }
        invoice.Status = InvoiceStatus.Void;
        // Its one-off charges were never billed to the customer after all: the next run bills them again.
        foreach (var charge in await db.OneOffCharges.Where(c => c.InvoiceId == id).ToListAsync(cancellationToken)) charge.InvoiceId = null;
        var customerId = await db.BillingContracts.Where(c => c.Id == invoice.ContractId).Select(c => c.CustomerId).FirstAsync(cancellationToken);
        var voidedAt = time.GetUtcNow();
        OutboxWriter.Enqueue(db, OutboxTopic.ReceivablesUpdate, ReceivablesUpdate.Key(invoice.Id, "voided"), new ReceivablesUpdate(customerId, invoice.Id), voidedAt, customerId);
        await DomainEvents.RecordAsync(db, DomainEvents.InvoiceVoided(invoice, customerId, voidedAt), customerId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Queued();
        return InvoiceStepResult.Done(invoice);
    }

    /// <summary>
    /// A credit note of an issued invoice: the whole of what is not credited yet (no request), chosen whole lines
    /// (their positions), or an amount before tax with its reason. It carries the invoice's tax rates, so it reverses
    /// the tax that was charged; it is issued at once.
    /// </summary>
    public async Task<InvoiceStepResult> CreditAsync(Guid id, CreditRequest? request, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return InvoiceStepResult.Missing(id);
        if (invoice.Status != InvoiceStatus.Issued || invoice.Kind != InvoiceKind.Invoice)
            return InvoiceStepResult.Refused($"Invoice {invoice.DisplayNumber ?? id.ToString()} is {invoice.Status}; only an issued invoice can be credited.");
        var earlier = await db.Invoices.AsNoTracking().Include(i => i.Lines)
            .Where(i => i.CreditedInvoiceId == id && i.Status != InvoiceStatus.Void).ToListAsync(cancellationToken);
        var creditedOrigins = earlier.SelectMany(n => n.Lines).Where(l => l.Description is null).Select(l => l.Position).ToHashSet();
        var creditedSoFar = -earlier.Sum(n => n.Subtotal);
        var open = invoice.Lines.Where(l => !creditedOrigins.Contains(l.Position)).OrderBy(l => l.Position).ToList();
        var currency = Currency.FromCode(invoice.Currency);

        var now = time.GetUtcNow();
        List<CustomerInvoiceLine> lines;
        if (request?.Amount is { } amount)
        {
            var remaining = invoice.Subtotal - creditedSoFar;
            if (amount <= 0 || Rounding.Customer(amount, currency) != amount || amount > remaining)
                return InvoiceStepResult.Invalid("amount", $"amount must be more than 0, at most what is not credited yet ({remaining:0.00} {invoice.Currency}) and in {invoice.Currency}'s precision; got {amount}.");
            if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length > 200)
                return InvoiceStepResult.Invalid("reason", "reason is required for an amount credit (at most 200 characters): the customer reads it on the credit note.");
            lines = [.. AmountCredit(invoice, amount, request.Reason.Trim(), currency, now)];
        }
        else
        {
            var positions = request?.Lines;
            var chosen = positions is null ? open : open.Where(l => positions.Contains(l.Position + 1)).ToList();
            if (positions is not null && (positions.Count == 0 || chosen.Count != positions.Distinct().Count()))
            {
                var bad = positions.Where(p => !open.Any(l => l.Position + 1 == p)).ToList();
                return InvoiceStepResult.Invalid("lines", bad.Count == 0
                    ? "lines must name at least one line of the invoice (1-based positions)."
                    : $"lines must be lines of the invoice not credited yet (1 to {invoice.Lines.Count}); got {string.Join(", ", bad)}.");
            }
            if (chosen.Count == 0) return InvoiceStepResult.Refused($"Every line of invoice {invoice.DisplayNumber} is credited already.");
            if (creditedSoFar + chosen.Sum(l => l.Amount) > invoice.Subtotal)
                return InvoiceStepResult.Refused($"Invoice {invoice.DisplayNumber} has {creditedSoFar:0.00} {invoice.Currency} credited already; crediting these lines too would credit more than it billed. Credit an amount instead.");
            lines = chosen.Select(l => new CustomerInvoiceLine
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
                // A credit gives the customer money back; what Microsoft charged the partner stays charged.
                Cost = 0m,
                Description = l.Description,
                TaxRate = l.TaxRate,
                TaxName = l.TaxName,
            }).ToList();
        }

        var note = new CustomerInvoice
        {
            Id = Guid.CreateVersion7(now),
            ContractId = invoice.ContractId,
            BillingDate = DateOnly.FromDateTime(now.UtcDateTime),
            DueDate = DateOnly.FromDateTime(now.UtcDateTime),
            Kind = InvoiceKind.CreditNote,
            CreditedInvoiceId = invoice.Id,
            Status = InvoiceStatus.Draft,
            LegalEntityId = invoice.LegalEntityId,
            LegalEntityName = invoice.LegalEntityName,
            Currency = invoice.Currency,
            TaxTreatment = invoice.TaxTreatment,
            CreatedAt = now,
            Lines = lines,
        };
        InvoiceTaxation.ApplyCredit(note);
        var whole = creditedSoFar - note.Subtotal >= invoice.Subtotal;
        if (whole)
        {
            // The last part reverses what tax is left, so parts rounded one by one still credit the invoice to the cent.
            var left = invoice.TaxTotal + earlier.Sum(n => n.TaxTotal) + note.TaxTotal;
            if (left != 0 && note.Lines.Count > 0)
            {
                note.Lines.OrderBy(l => l.Amount).First().Tax -= left;
                InvoiceTaxation.ApplyTotals(note);
            }
        }
        db.Invoices.Add(note);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            // Credited in full (now, or by this last part): the invoice says so; a part leaves it issued with its credit notes.
            if (whole) invoice.Status = InvoiceStatus.Credited;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        var issued = await IssueAsync(note.Id, cancellationToken);
        if (issued.Invoice is null)
        {
            // The note could not be issued (its entity lost its address, Avalara is down): it stays a draft beside the invoice.
            return InvoiceStepResult.Refused($"Credit note drafted but not issued: {issued.Refusal}");
        }
        return issued;
    }

    /// <summary>An amount credit spread over the invoice's tax rates in proportion to their lines, so the tax it reverses is the tax charged.</summary>
    private static IEnumerable<CustomerInvoiceLine> AmountCredit(CustomerInvoice invoice, decimal amount, string reason, Currency currency, DateTimeOffset now)
    {
        var byRate = invoice.Lines.GroupBy(l => (l.TaxRate, l.TaxName)).Select(g => (g.Key.TaxRate, g.Key.TaxName, Base: g.Sum(l => l.Amount), First: g.OrderBy(l => l.Position).First()))
            .Where(g => g.Base > 0).OrderByDescending(g => g.Base).ToList();
        var total = byRate.Sum(g => g.Base);
        var left = amount;
        for (var i = 0; i < byRate.Count; i++)
        {
            var part = i == byRate.Count - 1 ? left : Rounding.Customer(amount * byRate[i].Base / total, currency);
            left -= part;
            if (part == 0) continue;
            var first = byRate[i].First;
            yield return new CustomerInvoiceLine
            {
                Position = invoice.Lines.Count + i,
                SubscriptionId = first.SubscriptionId,
                Kind = Domain.Billing.InvoiceLineKind.Credit,
                PeriodStart = invoice.Lines.Min(l => l.PeriodStart),
                PeriodEnd = invoice.Lines.Max(l => l.PeriodEnd),
                Quantity = 1,
                UnitPrice = -part,
                Amount = -part,
                Days = 1,
                PeriodDays = 1,
                ProductId = first.ProductId,
                SkuId = first.SkuId,
                Origin = $"credit:{invoice.Id:N}:{Guid.CreateVersion7(now):N}",
                Cost = 0m,
                Description = reason,
                TaxRate = byRate[i].TaxRate,
                TaxName = byRate[i].TaxName,
            };
        }
    }

    /// <summary>Taxes a draft through Avalara; null when it answered, else the refusal that leaves the draft waiting.</summary>
    private async Task<InvoiceStepResult?> TaxWithProviderAsync(CustomerInvoice invoice, LegalEntity entity, Customer customer, WorkItemRaiser workItems, CancellationToken cancellationToken)
    {
        if (avalara is null)
            return InvoiceStepResult.Refused($"Legal entity '{entity.Name}' taxes through Avalara, which is not configured here (Prorata:Avalara); the invoice stays a draft.");
        var credited = invoice.CreditedInvoiceId is { } creditedId
            ? await db.Invoices.AsNoTracking().Where(i => i.Id == creditedId).Select(i => new { i.Id, i.BillingDate }).FirstAsync(cancellationToken)
            : null;
        try
        {
            var answer = await avalara.CalculateAsync(InvoiceTaxation.ProviderDocument(invoice, entity, customer, credited?.Id, credited?.BillingDate), commit: true, cancellationToken);
            InvoiceTaxation.Apply(invoice, answer, customer.TaxExempt ? TaxTreatment.Exempt : TaxTreatment.Standard);
            return null;
        }
        catch (TaxProviderUnavailableException e)
        {
            await workItems.RaiseAsync(InvoiceProblems.TaxProviderDown(invoice, customer.Id, e.Message), cancellationToken);
            // Tried again by the outbox worker with a growing delay until Avalara answers; one message per invoice.
            var key = $"invoice-issue:{invoice.Id}";
            if (!await db.Outbox.AnyAsync(m => m.IdempotencyKey == key, cancellationToken))
                OutboxWriter.Enqueue(db, OutboxTopic.InvoiceIssue, key, new InvoiceIssueRequest(invoice.Id), time.GetUtcNow(), customer.Id);
            db.ChangeTracker.Entries<CustomerInvoiceLine>().ToList().ForEach(e => e.State = EntityState.Unchanged);
            db.Entry(invoice).State = EntityState.Unchanged;
            await db.SaveChangesAsync(cancellationToken);
            outbox.Queued();
            return InvoiceStepResult.Waiting($"Avalara did not answer ({e.Message}); the invoice stays a draft and is issued as soon as it does.");
        }
        catch (TaxProviderRefusedException e)
        {
            await workItems.RaiseAsync(InvoiceProblems.TaxProviderSaidNo(invoice, customer.Id, e.Message), cancellationToken);
            db.Entry(invoice).State = EntityState.Unchanged;
            await db.SaveChangesAsync(cancellationToken);
            return InvoiceStepResult.Refused($"Avalara refused the invoice: {e.Message}");
        }
    }
}

/// <summary>What to credit: chosen lines (1-based positions) or an amount before tax with its reason; neither, the whole invoice.</summary>
public sealed record CreditRequest(IReadOnlyList<int>? Lines, decimal? Amount, string? Reason);

/// <summary>The outbox payload of a draft waiting for its tax provider.</summary>
public sealed record InvoiceIssueRequest(Guid InvoiceId);
