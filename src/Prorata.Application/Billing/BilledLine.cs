using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Data.Invoices;
using Prorata.Domain.Billing;

namespace Prorata.Application.Billing;

/// <summary>A stored invoice line as the ledger needs it, in the order it was billed.</summary>
public sealed record BilledLine(Guid ContractId, DateOnly BillingDate, DateTimeOffset CreatedAt, int Position, Guid SubscriptionId, string? Origin, decimal Quantity, decimal Amount,
    string ProductId, string SkuId, decimal? Cost)
{
    /// <summary>The engine's lines of the contracts' invoices dated before <paramref name="before"/> (void ones left out), per contract, in billing order.</summary>
    public static async Task<Dictionary<Guid, List<BilledLine>>> OfContractsAsync(ProrataDbContext db, IReadOnlyCollection<Guid> contractIds, DateOnly before,
        CancellationToken cancellationToken) =>
        (await db.InvoiceLines.AsNoTracking()
                // Lines Finance wrote (an amount credit, a one-off charge) bill no billing item of the engine's.
                .Where(l => l.Description == null)
                .Join(db.Invoices.Where(i => contractIds.Contains(i.ContractId) && i.Status != InvoiceStatus.Void && i.BillingDate < before),
                    l => l.InvoiceId, i => i.Id, (l, i) => new BilledLine(i.ContractId, i.BillingDate, i.CreatedAt, l.Position, l.SubscriptionId, l.Origin, l.Quantity, l.Amount,
                        l.ProductId, l.SkuId, l.Cost))
                .ToListAsync(cancellationToken))
            .GroupBy(l => l.ContractId)
            .ToDictionary(g => g.Key, g => g.OrderBy(l => l.BillingDate).ThenBy(l => l.CreatedAt).ThenBy(l => l.Position).ToList());

    /// <summary>Tells the contract's ledger what was billed already, so that the engine bills only the difference.</summary>
    public static void RecordInto(BilledLedger ledger, IEnumerable<BilledLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.Origin is { } origin)
                ledger.Record(BillingItemKey.Parse(origin), line.Quantity, line.Amount, line.BillingDate, line.ProductId, line.SkuId, line.Cost);
            else
                // A credit line credits everything billed for its subscription and SKU (billing-rules §4, cancellation inside 24 h).
                ledger.RecordCredit(StoredTimeline.IdOf(line.SubscriptionId), line.ProductId, line.SkuId, line.BillingDate);
        }
    }
}
