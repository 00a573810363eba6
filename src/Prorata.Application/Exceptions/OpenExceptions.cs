using Microsoft.EntityFrameworkCore;
using Prorata.Application.WorkItems;
using Prorata.Data;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Reconciliation;

namespace Prorata.Application.Exceptions;

/// <summary>Reads the <see cref="ExceptionsOverview"/>: a few queries per source, nothing written.</summary>
public static class OpenExceptions
{
    public static async Task<ExceptionsOverview> LoadAsync(ProrataDbContext db, CancellationToken cancellationToken)
    {
        var workItems = await new WorkItemSearch(db).ListAsync(new WorkItemFilter { PageSize = 1 }, cancellationToken);

        var reconciliation = await LatestReconciliationAsync(db, cancellationToken);

        var unassigned = await db.UsageRows.AsNoTracking().Where(r => r.PlanSubscriptionId == null)
            // Partner Center GUIDs come in either case; a plan is one plan whatever case its files use.
            .GroupBy(r => r.SubscriptionId.ToLower())
            .Select(g => new { Rows = g.LongCount(), Cost = g.Sum(r => r.BillingPreTaxTotal) })
            .ToListAsync(cancellationToken);
        var usage = unassigned.Count == 0 ? null : new UnassignedUsage(unassigned.Count, unassigned.Sum(p => p.Rows), unassigned.Sum(p => p.Cost));

        var provisioning = await (
                from s in db.Subscriptions.AsNoTracking()
                join c in db.BillingContracts on s.ContractId equals c.Id
                where s.Provisioning == ProvisioningState.AwaitingProvisioning
                group s by new { c.CustomerId, c.Customer!.Name, CreditHold = c.Customer.CreditHold || c.Customer.DunningHold } into g
                select new WaitingProvisioning(g.Key.CustomerId, g.Key.Name, g.Key.CreditHold, g.Count()))
            .ToListAsync(cancellationToken);
        provisioning = [.. provisioning.OrderBy(w => w.CustomerName, StringComparer.OrdinalIgnoreCase)];

        // A recon file's discrepancies and revenue leaks are work items of their own; its summary is shown, not counted again.
        var items = workItems.Total + (usage?.Plans ?? 0) + provisioning.Sum(w => w.Subscriptions);
        return new ExceptionsOverview(items, workItems.Total, workItems.AtStake, reconciliation, usage, provisioning);
    }

    private static async Task<LatestReconciliation?> LatestReconciliationAsync(ProrataDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.ReconImports.AsNoTracking().Where(i => i.Rows != Data.Reconciliation.ReconImport.Unfinished && i.WithdrawnAt == null)
            .OrderByDescending(i => i.FinishedAt)
            .Select(i => new { i.Id, i.FileName, i.FinishedAt, i.UnbilledTotal, i.AmountMismatch, i.QuantityMismatch, i.PriceMismatch, i.UnexpectedCharge,
                i.UnknownSubscription, i.MissingCharge, i.MoneyAtStake, i.Currencies })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null) return null;
        var unbilled = db.ReconImportUnbilled.AsNoTracking().Where(u => u.ImportId == latest.Id);
        var unbilledLines = await unbilled.CountAsync(cancellationToken);
        var matched = nameof(ReconState.Matched);
        var unbilledMatched = await unbilled
            .Join(db.ReconImportLines.AsNoTracking(), u => new { u.ImportId, u.Row }, l => new { l.ImportId, l.Row }, (u, l) => l.State)
            .CountAsync(state => state == matched, cancellationToken);
        var discrepancies = latest.AmountMismatch + latest.QuantityMismatch + latest.PriceMismatch + latest.UnexpectedCharge + latest.UnknownSubscription
            + latest.MissingCharge;
        return new LatestReconciliation(latest.Id, latest.FileName, latest.FinishedAt, unbilledLines, latest.UnbilledTotal, discrepancies, latest.MoneyAtStake,
            discrepancies + unbilledMatched, latest.Currencies);
    }
}
