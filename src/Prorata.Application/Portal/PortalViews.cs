using Microsoft.EntityFrameworkCore;
using Prorata.Application.Subscriptions;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Data.Portal;
using Prorata.Data.Receivables;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Billing;
using Prorata.Domain.Subscriptions;

namespace Prorata.Application.Portal;

/// <summary>A subscription as the customer sees it: where it stands now (term, renewal, windows), its price per seat, and a change waiting for approval.</summary>
public sealed record PortalSubscription(CustomerSubscription Subscription, SubscriptionStandingView Standing, PortalRequest? Pending);

/// <summary>An issued invoice or credit note of the customer with what is still owed on it.</summary>
public sealed record PortalInvoice(CustomerInvoice Invoice, InvoiceReceivable? Receivable);

/// <summary>What one Azure plan was billed for one month of usage (the customer's price, never the partner's cost).</summary>
public sealed record PortalUsageMonth(DateOnly Month, Guid SubscriptionId, string Title, string Currency, decimal Amount);

/// <summary>Who the portal is of: the customer, and the partner that bills it (the legal entity of its first contract), with its logo.</summary>
public sealed record PortalBrand(string CustomerName, string PartnerName, Guid? LegalEntityId, bool HasLogo);

/// <summary>
/// What the portal shows, always of the caller's customer only: its subscriptions played on the engine up to now (one
/// play per contract), its issued invoices (never a draft, never the partner's cost), balances, requests and Azure usage
/// as billed. An id of another customer is not found, exactly like an id that does not exist.
/// </summary>
public sealed class PortalViews(ProrataDbContext db, SubscriptionStandings standings, TimeProvider time)
{
    public async Task<PortalBrand> BrandAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Name).FirstAsync(cancellationToken);
        var seller = await db.BillingContracts.AsNoTracking().Where(c => c.CustomerId == customerId).OrderBy(c => c.Id)
            .Select(c => new { c.LegalEntityId, c.LegalEntity!.Name, HasLogo = c.LegalEntity.LogoPng != null }).FirstOrDefaultAsync(cancellationToken);
        return new PortalBrand(customer, seller?.Name ?? "Your Microsoft partner", seller?.LegalEntityId, seller?.HasLogo ?? false);
    }

    public async Task<byte[]?> LogoAsync(Guid customerId, CancellationToken cancellationToken) =>
        await db.BillingContracts.AsNoTracking().Where(c => c.CustomerId == customerId).OrderBy(c => c.Id)
            .Select(c => c.LegalEntity!.LogoPng).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PortalSubscription>> SubscriptionsAsync(PortalCaller caller, CancellationToken cancellationToken)
    {
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => db.BillingContracts.Any(c => c.Id == s.ContractId && c.CustomerId == caller.CustomerId)).ToListAsync(cancellationToken);
        return await WithStandingsAsync(caller, subscriptions, cancellationToken);
    }

    public async Task<PortalSubscription?> SubscriptionAsync(PortalCaller caller, Guid subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Id == subscriptionId && db.BillingContracts.Any(c => c.Id == s.ContractId && c.CustomerId == caller.CustomerId)).FirstOrDefaultAsync(cancellationToken);
        return subscription is null ? null : (await WithStandingsAsync(caller, [subscription], cancellationToken)).Single();
    }

    private async Task<IReadOnlyList<PortalSubscription>> WithStandingsAsync(PortalCaller caller, IReadOnlyList<CustomerSubscription> subscriptions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var views = new Dictionary<Guid, SubscriptionStandingView>();
        foreach (var contract in subscriptions.GroupBy(s => s.ContractId))
            foreach (var (id, view) in await standings.OfContractAsync(contract.Key, [.. contract.Select(s => s.Id)], now, cancellationToken))
                views[id] = view;
        var pending = (await db.PortalRequests.AsNoTracking()
                .Where(r => r.CustomerId == caller.CustomerId && r.SubscriptionId != null && (r.State == PortalRequestState.Pending || r.State == PortalRequestState.Approving))
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.SubscriptionId!.Value);
        return subscriptions
            .Select(s => new PortalSubscription(s, views[s.Id], pending[s.Id].MaxBy(r => r.RequestedAt)))
            .OrderBy(s => s.Subscription.Status is SubscriptionStatus.Cancelled or SubscriptionStatus.Expired)
            .ThenBy(s => s.Subscription.Title, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<IReadOnlyList<LicenseChangeEntry>> HistoryAsync(PortalCaller caller, Guid subscriptionId, CancellationToken cancellationToken) =>
        (await db.LicenseChangeLog.AsNoTracking()
            .Where(e => e.SubscriptionId == subscriptionId && db.Subscriptions.Any(s => s.Id == subscriptionId
                && db.BillingContracts.Any(c => c.Id == s.ContractId && c.CustomerId == caller.CustomerId)))
            .ToListAsync(cancellationToken)).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToList();

    public async Task<IReadOnlyList<PortalInvoice>> InvoicesAsync(PortalCaller caller, CancellationToken cancellationToken)
    {
        var invoices = await Issued(caller).ToListAsync(cancellationToken);
        var ids = invoices.Select(i => i.Id).ToList();
        var receivables = await db.InvoiceReceivables.AsNoTracking().Where(r => ids.Contains(r.InvoiceId)).ToDictionaryAsync(r => r.InvoiceId, cancellationToken);
        return invoices.OrderByDescending(i => i.BillingDate).ThenByDescending(i => i.Number)
            .Select(i => new PortalInvoice(i, receivables.GetValueOrDefault(i.Id))).ToList();
    }

    public async Task<PortalInvoice?> InvoiceAsync(PortalCaller caller, Guid invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await Issued(caller).Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        return invoice is null ? null
            : new PortalInvoice(invoice, await db.InvoiceReceivables.AsNoTracking().FirstOrDefaultAsync(r => r.InvoiceId == invoiceId, cancellationToken));
    }

    /// <summary>Issued and voided invoices and credit notes of the caller's customer: a draft is the partner's work in progress.</summary>
    private IQueryable<CustomerInvoice> Issued(PortalCaller caller) =>
        db.Invoices.AsNoTracking().Where(i => i.Status != InvoiceStatus.Draft && i.Number != null
            && db.BillingContracts.Any(c => c.Id == i.ContractId && c.CustomerId == caller.CustomerId));

    public async Task<bool> OwnsInvoiceAsync(PortalCaller caller, Guid invoiceId, CancellationToken cancellationToken) =>
        await Issued(caller).AnyAsync(i => i.Id == invoiceId, cancellationToken);

    public async Task<IReadOnlyList<PortalRequest>> RequestsAsync(PortalCaller caller, CancellationToken cancellationToken) =>
        (await db.PortalRequests.AsNoTracking().Where(r => r.CustomerId == caller.CustomerId).ToListAsync(cancellationToken))
        .OrderByDescending(r => r.RequestedAt).ToList();

    /// <summary>Azure usage as invoiced: the usage lines of issued invoices, by month of use and plan.</summary>
    public async Task<IReadOnlyList<PortalUsageMonth>> UsageAsync(PortalCaller caller, CancellationToken cancellationToken)
    {
        var lines = await db.InvoiceLines.AsNoTracking()
            .Where(l => l.Kind == InvoiceLineKind.Usage && Issued(caller).Any(i => i.Id == l.InvoiceId))
            .Select(l => new { l.SubscriptionId, l.PeriodStart, l.Amount, Currency = db.Invoices.Where(i => i.Id == l.InvoiceId).Select(i => i.Currency).First() })
            .ToListAsync(cancellationToken);
        var ids = lines.Select(l => l.SubscriptionId).Distinct().ToList();
        var titles = await db.Subscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);
        return lines.GroupBy(l => (Month: new DateOnly(l.PeriodStart.Year, l.PeriodStart.Month, 1), l.SubscriptionId, l.Currency))
            .Select(g => new PortalUsageMonth(g.Key.Month, g.Key.SubscriptionId, titles.GetValueOrDefault(g.Key.SubscriptionId) ?? "Azure plan", g.Key.Currency, g.Sum(l => l.Amount)))
            .OrderByDescending(u => u.Month).ThenBy(u => u.Title, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
