using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Domain.Contracts;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;

namespace Prorata.Application.Insight;

/// <summary>
/// Gross profit from the stored lines of issued invoices and credit notes billed in a range of months (by invoice date):
/// each line's amount against the provider cost the engine computed when it billed it (billing-rules §5), so no second set
/// of rules; and, where Microsoft's recon files cover the same subscriptions, against what Microsoft actually charged.
/// </summary>
public sealed class GrossProfitReport(ProrataDbContext db)
{
    public const int MaxMonths = 120;

    /// <summary>The most lines one line-by-line report lists.</summary>
    public const int MaxLines = 5000;

    private const int Chunk = 2000;

    public async Task<GrossProfitView> ReadAsync(DateOnly from, DateOnly to, GrossProfitGrouping by, GrossProfitFilter filter, CancellationToken cancellationToken)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
        var lines =
            from l in db.InvoiceLines.AsNoTracking()
            join i in db.Invoices.AsNoTracking() on l.InvoiceId equals i.Id
            join c in db.BillingContracts.AsNoTracking() on i.ContractId equals c.Id
            // A voided invoice was never revenue; a credited one stays, its credit note takes it back.
            where (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Credited) && i.BillingDate >= first && i.BillingDate <= last
            select new
            {
                InvoiceId = i.Id, i.Number, i.NumberPrefix, InvoiceKind = i.Kind, i.BillingDate, i.LegalEntityId, i.Currency, c.CustomerId, i.ContractId,
                l.SubscriptionId, l.Position, l.Kind, l.ProductId, l.SkuId, l.PeriodStart, l.PeriodEnd, l.Quantity, l.Amount, l.Cost,
            };
        if (filter.LegalEntityId is { } entity) lines = lines.Where(l => l.LegalEntityId == entity);
        if (filter.CustomerId is { } customer) lines = lines.Where(l => l.CustomerId == customer);
        if (filter.ContractId is { } contract) lines = lines.Where(l => l.ContractId == contract);
        if (filter.ProductId is { } product) lines = lines.Where(l => l.ProductId == product);

        var customers = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var currencies = new Dictionary<string, Currency>(StringComparer.Ordinal);
        Currency CurrencyOf(string code) => currencies.TryGetValue(code, out var c) ? c : currencies[code] = Currency.FromCode(code);

        if (by == GrossProfitGrouping.Line)
        {
            var floors = await db.MarginFloors.AsNoTracking().Select(f => new MarginFloor(f.ProductId, f.Percent)).ToListAsync(cancellationToken);
            var rows = await lines.OrderBy(l => l.BillingDate).ThenBy(l => l.Number).ThenBy(l => l.InvoiceId).ThenBy(l => l.Position).Take(MaxLines + 1)
                .ToListAsync(cancellationToken);
            var listed = rows.Take(MaxLines).Select(l =>
            {
                var currency = CurrencyOf(l.Currency);
                var profit = l.Cost is { } cost ? GrossProfit.Of(l.Amount, cost) : (decimal?)null;
                var number = l.Number is { } n ? $"{l.NumberPrefix ?? (l.InvoiceKind == InvoiceKind.CreditNote ? "CN-" : "INV-")}{n:D6}" : null;
                return new GrossProfitLineRow(l.InvoiceId, number, l.BillingDate, l.CustomerId, customers.GetValueOrDefault(l.CustomerId, ""), l.ContractId,
                    l.SubscriptionId, l.Position + 1, EnumText.ToWire(l.Kind), l.ProductId, l.SkuId, l.PeriodStart, l.PeriodEnd, Plain(l.Quantity), l.Currency,
                    Rounding.Customer(l.Amount, currency), l.Cost is { } c ? Rounding.Customer(c, currency) : null,
                    profit is { } p ? Rounding.Customer(p, currency) : null, Margin(l.Amount, profit),
                    MarginFloor.For(floors, l.ProductId)?.Shortfall(l.Amount, l.Cost) is { } shortfall ? Rounding.Customer(shortfall, currency) : null);
            }).ToList();
            return new GrossProfitView(Wire(by), [], listed, rows.Count > MaxLines);
        }

        var names = await NamesAsync(by, customers, cancellationToken);
        var sums = new Dictionary<(string Key, string Currency), Sum>();
        await foreach (var l in lines.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var key = by switch
            {
                GrossProfitGrouping.Customer => l.CustomerId.ToString(),
                GrossProfitGrouping.Product => l.ProductId,
                GrossProfitGrouping.Contract => l.ContractId.ToString(),
                _ => Month(l.BillingDate),
            };
            if (!sums.TryGetValue((key, l.Currency), out var sum)) sums[(key, l.Currency)] = sum = new Sum();
            sum.Lines++;
            sum.Amount += l.Amount;
            if (l.Cost is { } cost)
            {
                sum.AmountWithCost += l.Amount;
                sum.Cost += cost;
            }
        }
        foreach (var (key, difference) in await MicrosoftDifferencesAsync(first, last, by, filter, cancellationToken))
            if (sums.TryGetValue(key, out var sum)) sum.Difference = difference;

        var groups = sums.Select(s =>
            {
                var currency = CurrencyOf(s.Key.Currency);
                var v = s.Value;
                var profit = GrossProfit.Of(v.AmountWithCost, v.Cost);
                return new GrossProfitRow(s.Key.Key, names(s.Key.Key), s.Key.Currency, v.Lines, Rounding.Customer(v.Amount, currency), Rounding.Customer(v.Cost, currency),
                    Rounding.Customer(profit, currency), Margin(v.AmountWithCost, profit), Rounding.Customer(v.Amount - v.AmountWithCost, currency),
                    v.Difference is { } d ? Rounding.Customer(d, currency) : null,
                    v.Difference is { } dc ? Rounding.Customer(v.Cost + dc, currency) : null,
                    v.Difference is { } dp ? Rounding.Customer(profit - dp, currency) : null);
            })
            .OrderBy(r => by == GrossProfitGrouping.Month ? r.Key : r.Name, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToList();
        return new GrossProfitView(Wire(by), groups, [], false);
    }

    public static string Wire(GrossProfitGrouping by) => EnumText.ToWire(by);

    /// <summary>
    /// Per group and currency, Microsoft's recon lines for Prorata's subscriptions whose charge starts in the range: what
    /// Microsoft charged minus what was expected (an unexpected charge counts whole), less every expected charge Microsoft
    /// did not make. Lines in another currency than the contract's are left out: they cannot be set against its lines.
    /// A withdrawn import counts for nothing.
    /// </summary>
    private async Task<Dictionary<(string Key, string Currency), decimal>> MicrosoftDifferencesAsync(DateOnly first, DateOnly last, GrossProfitGrouping by, GrossProfitFilter filter,
        CancellationToken cancellationToken)
    {
        var withdrawn = db.ReconImports.Where(i => i.WithdrawnAt != null).Select(i => i.Id);
        var charged = await db.ReconImportLines.AsNoTracking().Where(r => r.ChargeStart >= first && r.ChargeStart <= last && !withdrawn.Contains(r.ImportId))
            .Select(r => new { r.SubscriptionId, r.ChargeStart, r.Currency, Difference = r.Total - (r.ExpectedTotal ?? 0m) }).ToListAsync(cancellationToken);
        var missing = await db.ReconImportMissing.AsNoTracking().Where(r => r.ChargeStart >= first && r.ChargeStart <= last && !withdrawn.Contains(r.ImportId))
            .Select(r => new { SubscriptionId = r.Subscription, r.ChargeStart, r.Currency, Difference = -r.Total }).ToListAsync(cancellationToken);
        var differences = new Dictionary<(string, string), decimal>();
        if (charged.Count + missing.Count == 0) return differences;

        var ids = charged.Concat(missing).Select(r => Guid.TryParse(r.SubscriptionId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var subscriptions = new Dictionary<Guid, (Guid Contract, Guid Customer, Guid LegalEntity, string Currency, string ProductId)>();
        foreach (var chunk in ids.Chunk(Chunk))
            foreach (var s in await db.Subscriptions.AsNoTracking().Where(s => chunk.Contains(s.Id))
                         .Join(db.BillingContracts.AsNoTracking(), s => s.ContractId, c => c.Id, (s, c) => new { s.Id, s.ContractId, c.CustomerId, c.LegalEntityId, c.Currency, s.ProductId })
                         .ToListAsync(cancellationToken))
                subscriptions[s.Id] = (s.ContractId, s.CustomerId, s.LegalEntityId, s.Currency, s.ProductId);

        foreach (var r in charged.Concat(missing))
        {
            if (!Guid.TryParse(r.SubscriptionId, out var id) || !subscriptions.TryGetValue(id, out var s) || s.Currency != r.Currency) continue;
            if (filter.LegalEntityId is { } entity && s.LegalEntity != entity || filter.CustomerId is { } customer && s.Customer != customer
                || filter.ContractId is { } contract && s.Contract != contract || filter.ProductId is { } product && s.ProductId != product) continue;
            var key = by switch
            {
                GrossProfitGrouping.Customer => s.Customer.ToString(),
                GrossProfitGrouping.Product => s.ProductId,
                GrossProfitGrouping.Contract => s.Contract.ToString(),
                _ => Month(r.ChargeStart),
            };
            differences[(key, r.Currency)] = differences.GetValueOrDefault((key, r.Currency)) + r.Difference;
        }
        return differences;
    }

    private async Task<Func<string, string>> NamesAsync(GrossProfitGrouping by, Dictionary<Guid, string> customers, CancellationToken cancellationToken)
    {
        switch (by)
        {
            case GrossProfitGrouping.Customer:
                return key => customers.GetValueOrDefault(Guid.Parse(key), key);
            case GrossProfitGrouping.Product:
                // The catalog's title, else the price list's: a product only priced (not in the catalog) still has a name.
                var titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var e in await db.PriceListEntries.AsNoTracking().Select(e => new { e.ProductId, e.Title }).Distinct().ToListAsync(cancellationToken))
                    if (!titles.TryGetValue(e.ProductId, out var title) || string.CompareOrdinal(e.Title, title) < 0) titles[e.ProductId] = e.Title;
                foreach (var p in await db.CatalogProducts.AsNoTracking().OrderByDescending(p => p.Title).Select(p => new { p.ProductId, p.Title }).ToListAsync(cancellationToken))
                    titles[p.ProductId] = p.Title;
                return key => titles.GetValueOrDefault(key, key);
            case GrossProfitGrouping.Contract:
                var contracts = await db.BillingContracts.AsNoTracking().Select(c => new { c.Id, c.CustomerId, c.Currency, c.BillingDay }).ToDictionaryAsync(c => c.Id, cancellationToken);
                return key => contracts.TryGetValue(Guid.Parse(key), out var c)
                    ? $"{customers.GetValueOrDefault(c.CustomerId, "")} ({c.Currency}, billing day {c.BillingDay})"
                    : key;
            default:
                return key => key;
        }
    }

    /// <summary>Gross profit as a percentage of what was billed, to two decimals; none when nothing was billed.</summary>
    private static decimal? Margin(decimal amount, decimal? profit) =>
        profit is { } p && amount > 0 ? Math.Round(p * 100m / amount, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>A quantity without the trailing zeros the database's scale adds (5, not 5.000000).</summary>
    private static decimal Plain(decimal quantity) => quantity / 1.000000000000000000000000000000000m;

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private sealed class Sum
    {
        public int Lines;
        public decimal Amount;
        public decimal AmountWithCost;
        public decimal Cost;
        public decimal? Difference;
    }
}
