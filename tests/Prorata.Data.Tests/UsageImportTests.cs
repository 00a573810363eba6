using Prorata.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Data.Billing;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.Reconciliation;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Reconciliation;
using Prorata.Domain.Subscriptions;
using Prorata.Application.Subscriptions;
using Prorata.Application.Billing;
using InvoiceLineKind = Prorata.Domain.Billing.InvoiceLineKind;

namespace Prorata.Data.Tests;

/// <summary>
/// Microsoft's daily-rated usage stored and billed in arrears on each provider: the rows kept with every column, summed
/// into change-log usage entries, billed by the next run at the contract's markup, corrected by a later file, and traced
/// both ways; a refused or repeated file stores nothing.
/// </summary>
public abstract class UsageImportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    protected abstract string ConnectionString { get; }

    private FakeTimeProvider Time { get; } = new(Start);

    private BillingOptions Options { get; } = new() { PartnerCurrency = "EUR" };

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Import_DailyRows_StoredWithEveryColumnAndSummedPerPlanDayAndMeter()
    {
        var (_, plan) = await AzurePlanAsync(billingDay: 1);
        Time.SetUtcNow(new DateTimeOffset(2026, 6, 5, 8, 0, 0, TimeSpan.Zero));

        var outcome = await ImportAsync(MayRows(plan));

        await using var db = NewContext();
        var import = outcome.Import!;
        Assert.Equal((false, 4L, 1L, 69.46m), (outcome.Duplicate, import.Rows, import.UnassignedRows, import.Cost));
        var rows = await db.UsageRows.AsNoTracking().Where(r => r.ImportId == import.Id).OrderBy(r => r.Row).ToListAsync();
        Assert.Equal([(2L, (Guid?)plan, 36.00m), (3L, plan, 36.00m), (4L, plan, 2.30m), (5L, null, 8.00m)],
            rows.Select(r => (r.Row, r.PlanSubscriptionId, r.Retail)));
        Assert.Equal([new KeyValuePair<string, string>("Tags", "{\"env\":\"prod\"}"), new("ResourceGroup", "rg\u001Fodd")],
            PackedColumns.UnpackPairs(rows[0].OtherColumns));
        var entries = await db.LicenseChangeLog.AsNoTracking().Where(e => e.SubscriptionId == plan && e.Type == SubscriptionEventType.Usage)
            .OrderBy(e => e.Sequence).ToListAsync();
        // Two rows of the same meter on May 3 are one entry; the storage meter of the same day is another.
        Assert.Equal(
            [
                (2, new DateOnly(2026, 5, 3), Vm, 61.20m, 72.00m, ChangeSource.UsageFile, new DateTimeOffset(2026, 6, 5, 8, 0, 0, TimeSpan.Zero)),
                (3, new DateOnly(2026, 5, 3), Storage, 2.13m, 2.30m, ChangeSource.UsageFile, new DateTimeOffset(2026, 6, 5, 8, 0, 0, TimeSpan.Zero)),
            ],
            entries.Select(e => (e.Sequence, e.UsageDate!.Value, e.Meter!, e.Cost!.Value, e.Retail!.Value, e.Source, e.At)));
        Assert.Equal(3, (await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == plan)).ChangeCount);
    }

    [Fact]
    public async Task BillingRun_AfterImport_UsageLineAtMarkupTracedBothWaysAndALateFileCorrected()
    {
        var (contract, plan) = await AzurePlanAsync(billingDay: 1);
        Time.SetUtcNow(new DateTimeOffset(2026, 6, 5, 8, 0, 0, TimeSpan.Zero));
        var first = (await ImportAsync(MayRows(plan))).Import!;
        Time.SetUtcNow(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));

        await using (var db = NewContext())
        {
            await new BillingRunner(db, Options, Time).RunAsync(new DateOnly(2026, 7, 1), issue: true, null, CancellationToken.None);
        }
        var july = await UsageLineAsync(contract, new DateOnly(2026, 7, 1));
        // May at cost 61.20 + 2.13 = 63.33; +15 % = 72.8295 → 72.83, half away from zero, once.
        Assert.Equal((new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), 1m, 72.83m), (july.PeriodStart, july.PeriodEnd, july.Quantity, july.Amount));

        await using (var db = NewContext())
        {
            var back = (await new UsageTrace(db).BackAsync(july.InvoiceId, july.Position, CancellationToken.None))!;
            Assert.Equal([2L, 3L, 4L], back.Rows.Select(r => r.Row));
            Assert.Equal((63.33m, 74.30m, 72.83m, 0m, "markup on cost 15%: 63.33 × 1.15 = 72.83 EUR"),
                (back.MonthCost, back.MonthRetail, back.Rated, back.BilledBefore, back.Pricing));
            var billed = (await new UsageTrace(db).ForwardAsync(first.Id, 3, CancellationToken.None))!;
            Assert.Equal(("billed", (Guid?)july.InvoiceId, (int?)july.Position, (decimal?)72.83m), (billed.State, billed.InvoiceId, billed.Position, billed.LineAmount));
            var orphan = (await new UsageTrace(db).ForwardAsync(first.Id, 5, CancellationToken.None))!;
            Assert.Equal("noSubscription", orphan.State);
        }

        // A second file brings May 20, imported after the July run: not billed until the August run corrects May.
        Time.SetUtcNow(new DateTimeOffset(2026, 7, 6, 8, 0, 0, TimeSpan.Zero));
        var late = (await ImportAsync([Usage(2, plan.ToString(), new DateOnly(2026, 5, 20), Vm, 10.00m, 12.00m)])).Import!;
        await using (var db = NewContext())
        {
            var waiting = (await new UsageTrace(db).ForwardAsync(late.Id, 2, CancellationToken.None))!;
            Assert.Equal(("notBilledYet", (Guid?)null), (waiting.State, waiting.InvoiceId));
        }
        Time.SetUtcNow(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));
        await using (var db = NewContext())
        {
            await new BillingRunner(db, Options, Time).RunAsync(new DateOnly(2026, 8, 1), issue: true, null, CancellationToken.None);
        }
        var august = await UsageLineAsync(contract, new DateOnly(2026, 8, 1));
        // May is now 73.33 at cost → 84.3295 → 84.33; 72.83 was billed: the correction is 11.50.
        Assert.Equal((new DateOnly(2026, 5, 1), 11.50m), (august.PeriodStart, august.Amount));
        await using (var db = NewContext())
        {
            var back = (await new UsageTrace(db).BackAsync(august.InvoiceId, august.Position, CancellationToken.None))!;
            Assert.Equal([(late.Id, 2L)], back.Rows.Select(r => (r.ImportId, r.Row)));
            Assert.Equal((73.33m, 84.33m, 72.83m), (back.MonthCost, back.Rated, back.BilledBefore));
            var corrected = (await new UsageTrace(db).ForwardAsync(late.Id, 2, CancellationToken.None))!;
            Assert.Equal(("billed", (Guid?)august.InvoiceId), (corrected.State, corrected.InvoiceId));
            var stillFirst = (await new UsageTrace(db).ForwardAsync(first.Id, 2, CancellationToken.None))!;
            Assert.Equal((Guid?)july.InvoiceId, stillFirst.InvoiceId);
        }
    }

    [Fact]
    public async Task Import_SameBytesAgain_ReturnsTheEarlierImportAndAddsNothing()
    {
        var (_, plan) = await AzurePlanAsync(billingDay: 2);
        var sha = NewSha();
        var first = await ImportAsync(MayRows(plan), sha);

        var again = await ImportAsync(MayRows(plan), sha);

        await using var db = NewContext();
        Assert.Equal((true, first.Import!.Id), (again.Duplicate, again.Import!.Id));
        Assert.Equal(4, await db.UsageRows.CountAsync(r => r.PlanSubscriptionId == plan || r.ImportId == first.Import.Id));
        Assert.Equal(2, await db.LicenseChangeLog.CountAsync(e => e.SubscriptionId == plan && e.Type == SubscriptionEventType.Usage));
    }

    [Fact]
    public async Task Import_DayOfAPlanAlreadyStored_RefusedAtItsRowAndNothingStored()
    {
        var (_, plan) = await AzurePlanAsync(billingDay: 3);
        await ImportAsync(MayRows(plan));
        var sha = NewSha();

        var outcome = await ImportAsync([Usage(2, plan.ToString(), new DateOnly(2026, 5, 4), Vm, 1m, 1m), Usage(3, plan.ToString().ToUpperInvariant(), new DateOnly(2026, 5, 3), Vm, 1m, 1m)], sha);

        await using var db = NewContext();
        Assert.Equal((3L, "UsageDate", "2026-05-03"), (outcome.Refusal!.Row, outcome.Refusal.Column, outcome.Refusal.Value));
        Assert.StartsWith($"row 3, column UsageDate: usage of Azure plan {plan} on 2026-05-03 is already stored by 'may.csv'", outcome.Refusal.Message);
        Assert.Equal(0, await db.UsageImports.CountAsync(i => i.Sha256 == sha));
        Assert.Equal(2, await db.LicenseChangeLog.CountAsync(e => e.SubscriptionId == plan && e.Type == SubscriptionEventType.Usage));
    }

    [Fact]
    public async Task Import_ParseErrorAfterTwoRows_PropagatesAndNothingStored()
    {
        var (_, plan) = await AzurePlanAsync(billingDay: 4);
        var sha = NewSha();

        await Assert.ThrowsAsync<FormatException>(() => ImportAsync(Failing(plan), sha));

        await using var db = NewContext();
        Assert.Equal((0, 0, 1), (await db.UsageImports.CountAsync(i => i.Sha256 == sha), await db.UsageRows.CountAsync(r => r.PlanSubscriptionId == plan),
            (await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == plan)).ChangeCount));
    }

    private const string Vm = "a1b2c3d4-0000-4000-8000-000000000006";
    private const string Storage = "a1b2c3d4-0000-4000-8000-000000000015";

    private static List<UsageLine> MayRows(Guid plan) =>
    [
        Usage(2, plan.ToString(), new DateOnly(2026, 5, 3), Vm, 30.60m, 36.00m) with
        {
            Extra = [new("Tags", "{\"env\":\"prod\"}"), new("ResourceGroup", "rg\u001Fodd")],
        },
        Usage(3, plan.ToString(), new DateOnly(2026, 5, 3), Vm, 30.60m, 36.00m),
        // Retail 2.50 USD at 0.92 is 2.30 in the billing currency.
        Usage(4, plan.ToString(), new DateOnly(2026, 5, 3), Storage, 2.13m, 2.50m) with { PcToBcExchangeRate = 0.92m },
        // An Azure plan Prorata does not know; a new one per file, since two files must not share a plan's day.
        Usage(5, Guid.NewGuid().ToString(), new DateOnly(2026, 5, 3), Vm, 6.13m, 8.00m),
    ];

    private static IEnumerable<UsageLine> Failing(Guid plan)
    {
        yield return Usage(2, plan.ToString(), new DateOnly(2026, 5, 7), Vm, 1m, 1m);
        yield return Usage(3, plan.ToString(), new DateOnly(2026, 5, 8), Vm, 1m, 1m);
        throw new FormatException("row 4, column UsageDate: 'x' is not a date");
    }

    private static UsageLine Usage(long row, string plan, DateOnly day, string meter, decimal cost, decimal retail) => new()
    {
        Row = row, CustomerId = "4c1a5d1e-6a52-4b1f-9a8e-1f0c2b3d4e5f", SubscriptionId = plan, UsageDate = day, MeterId = meter, MeterName = meter == Vm ? "D2s v5" : "LRS",
        Quantity = 24m, BillingPreTaxTotal = cost, BillingCurrency = "EUR", PricingPreTaxTotal = retail, PricingCurrency = "USD",
    };

    private async Task<UsageImportOutcome> ImportAsync(IEnumerable<UsageLine> rows, string? sha = null)
    {
        await using var db = NewContext();
        return await new UsageImporter(db, Time).ImportAsync("may.csv", sha ?? NewSha(), rows, CancellationToken.None);
    }

    private static string NewSha() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0');

    private async Task<CustomerInvoiceLine> UsageLineAsync(Guid contract, DateOnly date)
    {
        await using var db = NewContext();
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.ContractId == contract && i.BillingDate == date);
        return invoice.Lines.Single(l => l.Kind == InvoiceLineKind.Usage);
    }

    /// <summary>A contract that marks Azure usage up 15 % on cost, and an Azure plan under it, bought at <see cref="Start"/>.</summary>
    private async Task<(Guid Contract, Guid Plan)> AzurePlanAsync(int billingDay)
    {
        Time.SetUtcNow(Start);
        await using var db = NewContext();
        var name = $"Azure {Guid.NewGuid():N}";
        var customer = new Customer { Id = Guid.NewGuid(), Name = name, Currency = "EUR", BillingEmail = "b@example.com", CreatedAt = Start, UpdatedAt = Start, Version = 1,
            // Billing, not tax, is under test: an exempt customer's invoices carry no tax and raise no tax question.
            TaxExempt = true, TaxExemptionCertificate = "TEST-EXEMPT" };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "EUR", BillingDay = billingDay, PaymentTermsDays = 30,
            LegalEntity = TestLegalEntities.New($"Entity of {name}", Start), CreatedAt = Start, UpdatedAt = Start, Version = 1,
            PricingRules = [new ContractPricingRule { Position = 0, ProductId = PurchaseOrder.AzurePlan, Method = PricingMethod.MarkupOnCost, Value = 15m }],
        };
        db.AddRange(customer, contract);
        await db.SaveChangesAsync();
        var outcome = await new SubscriptionChanges(db, Options, Time).PurchaseAsync(
            new PurchaseRequest(contract.Id, PurchaseOrder.AzurePlan, "DZH318Z0BPS6", null, null, 1), new ChangeActor("test", ChangeSource.Staff), CancellationToken.None);
        Assert.Null(outcome.Refusal);
        return (contract.Id, outcome.Subscription!.Id);
    }

    private ProrataDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<ProrataDbContext>();
        ProrataDatabase.Use(builder, ConnectionString);
        return new ProrataDbContext(builder.Options);
    }
}
