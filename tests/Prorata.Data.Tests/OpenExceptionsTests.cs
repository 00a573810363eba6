using Prorata.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Application.Exceptions;
using Prorata.Application.Reconciliation;
using Prorata.Application.WorkItems;
using Prorata.Data.WorkItems;
using Prorata.Data.Reconciliation;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Reconciliation;
using Prorata.Domain.Subscriptions;
using ChargeType = Prorata.Domain.Billing.ChargeType;

namespace Prorata.Data.Tests;

/// <summary>The exceptions overview's queries on each provider, on a database of their own: exact counts, sums and order.</summary>
public abstract class OpenExceptionsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 4, 2, 9, 0, 0, TimeSpan.Zero);

    protected abstract string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Load_OneOfEverySource_CountsEachItemToActOnOnce()
    {
        await using (var empty = NewContext())
        {
            Assert.Equal(new ExceptionsOverview(0, 0, [], null, null, []),
                await OpenExceptions.LoadAsync(empty, CancellationToken.None), OverviewComparer.Instance);
        }
        var older = await ReconAsync(Now.AddDays(-30), [Match(1, ReconState.AmountMismatch, 61.25m)], new ReconSummary(0, 1, 0, 0, 0, 0, 0, 1.25m, 61.25m, 60m), [], 0m);
        var matched = Match(1, ReconState.Matched, 60.00m);
        var unknown = Match(2, ReconState.UnknownSubscription, 12.50m);
        var latest = await ReconAsync(Now, [matched, unknown, Match(3, ReconState.AmountMismatch, 61.25m)],
            new ReconSummary(1, 1, 0, 0, 0, 1, 1, 193.75m, 133.75m, 300m), [new UnbilledCharge(matched.Line, 16, 31.61m), new UnbilledCharge(unknown.Line, 31, 12.50m)], 44.11m);
        await using (var db = NewContext())
        {
            var time = new FakeTimeProvider(Now);
            var raiser = new WorkItemRaiser(db, time);
            await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.SyncIssue, "Orphan", WorkItemSubject.PartnerCenterSubscription, "pc-s", "import or link it"),
                CancellationToken.None);
            var settled = await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.BillingAlert, "MissingPricingStrategy", WorkItemSubject.Subscription, "s-1", "billed at ERP")
                { AmountAtStake = 12.5m, Currency = "USD" }, CancellationToken.None);
            await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.ReplayRefusal, "SubscriptionNotActive", WorkItemSubject.Subscription, "s-2", "not billed")
                { AmountAtStake = 40m, Currency = "EUR" }, CancellationToken.None);
            await db.SaveChangesAsync();
            settled.State = WorkItemState.Resolved;
            var zeta = Contract("Zeta Traders", creditHold: true, out var zetaCustomer);
            var alpha = Contract("Alpha Works", creditHold: false, out var alphaCustomer);
            db.AddRange(zetaCustomer, zeta, alphaCustomer, alpha,
                Subscription(zeta, ProvisioningState.AwaitingProvisioning), Subscription(zeta, ProvisioningState.AwaitingProvisioning),
                Subscription(alpha, ProvisioningState.AwaitingProvisioning), Subscription(alpha, ProvisioningState.Provisioned));
            await db.SaveChangesAsync();
            await new UsageImporter(db, new FakeTimeProvider(Now)).ImportAsync("usage.csv", new string('a', 64),
                [Usage(2, new DateOnly(2026, 3, 3), 6.13m), Usage(3, new DateOnly(2026, 3, 4), 1.00m),
                    Usage(4, new DateOnly(2026, 3, 5), 0.50m) with { SubscriptionId = "5F0C7F7E-0000-4000-8000-00000000A2A2" }], CancellationToken.None);
        }

        await using var check = NewContext();
        // What the recon worker does once each file is stored; twice for the latest, as at a start after a stop: nothing doubles.
        foreach (var import in new[] { older, latest, latest }) await ReconWorkItems.RaiseAsync(check, import, "march.csv", new FakeTimeProvider(Now), CancellationToken.None);
        var overview = await OpenExceptions.LoadAsync(check, CancellationToken.None);

        // 2 open work items, the recon files' items (the older file's discrepancy; the latest's 2 discrepancies and its 1 matched
        // but unbilled line), 1 Azure plan with waiting usage (its id in either case) and 3 subscriptions waiting; the resolved
        // item and the provisioned subscription count for nothing. Money at stake per currency, the item without an amount apart:
        // USD 61.25 + 12.50 + 61.25 + 31.61 unbilled.
        Assert.NotEqual(older, latest);
        Assert.Equal(new ExceptionsOverview(10, 6, [new MoneyAtStake("EUR", 40m, 1), new MoneyAtStake("USD", 166.61m, 4), new MoneyAtStake(null, 0m, 1)],
                new LatestReconciliation(latest, "march.csv", Now, 2, 44.11m, 3, 193.75m, 4, []),
                new UnassignedUsage(1, 3, 7.63m),
                [new WaitingProvisioning(overview.Provisioning[0].CustomerId, "Alpha Works", false, 1), new WaitingProvisioning(overview.Provisioning[1].CustomerId, "Zeta Traders", true, 2)]),
            overview, OverviewComparer.Instance);
    }

    private async Task<Guid> ReconAsync(DateTimeOffset finishedAt, LineMatch[] lines, ReconSummary summary, IReadOnlyList<UnbilledCharge> unbilled, decimal unbilledTotal)
    {
        var import = new ReconImport
        {
            Id = Guid.NewGuid(), FileName = "march.csv", Sha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0'),
            ReceivedAt = finishedAt, FinishedAt = finishedAt,
        };
        await using var db = NewContext();
        await using var writer = await ReconImportWriter.BeginAsync(db, import, CancellationToken.None);
        foreach (var line in lines) writer.Write(line);
        await writer.CompleteAsync(lines.Length, summary, [], unbilled, unbilledTotal, finishedAt, CancellationToken.None);
        return import.Id;
    }

    private static LineMatch Match(long row, ReconState state, decimal total) => new(
        new ReconLine
        {
            Row = row, CustomerId = "c-1", SubscriptionId = $"s-{row}", ChargeTypeName = "cycleCharge", ChargeType = ChargeType.CycleCharge,
            ChargeStartDate = new DateOnly(2026, 3, 1), ChargeEndDate = new DateOnly(2026, 3, 31), UnitPrice = 6.00m, BillableQuantity = 10m,
            Subtotal = total, Total = total, Currency = "USD",
        },
        state, null, RootCause.None, null, state == ReconState.Matched ? 0m : total);

    private static BillingContract Contract(string name, bool creditHold, out Customer customer)
    {
        customer = new Customer { Id = Guid.NewGuid(), Name = name, Currency = "USD", BillingEmail = "ap@example.com", CreditHold = creditHold, CreatedAt = Now, UpdatedAt = Now, Version = 1 };
        return new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "USD", BillingDay = 1, PaymentTermsDays = 30, LegalEntity = TestLegalEntities.New($"Entity of {name}", Now, "USD"),
            CreatedAt = Now, UpdatedAt = Now, Version = 1,
        };
    }

    private static CustomerSubscription Subscription(BillingContract contract, ProvisioningState state) => new()
    {
        Id = Guid.NewGuid(), ContractId = contract.Id, ProductId = "TEST", SkuId = "0001", Title = "Test", Status = SubscriptionStatus.Active, Quantity = 1,
        Provisioning = state, CreatedAt = Now, UpdatedAt = Now,
    };

    private static UsageLine Usage(long row, DateOnly day, decimal cost) => new()
    {
        Row = row, CustomerId = "c-1", SubscriptionId = "5f0c7f7e-0000-4000-8000-00000000a2a2", UsageDate = day, MeterId = "m-vm", Quantity = 24m,
        BillingPreTaxTotal = cost, BillingCurrency = "USD",
    };

    private ProrataDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<ProrataDbContext>();
        ProrataDatabase.Use(builder, ConnectionString);
        return new ProrataDbContext(builder.Options);
    }

    /// <summary>Records holding lists compare by reference; this compares the lists element by element.</summary>
    private sealed class OverviewComparer : IEqualityComparer<ExceptionsOverview>
    {
        public static readonly OverviewComparer Instance = new();

        public bool Equals(ExceptionsOverview? x, ExceptionsOverview? y) =>
            x is not null && y is not null
            && (x.Open, x.WorkItemsOpen, Plain(x.Reconciliation), x.Usage) == (y.Open, y.WorkItemsOpen, Plain(y.Reconciliation), y.Usage)
            && (x.Reconciliation?.Currencies ?? []).SequenceEqual(y.Reconciliation?.Currencies ?? [])
            && x.AtStake.SequenceEqual(y.AtStake) && x.Provisioning.SequenceEqual(y.Provisioning);

        /// <summary>The reconciliation without its list (compared apart): one shared empty list, so the records compare by value.</summary>
        private static LatestReconciliation? Plain(LatestReconciliation? r) => r is null ? null : r with { Currencies = NoCurrencies };

        private static readonly ReconCurrencyTotals[] NoCurrencies = [];

        public int GetHashCode(ExceptionsOverview obj) => obj.Open;
    }
}
