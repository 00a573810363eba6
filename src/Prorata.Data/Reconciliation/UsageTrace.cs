using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Data.Billing;
using Prorata.Data.Invoices;
using Prorata.Domain.Billing;
using Prorata.Domain.Calendar;
using Prorata.Domain.Catalog;
using Prorata.Domain.Money;

namespace Prorata.Data.Reconciliation;

/// <summary>
/// Usage traced both ways between Microsoft's rows and customer invoice lines. Exact because of how usage is billed: the
/// rows of one import enter the change log at one timestamp (<see cref="UsageImport.ReceivedAt"/>, or
/// <see cref="UsageRow.LoggedAt"/> for rows whose plan Prorata learned of later), a billing run dated D bills the log
/// before D 00:00, and each run bills the month's difference — so the rows of a usage line are those of its plan and
/// month logged between the previous usage line's billing date and its own. Void invoices bill nothing.
/// </summary>
public sealed class UsageTrace(ProrataDbContext db)
{
    public async Task<UsageLineTrace?> BackAsync(Guid invoiceId, int position, CancellationToken cancellationToken)
    {
        var found = await db.InvoiceLines.AsNoTracking().Where(l => l.InvoiceId == invoiceId && l.Position == position && l.Kind == InvoiceLineKind.Usage)
            .Join(db.Invoices, l => l.InvoiceId, i => i.Id, (l, i) => new { Line = l, Invoice = i }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var (line, invoice) = (found.Line, found.Invoice);
        var month = MonthArithmetic.FirstOfMonth(line.PeriodStart);
        var earlier = (await UsageLinesAsync(line.SubscriptionId, month, cancellationToken)).Where(l => l.BillingDate < invoice.BillingDate).ToList();
        var from = earlier.Count == 0 ? DateTimeOffset.MinValue : Midnight(earlier[^1].BillingDate);
        var until = Midnight(invoice.BillingDate);
        var monthRows = await RowsAsync(line.SubscriptionId, month, until, cancellationToken);
        var rows = monthRows.Where(r => r.LoggedAt >= from).Select(r => r.Row).ToList();
        var monthCost = monthRows.Sum(r => r.Row.BillingPreTaxTotal);
        var monthRetail = monthRows.Sum(r => r.Row.Retail);

        var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == line.SubscriptionId, cancellationToken);
        var contract = StoredTimeline.ToDomain(await db.BillingContracts.AsNoTracking().Include(c => c.PricingRules).SingleAsync(c => c.Id == invoice.ContractId, cancellationToken));
        var rule = PricingStrategy.Match(contract.Pricing, subscription.ProductId, subscription.SkuId);
        var rated = PricingStrategy.Price(rule, monthCost, monthRetail, contract.Currency).PerCycle;
        return new UsageLineTrace(invoice.Id, invoice.DisplayNumber, invoice.BillingDate, line.Position, line.SubscriptionId, month, line.Amount, invoice.Currency,
            rows, monthCost, monthRetail, Describe(rule, monthCost, monthRetail, rated, contract.Currency), rated, earlier.Sum(l => l.Amount));
    }

    public async Task<UsageRowTrace?> ForwardAsync(Guid importId, long row, CancellationToken cancellationToken)
    {
        var stored = await db.UsageRows.AsNoTracking().FirstOrDefaultAsync(r => r.ImportId == importId && r.Row == row, cancellationToken);
        if (stored is null)
        {
            return null;
        }
        var import = await db.UsageImports.AsNoTracking().SingleAsync(i => i.Id == importId, cancellationToken);
        if (stored.PlanSubscriptionId is not { } plan)
        {
            return new UsageRowTrace(stored, import, "noSubscription",
                $"Azure plan {stored.SubscriptionId} is not a Prorata subscription: the row is stored but billed to no customer.", null, null, null, null, null);
        }
        var month = MonthArithmetic.FirstOfMonth(stored.UsageDate);
        var logged = stored.LoggedAt ?? import.ReceivedAt;
        var line = (await UsageLinesAsync(plan, month, cancellationToken)).FirstOrDefault(l => Midnight(l.BillingDate) > logged);
        if (line is null)
        {
            var end = MonthArithmetic.LastOfMonth(month);
            var since = stored.LoggedAt is null ? "the import" : "its plan was known";
            return new UsageRowTrace(stored, import, "notBilledYet",
                $"Not billed yet: usage of {month:yyyy-MM} is billed in arrears by the first billing run dated after {end:yyyy-MM-dd} and after {since} ({logged:yyyy-MM-dd HH:mm} UTC).",
                null, null, null, null, null);
        }
        return new UsageRowTrace(stored, import, "billed", $"Billed on {line.Number ?? "draft invoice"} of {line.BillingDate:yyyy-MM-dd}, line {line.Position + 1}.",
            line.InvoiceId, line.Number, line.BillingDate, line.Position, line.Amount);
    }

    /// <summary>The usage lines of a plan and month on invoices that count (not void), oldest first.</summary>
    private async Task<List<BilledUsage>> UsageLinesAsync(Guid subscription, DateOnly month, CancellationToken cancellationToken)
    {
        var lines = await db.InvoiceLines.AsNoTracking()
            .Where(l => l.SubscriptionId == subscription && l.Kind == InvoiceLineKind.Usage && l.PeriodStart == month)
            .Join(db.Invoices.Where(i => i.Kind == InvoiceKind.Invoice && i.Status != InvoiceStatus.Void), l => l.InvoiceId, i => i.Id,
                (l, i) => new { i.Id, i.BillingDate, i.Number, i.NumberPrefix, i.Kind, l.Position, l.Amount })
            .ToListAsync(cancellationToken);
        return [.. lines.OrderBy(l => l.BillingDate).Select(l => new BilledUsage(l.Id, l.BillingDate, l.Number is { } n ? $"{l.NumberPrefix ?? "INV-"}{n:D6}" : null, l.Position, l.Amount))];
    }

    /// <summary>The plan's rows of the month that entered the change log before <paramref name="until"/>, in the order they did.</summary>
    private async Task<List<(UsageRow Row, DateTimeOffset LoggedAt)>> RowsAsync(Guid subscription, DateOnly month, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var end = MonthArithmetic.LastOfMonth(month);
        var rows = await db.UsageRows.AsNoTracking()
            .Where(r => r.PlanSubscriptionId == subscription && r.UsageDate >= month && r.UsageDate <= end)
            .Join(db.UsageImports, r => r.ImportId, i => i.Id, (r, i) => new { Row = r, i.ReceivedAt })
            .ToListAsync(cancellationToken);
        // The import time is compared here, not in SQL: SQLite stores it as a sortable integer the provider converts.
        return [.. rows.Select(r => (r.Row, LoggedAt: r.Row.LoggedAt ?? r.ReceivedAt)).Where(r => r.LoggedAt < until).OrderBy(r => r.LoggedAt).ThenBy(r => r.Row.Row)];
    }

    private static string Describe(PricingRule? rule, decimal cost, decimal retail, decimal rated, Currency currency) => rule switch
    {
        null => $"no pricing rule: billed at retail {Money(retail)} = {Money(rated)} {currency.Code} (MissingPricingStrategy)",
        { Method: PricingMethod.MarkupOnCost } => $"markup on cost {Number(rule.Value)}%: {Money(cost)} × {Number(1m + (rule.Value / 100m))} = {Money(rated)} {currency.Code}",
        { Method: PricingMethod.DiscountOffErp } => $"discount off retail {Number(rule.Value)}%: {Money(retail)} × {Number(1m - (rule.Value / 100m))} = {Money(rated)} {currency.Code}",
        _ => $"fixed {Money(rule.Value)} {currency.Code} per month",
    };

    // PostgreSQL returns numerics with their column's scale (63.330000000000); the arithmetic reads as written by hand.
    private static string Money(decimal amount) => amount.ToString("0.00##########", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private sealed record BilledUsage(Guid InvoiceId, DateOnly BillingDate, string? Number, int Position, decimal Amount);
}
