using Microsoft.EntityFrameworkCore;
using Prorata.Application.Receivables;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Data.Commissions;
using Prorata.Data.Invoices;
using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;
using Prorata.Domain.Receivables;
using Prorata.Domain.Simulation;

namespace Prorata.Application.Commissions;

/// <summary>
/// The commission ledger (billing-rules §5, "Commissions"), computed from what is stored — issued invoices and credit notes
/// and their lines with their cost, who sold each contract on each invoice's date, the salespeople's plans, the payments'
/// allocations and reversals, the change log — with <see cref="CommissionRules"/>, the rules the simulation uses. Nothing of
/// it is kept; an approved statement keeps its own copy of what it paid (<see cref="CommissionStatements"/>).
/// </summary>
public sealed class CommissionLedger(ProrataDbContext db, BillingOptions options, TimeProvider time)
{
    /// <summary>
    /// Every entry payable on or before <paramref name="until"/>, of one salesperson or of all, in payable order. A renewal
    /// billed ahead is booked when its term begins, at most a year after its invoice: invoices up to a year after
    /// <paramref name="until"/> are read for them.
    /// </summary>
    public async Task<IReadOnlyList<CommissionEntry>> EntriesAsync(DateOnly until, Guid? salespersonId, CancellationToken cancellationToken)
    {
        var people = await db.Salespeople.AsNoTracking().Include(s => s.Plans).ToDictionaryAsync(s => s.Id, cancellationToken);
        var assignments = (await db.ContractSalespeople.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(a => a.ContractId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.From).ToList());
        var contractIds = assignments.Where(a => a.Value.Any(x => x.SalespersonId is { } id && (salespersonId is null || id == salespersonId)))
            .Select(a => a.Key).ToList();
        if (contractIds.Count == 0) return [];

        var lastInvoiceDate = until.AddYears(1);
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines)
            .Where(i => contractIds.Contains(i.ContractId) && (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Credited) && i.BillingDate <= lastInvoiceDate)
            .ToListAsync(cancellationToken);
        var customerOf = await db.BillingContracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CustomerId, cancellationToken);
        var customerIds = customerOf.Values.Distinct().ToList();
        var customerNames = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var earned = new List<Earned>();
        foreach (var invoice in invoices.OrderBy(i => i.BillingDate).ThenBy(i => i.Number))
        {
            var seller = assignments[invoice.ContractId].LastOrDefault(a => a.From <= invoice.BillingDate)?.SalespersonId;
            if (seller is not { } sellerId || (salespersonId is { } wanted && wanted != sellerId)) continue;
            var person = people[sellerId];
            // The plan in force on the invoice date; plans of one kind never overlap, so each kind has at most one.
            var inForce = person.Plans.Where(p => p.InForceOn(invoice.BillingDate)).OrderBy(p => p.EffectiveFrom).ToList();
            var rules = inForce.Select(p => p.ToRule()).ToList();
            var currency = Currency.FromCode(invoice.Currency);
            foreach (var line in invoice.Lines.OrderBy(l => l.Position))
            {
                if (CommissionRules.Match(rules, line.ProductId, line.SkuId) is not { } rule) continue;
                var plan = inForce[rules.FindIndex(r => ReferenceEquals(r, rule))];
                // As the currency writes it: PostgreSQL's numeric gives 137.500000 back for 137.50.
                var amount = Rounding.Customer(line.Amount, currency);
                var grossProfit = line.Cost is { } cost ? GrossProfit.Of(amount, cost) : (decimal?)null;
                var commission = CommissionRules.Earn(rule, amount, grossProfit, currency);
                // A line that earns nothing is no entry (as in the simulation); one whose cost is unknown is listed.
                if (commission == 0) continue;
                var basis = rule.Basis == CommissionBasis.Revenue ? amount : grossProfit is { } profit ? Rounding.Customer(profit, currency) : (decimal?)null;
                var entry = new CommissionEntry
                {
                    SalespersonId = sellerId, SalespersonName = person.Name, ContractId = invoice.ContractId, CustomerId = customerOf[invoice.ContractId],
                    CustomerName = customerNames.GetValueOrDefault(customerOf[invoice.ContractId], ""), InvoiceId = invoice.Id, InvoiceNumber = invoice.DisplayNumber,
                    InvoiceKind = invoice.Kind, InvoiceDate = invoice.BillingDate, InvoiceLineId = line.Id, LinePosition = line.Position + 1,
                    SubscriptionId = line.SubscriptionId, PeriodStart = line.PeriodStart, PeriodEnd = line.PeriodEnd, ProductId = line.ProductId, SkuId = line.SkuId,
                    PlanId = plan.Id, Basis = rule.Basis, Rate = rule.Rate, BasisAmount = basis, Commission = commission, Currency = invoice.Currency,
                    PayableOn = invoice.BillingDate, Kind = KindOf(rule.Payout),
                };
                earned.Add(new Earned(entry, invoice, line, rule.Payout));
            }
        }

        var entries = new List<CommissionEntry>();
        entries.AddRange(earned.Where(e => PayableOnInvoiceDate(e)).Select(e => e.Entry));
        entries.AddRange(await ByCashAsync(earned.Where(e => !PayableOnInvoiceDate(e) && e.Payout == CommissionPayout.Cash).ToList(), cancellationToken));
        entries.AddRange(await BookedAsync(earned.Where(e => !PayableOnInvoiceDate(e) && e.Payout == CommissionPayout.Booking).ToList(), cancellationToken));
        return entries.Where(e => e.PayableOn <= until)
            .OrderBy(e => e.PayableOn).ThenBy(e => e.SalespersonName, StringComparer.Ordinal).ThenBy(e => e.InvoiceDate).ThenBy(e => e.InvoiceNumber, StringComparer.Ordinal)
            .ThenBy(e => e.LinePosition).ThenBy(e => e.Kind)
            .ToList();
    }

    /// <summary>
    /// Payable on the invoice date: payout <c>invoice</c>, a line whose cost is unknown (it earns nothing to split), and every
    /// credit note whatever the payout: a credit note asks for no payment (the rules settle it when issued), and the change
    /// its lines undo was booked long before, so its clawback counts when the credit is given.
    /// </summary>
    private static bool PayableOnInvoiceDate(Earned e) =>
        e.Payout == CommissionPayout.Invoice || e.Entry.Commission is null || e.Invoice.Kind == InvoiceKind.CreditNote;

    private static CommissionEntryKind KindOf(CommissionPayout payout) => payout switch
    {
        CommissionPayout.Cash => CommissionEntryKind.Cash,
        CommissionPayout.Booking => CommissionEntryKind.Booking,
        _ => CommissionEntryKind.Invoice,
    };

    /// <summary>
    /// Payout <c>cash</c>: the line's commission split over what settled its invoice (payments, credit notes, credit), each on
    /// the day it settled, by <see cref="CommissionRules.ByCash"/>. A payment reversed since still paid its share on the day
    /// it was received, as it was then; that share is taken back on the day of the reversal, and the rest is split over the
    /// settlements that stand.
    /// </summary>
    private async Task<List<CommissionEntry>> ByCashAsync(List<Earned> earned, CancellationToken cancellationToken)
    {
        if (earned.Count == 0) return [];
        var invoiceIds = earned.Select(e => e.Invoice.Id).Distinct().ToList();
        var settlements = (await db.PaymentAllocations.AsNoTracking().Where(a => invoiceIds.Contains(a.InvoiceId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.InvoiceId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.AllocatedAt).ThenBy(a => a.Source).ThenBy(a => a.SourceId)
                .Select(a => new Settlement(DateOf(a.AllocatedAt), a.Amount)).ToList());

        var customerIds = earned.Select(e => e.Entry.CustomerId).Distinct().ToList();
        var reversals = await db.Payments.AsNoTracking().Where(p => customerIds.Contains(p.CustomerId) && p.Reversal != null)
            .Select(p => new { p.Id, p.CustomerId, p.Reversal!.ReversedAt }).ToListAsync(cancellationToken);
        var reversedSettlements = new Dictionary<string, List<(Allocation Allocation, DateTimeOffset ReversedAt)>>(StringComparer.Ordinal);
        foreach (var customer in reversals.GroupBy(r => r.CustomerId))
        {
            var reversedAt = customer.ToDictionary(r => r.Id.ToString(), r => r.ReversedAt, StringComparer.Ordinal);
            var played = await new ReceivablesLedger(db, time).PlayWithReversedPaymentsAsync(customer.Key, cancellationToken);
            foreach (var allocation in played.Allocations)
            {
                if (!reversedSettlements.TryGetValue(allocation.Invoice, out var ofInvoice)) reversedSettlements[allocation.Invoice] = ofInvoice = [];
                // Settled by a payment (or its credit) that was reversed later; MaxValue: a settlement that still stands.
                ofInvoice.Add((allocation, reversedAt.TryGetValue(allocation.SourceKey, out var at) && allocation.At < at ? at : DateTimeOffset.MaxValue));
            }
        }

        var entries = new List<CommissionEntry>();
        foreach (var e in earned)
        {
            var currency = Currency.FromCode(e.Invoice.Currency);
            var total = Rounding.Customer(e.Invoice.Total, currency);
            var commission = e.Entry.Commission!.Value;
            if (reversedSettlements.TryGetValue(e.Invoice.Id.ToString(), out var before))
            {
                // The split as it was before each reversal: the reversed payment's instalments, and their clawback.
                var split = CommissionRules.ByCash(commission, total, e.Invoice.BillingDate,
                    before.Select(b => new Settlement(DateOf(b.Allocation.At), Rounding.Customer(b.Allocation.Amount, currency))), currency);
                for (var i = 0; i < split.Count; i++)
                {
                    if (before[i].ReversedAt == DateTimeOffset.MaxValue || split[i].Amount == 0) continue;
                    entries.Add(e.Entry with { Commission = split[i].Amount, PayableOn = split[i].PayableOn });
                    entries.Add(e.Entry with { Commission = -split[i].Amount, PayableOn = DateOf(before[i].ReversedAt), Kind = CommissionEntryKind.PaymentReversed });
                }
            }
            var standing = settlements.GetValueOrDefault(e.Invoice.Id) ?? [];
            foreach (var instalment in CommissionRules.ByCash(commission, total, e.Invoice.BillingDate,
                         standing.Select(s => s with { Amount = Rounding.Customer(s.Amount, currency) }), currency))
                if (instalment.Amount != 0) entries.Add(e.Entry with { Commission = instalment.Amount, PayableOn = instalment.PayableOn });
        }
        return entries;
    }

    /// <summary>
    /// Payout <c>booking</c>: each contract's change log is played on the engine as its billing runs played it (every entry a
    /// fact), up to 00:00 of each invoice's date, and <see cref="CommissionRules.BookedOn"/> finds the change that produced each
    /// line among the subscription's changes and terms as that run knew them. A line Finance wrote (a one-off charge) was
    /// booked by no change: payable on its invoice date.
    /// </summary>
    private async Task<List<CommissionEntry>> BookedAsync(List<Earned> earned, CancellationToken cancellationToken)
    {
        var entries = earned.Where(e => e.Line.Description is not null).Select(e => e.Entry).ToList();
        var engineLines = earned.Where(e => e.Line.Description is null).ToList();
        if (engineLines.Count == 0) return entries;

        var prices = new PriceList(await StoredTimeline.PriceRowsAsync(db, cancellationToken));
        foreach (var ofContract in engineLines.GroupBy(e => e.Invoice.ContractId))
        {
            var stored = await db.BillingContracts.AsNoTracking().FirstAsync(c => c.Id == ofContract.Key, cancellationToken);
            var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.ContractId == ofContract.Key).ToDictionaryAsync(s => s.Id, cancellationToken);
            var subscriptionIds = subscriptions.Keys.ToList();
            var log = await db.LicenseChangeLog.AsNoTracking().Where(e => subscriptionIds.Contains(e.SubscriptionId)).ToListAsync(cancellationToken);
            var events = log.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => StoredTimeline.ToEvent(e, subscriptions[e.SubscriptionId])).ToList();
            var contract = StoredTimeline.ToDomain(stored);
            var byDate = ofContract.GroupBy(e => e.Invoice.BillingDate).OrderBy(g => g.Key).ToList();
            var run = new ScenarioRun(StoredTimeline.Scenario(contract.Id, options, [], [contract], events, byDate[^1].Key), prices);
            var next = 0;
            foreach (var invoiced in byDate)
            {
                var date = invoiced.Key;
                var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                // What the run of that date knew: every change before 00:00 of its day, and that day's renewals.
                for (; next < events.Count && events[next].At < midnight; next++) run.Record(events[next]);
                run.Book.AdvanceTo(date);
                var horizon = contract.PeriodEndFrom(date);
                foreach (var e in invoiced)
                {
                    var subscription = run.Book.Find(StoredTimeline.IdOf(e.Line.SubscriptionId));
                    var bookedOn = subscription is null
                        ? date
                        : CommissionRules.BookedOn(ToDomain(e.Line), date, subscription.Changes, run.TermsKnownNow(subscription, horizon));
                    entries.Add(e.Entry with { PayableOn = bookedOn });
                }
            }
        }
        return entries;
    }

    private static InvoiceLine ToDomain(CustomerInvoiceLine line) =>
        new(StoredTimeline.IdOf(line.SubscriptionId), line.Kind, line.PeriodStart, line.PeriodEnd, line.Quantity, line.UnitPrice, line.Amount, line.Days,
            line.PeriodDays, line.ProductId, line.SkuId, line.Origin is { } origin ? BillingItemKey.Parse(origin) : null);

    private static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private sealed record Earned(CommissionEntry Entry, CustomerInvoice Invoice, CustomerInvoiceLine Line, CommissionPayout Payout);
}
