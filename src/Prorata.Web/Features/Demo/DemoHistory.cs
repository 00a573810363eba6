using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Data.Catalog;
using Prorata.Data.Contracts;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Application.Subscriptions;
using Prorata.Application.Billing;
using Prorata.Domain.Subscriptions;

namespace Prorata.Web.Features.Demo;

/// <summary>
/// A year of the demo partner's life, played through the same services the app uses: two Microsoft price lists (the
/// second raises Business Premium by 5 %), a partner service, purchases and changes through the commerce rules, and every
/// billing date of the year billed and issued. The daily job bills today.
/// </summary>
public static class DemoHistory
{
    public const string BusinessBasic = "CFQ7TTC0LH18";
    public const string BusinessPremium = "CFQ7TTC0LCHC";
    public const string Microsoft365E3 = "CFQ7TTC0LFLZ";
    public const string ManagedSecurity = "NW-MANAGED-SEC";

    private static readonly (string Product, string Sku, string Title, decimal AnnualUsd)[] Offers =
    [
        (BusinessBasic, "0001", "Microsoft 365 Business Basic", 72m),
        (BusinessPremium, "0002", "Microsoft 365 Business Premium", 264m),
        (Microsoft365E3, "0001", "Microsoft 365 E3", 432m),
    ];

    // Rough market prices relative to USD; Microsoft publishes each currency's row itself.
    private static readonly (string Currency, decimal Rate, string Market)[] Currencies = [("USD", 1m, "US"), ("EUR", 0.92m, "DE"), ("GBP", 0.79m, "GB")];

    public static async Task SeedAsync(ProrataDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var start = new DateTimeOffset(today.AddMonths(-12).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var clock = new HistoricClock(start.AddDays(-1));
        var options = new BillingOptions();
        var import = new PriceListImport(db, clock);
        var firstOfMonth = new DateOnly(start.Year, start.Month, 1);
        await import.ImportAsync("NCE license-based price list (a year ago)", PriceList(firstOfMonth.AddMonths(-1), premiumIncrease: 1m), PriceRollout.AtRenewal,
            null, "demo", confirmWarnings: true, cancellationToken);
        await import.AddPartnerProductAsync(ManagedSecurity, "0001", "Northwind Managed Security", ProductKind.Service, "USD", 4.50m, TermDuration.P1M,
            BillingPlan.Monthly, "demo", cancellationToken);

        var contracts = await db.BillingContracts.AsNoTracking().Include(c => c.Customer).ToDictionaryAsync(c => c.Customer!.Name, cancellationToken);
        var actor = new ChangeActor("demo@northwind.example", ChangeSource.Staff);
        var portal = new ChangeActor("it@contoso.example", ChangeSource.Portal);
        var steps = new List<(TimeSpan After, Func<SubscriptionChanges, Dictionary<string, Guid>, Task> Step)>
        {
            (TimeSpan.FromDays(2), (c, s) => Buy(c, s, "contoso-premium", contracts["Contoso Ltd"], BusinessPremium, "0002", TermDuration.P1Y, BillingPlan.Monthly, 25, actor)),
            (TimeSpan.FromDays(2.1), (c, s) => Buy(c, s, "contoso-security", contracts["Contoso Ltd"], ManagedSecurity, "0001", TermDuration.P1M, BillingPlan.Monthly, 25, actor)),
            (TimeSpan.FromDays(5), (c, s) => Buy(c, s, "europe-basic", contracts["Contoso Europe GmbH"], BusinessBasic, "0001", TermDuration.P1Y, BillingPlan.Monthly, 40, actor)),
            (TimeSpan.FromDays(10), (c, s) => Buy(c, s, "fabrikam-basic", contracts["Fabrikam UK Ltd"], BusinessBasic, "0001", TermDuration.P1Y, BillingPlan.Monthly, 15, actor)),
            (TimeSpan.FromDays(15), (c, s) => Buy(c, s, "adatum-premium", contracts["Adatum Corporation"], BusinessPremium, "0002", TermDuration.P1Y, BillingPlan.Monthly, 8, actor)),
            (TimeSpan.FromDays(20), (c, s) => Buy(c, s, "contoso-e3", contracts["Contoso Ltd"], Microsoft365E3, "0001", TermDuration.P1Y, BillingPlan.Annual, 10, actor)),
            (TimeSpan.FromDays(25), (c, s) => Buy(c, s, "tailspin-e3", contracts["Tailspin Toys BV"], Microsoft365E3, "0001", TermDuration.P1Y, BillingPlan.Monthly, 12, actor)),
            (TimeSpan.FromDays(40), (c, s) => Buy(c, s, "fabrikam-premium", contracts["Fabrikam UK Ltd"], BusinessPremium, "0002", TermDuration.P1M, BillingPlan.Monthly, 5, actor)),
            (TimeSpan.FromDays(42), (c, s) => Change(c, s, "fabrikam-premium", new ChangeRequest(SubscriptionEventType.Cancel), actor)),
            (TimeSpan.FromDays(95), (c, s) => Change(c, s, "contoso-premium", new ChangeRequest(SubscriptionEventType.SetQuantity) { Quantity = 30 }, portal)),
            (TimeSpan.FromDays(96), (c, s) => Change(c, s, "contoso-security", new ChangeRequest(SubscriptionEventType.SetQuantity) { Quantity = 30 }, portal)),
            (TimeSpan.FromDays(180), (c, s) => Change(c, s, "europe-basic", new ChangeRequest(SubscriptionEventType.SetQuantity) { Quantity = 50 }, actor)),
            (TimeSpan.FromDays(200), (c, s) => Change(c, s, "contoso-e3", new ChangeRequest(SubscriptionEventType.ScheduleRenewal) { Quantity = 12 }, actor)),
            (TimeSpan.FromDays(240), (c, s) => Change(c, s, "tailspin-e3", new ChangeRequest(SubscriptionEventType.Suspend), actor)),
            (TimeSpan.FromDays(270), (c, s) => Change(c, s, "tailspin-e3", new ChangeRequest(SubscriptionEventType.Reactivate), actor)),
            (TimeSpan.FromDays(300), (c, s) => Change(c, s, "adatum-premium", new ChangeRequest(SubscriptionEventType.SetQuantity) { Quantity = 10 }, actor)),
        };

        var ids = new Dictionary<string, Guid>();
        var secondList = today.AddMonths(-4);
        var secondListImported = false;
        foreach (var (after, step) in steps)
        {
            clock.Now = start + after;
            if (!secondListImported && DateOnly.FromDateTime(clock.Now.UtcDateTime) >= secondList)
            {
                await import.ImportAsync("NCE license-based price list (Premium +5 %)", PriceList(new DateOnly(secondList.Year, secondList.Month, 1), premiumIncrease: 1.05m),
                    PriceRollout.AtRenewal, null, "demo", confirmWarnings: true, cancellationToken);
                secondListImported = true;
            }
            db.ChangeTracker.Clear();
            await step(new SubscriptionChanges(db, options, clock), ids);
        }

        // Every billing date of the year up to yesterday, in order; the daily job bills today.
        for (var date = DateOnly.FromDateTime(start.UtcDateTime); date < today; date = date.AddDays(1))
        {
            clock.Now = new DateTimeOffset(date.ToDateTime(new TimeOnly(0, 5)), TimeSpan.Zero);
            db.ChangeTracker.Clear();
            await new BillingRunner(db, options, clock).RunAsync(date, issue: true, null, cancellationToken);
        }
        db.ChangeTracker.Clear();
    }

    private static async Task Buy(SubscriptionChanges changes, Dictionary<string, Guid> ids, string name, BillingContract contract, string product, string sku,
        TermDuration term, BillingPlan plan, int quantity, ChangeActor actor, CancellationToken cancellationToken = default)
    {
        var outcome = await changes.PurchaseAsync(new PurchaseRequest(contract.Id, product, sku, term, plan, quantity), actor, cancellationToken);
        ids[name] = outcome.Subscription?.Id ?? throw new InvalidOperationException($"Demo purchase {name} refused: {outcome.Refusal?.Message ?? outcome.NotFound}");
    }

    private static async Task Change(SubscriptionChanges changes, Dictionary<string, Guid> ids, string name, ChangeRequest request, ChangeActor actor)
    {
        var outcome = await changes.ChangeAsync(ids[name], request, actor, CancellationToken.None);
        if (outcome.Subscription is null) throw new InvalidOperationException($"Demo change of {name} refused: {outcome.Refusal?.Message ?? outcome.NotFound}");
    }

    /// <summary>The demo SKUs in USD, EUR and GBP: P1Y monthly (+5 % over annual since April 2025), P1Y annual, and P1M (+20 %).</summary>
    public static PriceListParse PriceList(DateOnly effectiveFrom, decimal premiumIncrease)
    {
        var rows = new List<PriceListEntry>();
        foreach (var (product, sku, title, annual) in Offers)
        foreach (var (currency, rate, market) in Currencies)
        {
            var year = Math.Round(annual * rate * (product == BusinessPremium ? premiumIncrease : 1m), 2);
            foreach (var (term, plan, price) in new[]
                     {
                         (TermDuration.P1Y, BillingPlan.Annual, year),
                         (TermDuration.P1Y, BillingPlan.Monthly, Math.Round(year * 1.05m, 2)),
                         (TermDuration.P1M, BillingPlan.Monthly, Math.Round(year * 1.2m / 12m, 2)),
                     })
                rows.Add(new PriceListEntry
                {
                    ProductId = product, SkuId = sku, Title = title, Term = term, BillingPlan = plan, Market = market, Currency = currency,
                    UnitPrice = price, ErpPrice = Math.Round(price * 1.2m, 2), EffectiveFrom = effectiveFrom, Publisher = Publisher.Microsoft,
                });
        }
        return new PriceListParse(rows, 0, []);
    }
}
