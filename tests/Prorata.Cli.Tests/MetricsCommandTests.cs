using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Cli.Insight;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Data.Commissions;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

/// <summary>
/// `prorata metrics deferred-revenue` on its own SQLite file: Northwind Test GmbH billed an annual seat in advance, INV-000001
/// of 2026-01-15, 1,200.00 for 2026-01-15..2027-01-14 (365 days), and a draft that is not revenue yet. By Jan 31 17 days
/// are earned (55.89), by Feb 28 45 days (147.95), by Mar 31 76 days (249.86).
/// </summary>
public sealed class MetricsCommandTests : IAsyncLifetime
{
    private const string Entity = "Northwind Test GmbH";
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        var at = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(_database.ConnectionString));
        await db.Database.MigrateAsync();
        var entity = TestLegalEntities.New(Entity, at);
        var customer = new Customer { Id = Guid.NewGuid(), Name = "Fabrikam GmbH", Currency = "EUR", BillingEmail = "ap@fabrikam.example", CreatedAt = at, UpdatedAt = at, Version = 1 };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "EUR", BillingDay = 15, PaymentTermsDays = 30, LegalEntity = entity, CreatedAt = at, UpdatedAt = at, Version = 1,
        };
        var subscription = new CustomerSubscription
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, ProductId = "CFQ7TTC0LF8Q", SkuId = "0001", Title = "Microsoft 365 E3", Term = TermDuration.P1Y,
            BillingPlan = BillingPlan.Annual, Quantity = 1, AutoRenew = true, CreatedAt = at, UpdatedAt = at, ChangeCount = 1,
        };
        var issued = Invoice(contract, subscription, new DateOnly(2026, 1, 15), 1200.00m, at);
        db.AddRange(entity, customer, contract, subscription, issued, Invoice(contract, subscription, new DateOnly(2026, 2, 15), 500.00m, at));
        await db.SaveChangesAsync();
        // Issued as issuing does it: lines are written while a draft, then the status and number.
        (issued.Status, issued.Number, issued.IssuedAt) = (InvoiceStatus.Issued, 1, at);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task DeferredRevenue_MonthsAsked_AsTextAndCsv()
    {
        var text = await MetricsAsync("deferred-revenue", "--from", "2026-01", "--to", "2026-03");
        var csv = await MetricsAsync("deferred-revenue", "--from", "2026-02", "--to", "2026-03", "--legal-entity", Entity, "--csv");
        var lastTwelve = await MetricsAsync("deferred-revenue");

        Assert.Equal((0, "deferred revenue 2026-01 to 2026-03\n"
            + "Northwind Test GmbH EUR 2026-01: opening 0.00, billed 1200.00, recognised 55.89, closing 1144.11\n"
            + "Northwind Test GmbH EUR 2026-02: opening 1144.11, billed 0.00, recognised 92.06, closing 1052.05\n"
            + "Northwind Test GmbH EUR 2026-03: opening 1052.05, billed 0.00, recognised 101.91, closing 950.14\n", ""), text);
        Assert.Equal((0, "LegalEntity,Currency,Month,Opening,Billed,Recognised,Closing\r\n"
            + "Northwind Test GmbH,EUR,2026-02,1144.11,0.00,92.06,1052.05\r\n"
            + "Northwind Test GmbH,EUR,2026-03,1052.05,0.00,101.91,950.14\r\n", ""), csv);
        // Without a range: 2025-04 to 2026-03, the clock's month last.
        Assert.Equal(12, lastTwelve.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.StartsWith("deferred revenue 2025-04 to 2026-03\nNorthwind Test GmbH EUR 2025-04: opening 0.00, billed 0.00, recognised 0.00, closing 0.00\n", lastTwelve.Output);
    }

    [Fact]
    public async Task Mrr_NoChangeLogged_SaysNothingWasActiveAndExportsOnlyTheHeader()
    {
        // The book's subscription was written without a change-log entry: MRR is read from the log alone.
        var text = await MetricsAsync("mrr", "--from", "2026-01", "--to", "2026-03");
        var csv = await MetricsAsync("mrr", "--from", "2026-01", "--to", "2026-03", "--csv");
        var otherVerbsOption = await MetricsAsync("deferred-revenue", "--partner-currency", "EUR");

        Assert.Equal((0, "MRR 2026-01 to 2026-03: no subscription was active at these month ends\n", ""), text);
        Assert.Equal((0, "Month,Customer,Currency,Mrr,MrrCost,Arr,Margin,Movement\r\n", ""), csv);
        Assert.Equal(2, otherVerbsOption.Exit);
    }

    [Fact]
    public async Task Mrr_ByProductAndLegalEntityAndConverted_AsTextAndCsv()
    {
        await LogPurchasesAsync();

        var byProduct = await MetricsAsync("mrr", "--from", "2026-01", "--to", "2026-02", "--by", "product");
        var byEntity = await MetricsAsync("mrr", "--from", "2026-01", "--to", "2026-02", "--by", "legal-entity", "--csv");
        var converted = await MetricsAsync("mrr", "--from", "2026-01", "--to", "2026-02", "--convert-to", "EUR", "--rates", "USD:0.92");

        // Contoso's 3 seats from January in USD: 3 × 25.00 = 75.00, cost 60.00; Fabrikam's 2 from February in EUR: 50.00, cost 40.00.
        const string totals = "EUR 2026-02: MRR 50.00 (1 customers), new 50.00, expansion 0.00, contraction 0.00, churn 0.00, reactivation 0.00; cost 40.00, margin 10.00, ARR 600.00; usage 0.00\n"
            + "USD 2026-01: MRR 75.00 (1 customers), new 75.00, expansion 0.00, contraction 0.00, churn 0.00, reactivation 0.00; cost 60.00, margin 15.00, ARR 900.00; usage 0.00\n"
            + "USD 2026-02: MRR 75.00 (1 customers), new 0.00, expansion 0.00, contraction 0.00, churn 0.00, reactivation 0.00; cost 60.00, margin 15.00, ARR 900.00; usage 0.00\n";
        Assert.Equal((0, "MRR 2026-01 to 2026-02\n" + totals
            + "2026-02 CLI-SEATS Cli Test Seats EUR: MRR 50.00, cost 40.00, margin 10.00, ARR 600.00, new\n"
            + "2026-01 CLI-SEATS Cli Test Seats USD: MRR 75.00, cost 60.00, margin 15.00, ARR 900.00, new\n"
            + "2026-02 CLI-SEATS Cli Test Seats USD: MRR 75.00, cost 60.00, margin 15.00, ARR 900.00, none\n", ""), byProduct);
        Assert.Equal((0, "Month,LegalEntity,Currency,Mrr,MrrCost,Arr,Margin,Movement\r\n"
            + "2026-01,Contoso Test Ltd,USD,75.00,60.00,900.00,15.00,new\r\n"
            + "2026-02,Contoso Test Ltd,USD,75.00,60.00,900.00,15.00,none\r\n"
            + "2026-02,Northwind Test GmbH,EUR,50.00,40.00,600.00,10.00,new\r\n", ""), byEntity);
        // January: 75.00 × 0.92 = 69.00, cost 60.00 × 0.92 = 55.20; February: 69.00 + 50.00 = 119.00, cost 55.20 + 40.00 = 95.20.
        Assert.Equal((0, "MRR 2026-01 to 2026-02\n" + totals
            + "converted to EUR 2026-01 at USD 0.92: MRR 69.00, cost 55.20, margin 13.80, ARR 828.00; usage 0.00\n"
            + "converted to EUR 2026-02 at EUR 1, USD 0.92: MRR 119.00, cost 95.20, margin 23.80, ARR 1428.00; usage 0.00\n", ""), converted);
    }

    [Fact]
    public async Task Mrr_BySalesperson_WhoSellsTheContractAtEachMonthEnd()
    {
        await LogPurchasesAsync();
        var at = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);
        await using (var db = new ProrataDbContext(ProrataDatabase.CreateOptions(_database.ConnectionString)))
        {
            var ana = new Salesperson { Id = Guid.NewGuid(), Name = "Ana Lima", Email = "ana@partner.example", Active = true, CreatedAt = at };
            var contoso = await db.BillingContracts.SingleAsync(c => c.Currency == "USD");
            db.Add(ana);
            db.Add(new ContractSalesperson { ContractId = contoso.Id, From = new DateOnly(2026, 2, 1), SalespersonId = ana.Id, AssignedBy = "tests", AssignedAt = at });
            await db.SaveChangesAsync();
        }

        var csv = await MetricsAsync("mrr", "--from", "2026-01", "--to", "2026-02", "--by", "salesperson", "--csv");

        // Contoso's contract is nobody's in January and Ana's from February; Fabrikam's is nobody's.
        Assert.Equal((0, "Month,Salesperson,Currency,Mrr,MrrCost,Arr,Margin,Movement\r\n"
            + "2026-02,Ana Lima,USD,75.00,60.00,900.00,15.00,new\r\n"
            + "2026-02,No salesperson,EUR,50.00,40.00,600.00,10.00,new\r\n"
            + "2026-01,No salesperson,USD,75.00,60.00,900.00,15.00,new\r\n"
            + "2026-02,No salesperson,USD,0.00,0.00,0.00,0.00,churn\r\n", ""), csv);
    }

    [Fact]
    public async Task Mrr_UnknownByOrACurrencyWithoutRate_Exit2NamingThem()
    {
        await LogPurchasesAsync();

        var unknown = await MetricsAsync("mrr", "--by", "seller");
        var unrated = await MetricsAsync("mrr", "--from", "2026-01", "--to", "2026-02", "--convert-to", "EUR");
        var badRate = await MetricsAsync("mrr", "--convert-to", "EUR", "--rates", "USD=0.92");

        Assert.Equal((2, "", "--by: by must be customer, product, legal-entity or salesperson; got 'seller'.\n"), unknown);
        Assert.Equal((2, "", "--rates: no rate to EUR was stated for USD, which these months have\n"), unrated);
        Assert.Equal((2, "", "--rates: rates must be written CODE:RATE,…, such as USD:0.92,GBP:1.17 (units of EUR per 1 unit of CODE); got 'USD=0.92'.\n"), badRate);
    }

    [Fact]
    public async Task DeferredRevenue_BadArguments_Exit2NamingThem()
    {
        var noVerb = await CommandRun.RunAsync(MetricsCommand.RunAsync, _time);
        var badMonth = await MetricsAsync("deferred-revenue", "--from", "2026-13");
        var reversed = await MetricsAsync("deferred-revenue", "--from", "2026-03", "--to", "2026-01");
        var tooLong = await MetricsAsync("deferred-revenue", "--from", "2010-01", "--to", "2026-01");
        var nobody = await MetricsAsync("deferred-revenue", "--legal-entity", "Contoso Ltd");

        Assert.Equal((2, ""), (noVerb.Exit, noVerb.Output));
        Assert.StartsWith("metrics needs mrr, renewals, deferred-revenue, gross-profit or margin-floors\nusage: prorata metrics mrr", noVerb.Error);
        Assert.Equal((2, "", "--from: from must be a month written yyyy-MM, such as 2026-01; got '2026-13'.\n"), badMonth);
        Assert.Equal((2, "", "--to: to must not be before from (2026-03); got 2026-01.\n"), reversed);
        Assert.Equal((2, "", "--to: a report covers at most 120 months; 2010-01 to 2026-01 is 193.\n"), tooLong);
        Assert.Equal((2, "", "--legal-entity: no legal entity has the id or name 'Contoso Ltd'\n"), nobody);
    }

    /// <summary>
    /// Purchases logged as facts, priced from "Cli Test Seats" (P1Y billed monthly, 240.00 a year in USD and EUR: cost 20.00 a
    /// month) at cost + 25 % (25.00): Contoso (USD, its own entity Contoso Test Ltd) 3 seats on 2026-01-10, Fabrikam (EUR,
    /// Northwind Test GmbH) 2 seats on 2026-02-05.
    /// </summary>
    private async Task LogPurchasesAsync()
    {
        var at = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(_database.ConnectionString));
        db.PriceListVersions.Add(new PriceListVersion
        {
            Id = Guid.NewGuid(), Name = "mrr", ImportedAt = at, ImportedBy = "tests", EffectiveFrom = new DateOnly(2025, 1, 1),
            Entries = [.. new[] { ("US", "USD"), ("DE", "EUR") }.Select(row => new PriceListEntry
            {
                ProductId = "CLI-SEATS", SkuId = "0001", Title = "Cli Test Seats", Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = row.Item1,
                Currency = row.Item2, UnitPrice = 240.00m, ErpPrice = 288.00m, EffectiveFrom = new DateOnly(2025, 1, 1), Publisher = Publisher.Microsoft,
            })],
        });
        var contoso = new Customer { Id = Guid.NewGuid(), Name = "Contoso Inc", Currency = "USD", BillingEmail = "ap@contoso.example", CreatedAt = at, UpdatedAt = at, Version = 1 };
        var fabrikam = await db.Customers.SingleAsync();
        Buy(new BillingContract { Id = Guid.NewGuid(), CustomerId = contoso.Id, Currency = "USD", BillingDay = 1, PaymentTermsDays = 30,
            LegalEntity = TestLegalEntities.New("Contoso Test Ltd", at, "USD"), CreatedAt = at, UpdatedAt = at, Version = 1 }, 3, new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));
        Buy(new BillingContract { Id = Guid.NewGuid(), CustomerId = fabrikam.Id, Currency = "EUR", BillingDay = 1, PaymentTermsDays = 30,
            LegalEntityId = (await db.LegalEntities.SingleAsync()).Id, CreatedAt = at, UpdatedAt = at, Version = 1 }, 2, new DateTimeOffset(2026, 2, 5, 9, 0, 0, TimeSpan.Zero));
        db.Add(contoso);
        await db.SaveChangesAsync();

        void Buy(BillingContract contract, int seats, DateTimeOffset on)
        {
            contract.PricingRules = [new ContractPricingRule { Position = 0, ProductId = "*", Method = PricingMethod.MarkupOnCost, Value = 25m }];
            var subscription = new CustomerSubscription
            {
                Id = Guid.NewGuid(), ContractId = contract.Id, ProductId = "CLI-SEATS", SkuId = "0001", Title = "Cli Test Seats", Term = TermDuration.P1Y,
                BillingPlan = BillingPlan.Monthly, CreatedAt = on, UpdatedAt = on,
            };
            db.AddRange(contract, subscription);
            ChangeLog.Append(db, subscription, new LicenseChangeEntry
            {
                Type = Prorata.Domain.Subscriptions.SubscriptionEventType.Purchase, Quantity = seats, Enabled = true, At = on, RecordedAt = on, Actor = "tests",
                Source = ChangeSource.Staff,
            }, new SubscriptionSnapshot(Prorata.Domain.Subscriptions.SubscriptionStatus.Active, seats, true));
        }
    }

    [Fact]
    public async Task GrossProfit_IssuedLinesOnly_ByProductAndLine_AndMarginFloorsSetListedRemoved()
    {
        // The issued line: 1,200.00 against a cost of 960.00 → 240.00, 20.00 %. The draft of February is not revenue.
        var byProduct = await MetricsAsync("gross-profit", "--from", "2026-01", "--to", "2026-03");
        var csv = await MetricsAsync("gross-profit", "--by", "line", "--from", "2026-01", "--to", "2026-01", "--csv");
        // 30 % over 960.00 is 1,248.00: the line is 48.00 under it.
        var set = await MetricsAsync("margin-floors", "--set", "*=30", "--as", "finance@partner.example");
        var byLine = await MetricsAsync("gross-profit", "--by", "line", "--from", "2026-01", "--to", "2026-01", "--customer", "Fabrikam GmbH");
        var removed = await MetricsAsync("margin-floors", "--remove", "*");
        var again = await MetricsAsync("margin-floors", "--remove", "*");
        var badFloor = await MetricsAsync("margin-floors", "--set", "*=-5");
        var badBy = await MetricsAsync("gross-profit", "--by", "week");

        Assert.Equal((0, "gross profit by product 2026-01 to 2026-03\nCFQ7TTC0LF8Q EUR: 1 line, amount 1200.00, cost 960.00, gross profit 240.00 (20.00 %)\n", ""), byProduct);
        Assert.Equal((0, "Invoice,InvoiceDate,Customer,Line,Kind,ProductId,SkuId,PeriodStart,PeriodEnd,Quantity,Currency,Amount,Cost,GrossProfit,MarginPercent,FloorShortfall\r\n"
            + "INV-000001,2026-01-15,Fabrikam GmbH,2,recurring,CFQ7TTC0LF8Q,0001,2026-01-15,2027-01-14,1,EUR,1200.00,960.00,240.00,20,\r\n", ""), csv);
        Assert.Equal((0, "margin floors (percent over the provider cost):\n* (partner): 30 %, set by finance@partner.example on 2026-03-20\n", ""), set);
        Assert.Equal((0, "gross profit by line 2026-01 to 2026-01\n"
            + "INV-000001 line 2 2026-01-15 Fabrikam GmbH 0001 2026-01-15–2027-01-14: 1200.00 EUR, gross profit 240.00 (20.00 %), 48.00 under the margin floor\n", ""), byLine);
        Assert.Equal((0, "no margin floor is set\n", ""), removed);
        Assert.Equal((1, "", "--remove: no margin floor is set for '*'\n"), again);
        Assert.Equal((2, "", "--set (percent): percent must be a percentage of the provider cost from 0 to 1000; got -5.\n"), badFloor);
        Assert.Equal((2, "", "--by: by must be one of line, customer, product, contract, month; got 'week'.\n"), badBy);
    }

    private static CustomerInvoice Invoice(BillingContract contract, CustomerSubscription subscription, DateOnly date, decimal amount, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), ContractId = contract.Id, BillingDate = date, Kind = InvoiceKind.Invoice, Status = InvoiceStatus.Draft, LegalEntityId = contract.LegalEntity!.Id,
        LegalEntityName = Entity, NumberPrefix = "INV-", Currency = "EUR", Subtotal = amount, Total = amount, DueDate = date.AddDays(30), CreatedAt = at,
        Lines =
        [
            new CustomerInvoiceLine
            {
                Position = 1, SubscriptionId = subscription.Id, Kind = Prorata.Domain.Billing.InvoiceLineKind.Recurring, PeriodStart = date, PeriodEnd = date.AddYears(1).AddDays(-1),
                Quantity = 1, UnitPrice = amount, Amount = amount, Days = 365, PeriodDays = 365, ProductId = "CFQ7TTC0LF8Q", SkuId = "0001",
                Cost = amount * 0.8m,
            },
        ],
    };

    private Task<(int Exit, string Output, string Error)> MetricsAsync(params string[] args) =>
        CommandRun.RunAsync(MetricsCommand.RunAsync, _time, [.. args, "--connection", _database.ConnectionString]);
}
