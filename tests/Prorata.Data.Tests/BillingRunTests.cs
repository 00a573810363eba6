using Prorata.Testing;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Data.Catalog;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.Subscriptions;
using Prorata.Data.WorkItems;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Subscriptions;
using Prorata.Application.Subscriptions;
using Prorata.Application.Billing;

namespace Prorata.Data.Tests;

/// <summary>Billing runs on stored data: exact invoices, idempotent reruns, refused changes, and crashes at random points.</summary>
public abstract class BillingRunTests : IAsyncLifetime
{
    protected static readonly DateOnly February = new(2026, 2, 1);
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    protected abstract string ConnectionString { get; }

    protected FakeTimeProvider Time { get; } = new(Start);

    protected BillingOptions Options { get; } = new() { PartnerCurrency = "EUR" };

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        if (!await db.PriceListVersions.AnyAsync())
        {
            db.PriceListVersions.Add(new PriceListVersion
            {
                Id = Guid.NewGuid(), Name = "test", ImportedAt = Start.AddDays(-30), ImportedBy = "test", EffectiveFrom = new DateOnly(2025, 12, 1),
                Entries =
                [
                    Row("CFQ7TTC0LH18", "0001", "Microsoft 365 Business Basic", 72m, 86.4m),
                    Row("CFQ7TTC0LCHC", "0002", "Microsoft 365 Business Premium", 264m, 316.8m),
                ],
            });
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Run_OneSubscriptionBoughtOnTheBillingDay_BillsJanuaryAndFebruaryInAdvance()
    {
        // 72.00 a year → 6.00 a month at cost; +10 % → 6.60 per seat; 5 seats → 33.00 for each whole contract month.
        var contract = await NewContractAsync($"Exact {Guid.NewGuid():N}", billingDay: 1);
        await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 5);

        await using var db = NewContext();
        var result = await new BillingRunner(db, Options, Time).RunAsync(February, issue: true, null, CancellationToken.None);

        var invoice = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.ContractId == contract.Id);
        Assert.Equal((InvoiceStatus.Issued, 66.00m, "EUR"), (invoice.Status, invoice.Total, invoice.Currency));
        Assert.Equal(
            [(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), 5m, 6.60m, 33.00m, 31, 31), (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), 5m, 6.60m, 33.00m, 28, 28)],
            invoice.Lines.OrderBy(l => l.Position).Select(l => (l.PeriodStart, l.PeriodEnd, l.Quantity, l.UnitPrice, l.Amount, l.Days, l.PeriodDays)));
        Assert.True(result.Finished);
    }

    [Fact]
    public async Task Run_SameDateTwice_SecondWritesNothing()
    {
        var contract = await NewContractAsync($"Twice {Guid.NewGuid():N}", billingDay: 2);
        await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 3);
        var date = new DateOnly(2026, 2, 2);
        await using var db = NewContext();
        await new BillingRunner(db, Options, Time).RunAsync(date, issue: true, null, CancellationToken.None);

        var second = await new BillingRunner(db, Options, Time).RunAsync(date, issue: true, null, CancellationToken.None);

        Assert.Equal((0, 1), (second.Invoiced, second.AlreadyBilled));
        Assert.Equal(1, await db.Invoices.CountAsync(i => i.ContractId == contract.Id));
    }

    [Fact]
    public async Task Run_NextMonthAfterSeatIncrease_BillsOnlyTheDifference()
    {
        var contract = await NewContractAsync($"Increase {Guid.NewGuid():N}", billingDay: 3);
        var subscription = await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 5);
        await using var db = NewContext();
        await new BillingRunner(db, Options, Time).RunAsync(new DateOnly(2026, 1, 3), issue: true, null, CancellationToken.None);
        Time.SetUtcNow(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
        await ChangeAsync(subscription, new ChangeRequest(SubscriptionEventType.SetQuantity) { Quantity = 7 });

        await new BillingRunner(db, Options, Time).RunAsync(new DateOnly(2026, 2, 3), issue: true, null, CancellationToken.None);

        var invoices = await db.Invoices.Include(i => i.Lines).Where(i => i.ContractId == contract.Id).OrderBy(i => i.BillingDate).ToListAsync();
        // Jan 3: the partial month 1–2 Jan is not the purchase's (bought 1 Jan 10:00); the engine decides, we only store it.
        Assert.Equal(2, invoices.Count);
        Assert.Equal([1L, 2L], invoices.Select(i => i.Number!.Value - invoices[0].Number!.Value + 1));
        Assert.Contains(invoices[1].Lines, l => l.Kind == Domain.Billing.InvoiceLineKind.Adjustment && l.Quantity == 2m);
    }

    [Fact]
    public async Task Change_SeatReductionAfterTheWindow_RefusedAndNothingWritten()
    {
        var contract = await NewContractAsync($"Refused {Guid.NewGuid():N}", billingDay: 4);
        var subscription = await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 5);
        Time.SetUtcNow(Start.AddHours(169));

        var outcome = await ChangeAsync(subscription, new ChangeRequest(SubscriptionEventType.SetQuantity) { Quantity = 4 });

        Assert.Equal(RefusalCode.SeatReductionWindowClosed, outcome.Refusal?.Code);
        await using var db = NewContext();
        Assert.Equal(1, await db.LicenseChangeLog.CountAsync(e => e.SubscriptionId == subscription));
        var stored = await db.Subscriptions.SingleAsync(s => s.Id == subscription);
        Assert.Equal((5, 1), (stored.Quantity, stored.ChangeCount));
    }

    [Fact]
    public async Task Run_OneContractCannotBeBilled_TheOthersAreAndItBecomesABillingFailure()
    {
        var date = new DateOnly(2026, 2, 10);
        var good = await NewContractAsync($"Good {Guid.NewGuid():N}", billingDay: 10);
        await PurchaseAsync(good, "CFQ7TTC0LH18", "0001", 5);
        var absurd = await NewContractAsync($"Absurd {Guid.NewGuid():N}", billingDay: 10);
        await PurchaseAsync(absurd, "CFQ7TTC0LH18", "0001", 5);
        await using (var db = NewContext())
        {
            // SQLite keeps any decimal, so the engine meets 7.9e28 and overflows multiplying it; PostgreSQL's columns
            // hold at most 999,999,999,999.999999, which the engine multiplies but the invoice line cannot store.
            var value = db.Database.IsSqlite() ? 79_000_000_000_000_000_000_000_000_000m : 999_999_999_999m;
            await db.Database.ExecuteSqlAsync($"""UPDATE "ContractPricingRules" SET "Method" = 'FixedPrice', "Value" = {value} WHERE "BillingContractId" = {absurd.Id}""");
        }

        await using var run = NewContext();
        var result = await new BillingRunner(run, Options, Time).RunAsync(date, issue: true, null, CancellationToken.None);

        Assert.Equal((2, 1, 1, 1), (result.Done, result.Invoiced, result.Failed, result.Problems));
        // 5 seats at 6.60: 1–9 Jan of the December contract month (9/31 of 33.00 = 9.58), then January's and February's months in advance.
        Assert.Equal(75.58m, (await run.Invoices.SingleAsync(i => i.ContractId == good.Id)).Total);
        Assert.False(await run.Invoices.AnyAsync(i => i.ContractId == absurd.Id));
        var failure = await run.WorkItems.SingleAsync(i => i.ContractId == absurd.Id);
        Assert.Equal((WorkItemKind.BillingFailure, WorkItemState.Open, WorkItemSubject.Contract, absurd.Id.ToString()),
            (failure.Kind, failure.State, failure.SubjectKind, failure.SubjectId));
        Assert.StartsWith("The billing run of 2026-02-10 could not bill this contract and went on without it: ", failure.Message);
    }

    [Fact]
    public async Task Run_NoPricingRule_BilledAtErpWithAnAlertSettledOnceARuleExists()
    {
        var contract = await NewContractAsync($"No rule {Guid.NewGuid():N}", billingDay: 11);
        var subscription = await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 5);
        await using (var db = NewContext())
        {
            (await db.BillingContracts.SingleAsync(c => c.Id == contract.Id)).PricingRules.Clear();
            await db.SaveChangesAsync();
        }
        await using var run = NewContext();

        await new BillingRunner(run, Options, Time).RunAsync(new DateOnly(2026, 1, 11), issue: true, null, CancellationToken.None);

        // ERP 86.40 a year → 7.20 a month per seat, billed at ERP with no rule; the alert has the invoice's amount at stake.
        var invoice = await run.Invoices.SingleAsync(i => i.ContractId == contract.Id);
        var alert = await run.WorkItems.SingleAsync(i => i.ContractId == contract.Id);
        Assert.Equal((WorkItemKind.BillingAlert, "MissingPricingStrategy", subscription, invoice.Total, "EUR"),
            (alert.Kind, alert.Code, alert.SubscriptionId, alert.AmountAtStake, alert.Currency));

        await using (var db = NewContext())
        {
            (await db.BillingContracts.SingleAsync(c => c.Id == contract.Id)).PricingRules.Add(
                new ContractPricingRule { Position = 0, ProductId = "*", Method = PricingMethod.MarkupOnCost, Value = 10m });
            await db.SaveChangesAsync();
        }
        await new BillingRunner(run, Options, Time).RunAsync(new DateOnly(2026, 2, 11), issue: true, null, CancellationToken.None);

        var settled = await run.WorkItems.AsNoTracking().SingleAsync(i => i.Id == alert.Id);
        Assert.Equal((WorkItemState.Resolved, "billing run", "no longer raised by the billing run of 2026-02-11"), (settled.State, settled.ResolvedBy, settled.Resolution));
    }

    [Fact]
    public async Task Run_NoPriceInTheContractCurrency_NothingBilledAndAnAlertRaised()
    {
        var contract = await NewContractAsync($"Pounds {Guid.NewGuid():N}", billingDay: 12);
        await using (var db = NewContext())
            await db.BillingContracts.Where(c => c.Id == contract.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.Currency, "GBP"));
        var subscription = await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 5);
        await using var run = NewContext();

        var result = await new BillingRunner(run, Options, Time).RunAsync(new DateOnly(2026, 2, 12), issue: true, null, CancellationToken.None);

        Assert.Equal((0, 0), (result.Invoiced, result.Failed));
        var alert = await run.WorkItems.SingleAsync(i => i.ContractId == contract.Id);
        Assert.Equal((WorkItemKind.BillingAlert, "NoPriceInContractCurrency", subscription, (decimal?)null),
            (alert.Kind, alert.Code, alert.SubscriptionId, alert.AmountAtStake));
    }

    [Fact]
    public async Task Run_QuarterlyContract_OneInvoiceAQuarterWithTheQuartersLines()
    {
        var contract = await NewContractAsync($"Quarterly {Guid.NewGuid():N}", billingDay: 15);
        await using (var db = NewContext())
        {
            var stored = await db.BillingContracts.SingleAsync(c => c.Id == contract.Id);
            (stored.InvoiceCadence, stored.StartDate, stored.PaymentTermsDays) = (InvoiceCadence.Quarterly, new DateOnly(2026, 1, 15), 45);
            await db.SaveChangesAsync();
        }
        await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 5);
        await using var run = NewContext();
        var runner = new BillingRunner(run, Options, Time);

        var results = new List<int>();
        foreach (var date in new[] { new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 15), new DateOnly(2026, 3, 15), new DateOnly(2026, 4, 15) })
            results.Add((await runner.RunAsync(date, issue: true, null, CancellationToken.None)).Invoiced);

        // Only the quarter's first billing days invoice; each invoice bills its quarter month by month (5 seats × 6.60 = 33.00),
        // the first one also 1–14 January of December's contract month (14/31 of 33.00 = 14.90).
        Assert.Equal([1, 0, 0, 1], results);
        var invoices = await run.Invoices.Include(i => i.Lines).Where(i => i.ContractId == contract.Id).OrderBy(i => i.BillingDate).ToListAsync();
        Assert.Equal([(new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 1), 113.90m), (new DateOnly(2026, 4, 15), new DateOnly(2026, 5, 30), 99.00m)],
            invoices.Select(i => (i.BillingDate, i.DueDate!.Value, i.Total)));
        Assert.Equal(
            [(new DateOnly(2026, 4, 15), new DateOnly(2026, 5, 14)), (new DateOnly(2026, 5, 15), new DateOnly(2026, 6, 14)), (new DateOnly(2026, 6, 15), new DateOnly(2026, 7, 14))],
            invoices[1].Lines.OrderBy(l => l.PeriodStart).Select(l => (l.PeriodStart, l.PeriodEnd)));
    }

    [Fact]
    public async Task Run_SeatReductionReportedAfterItsWindow_BilledAsTheFactItIsNotDropped()
    {
        var contract = await NewContractAsync($"Fact {Guid.NewGuid():N}", billingDay: 14);
        var subscription = await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 5);
        await using (var db = NewContext())
        {
            // Microsoft let the partner go from 5 to 3 seats on the 20th, 19 days after they were bought (a support case):
            // Partner Center reports it, and what Microsoft did is billed, whatever the 168-hour rule says.
            var stored = await db.Subscriptions.SingleAsync(s => s.Id == subscription);
            ChangeLog.Append(db, stored, new LicenseChangeEntry
            {
                Type = SubscriptionEventType.SetQuantity, Quantity = 3, At = new DateTimeOffset(2026, 1, 20, 8, 0, 0, TimeSpan.Zero),
                RecordedAt = new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero), Actor = "Partner Center", Source = ChangeSource.Sync,
            }, new SubscriptionSnapshot(null, 3, null));
            await db.SaveChangesAsync();
        }
        await using var run = NewContext();

        await new BillingRunner(run, Options, Time).RunAsync(new DateOnly(2026, 2, 14), issue: true, null, CancellationToken.None);

        var lines = await run.InvoiceLines.Where(l => l.SubscriptionId == subscription).OrderBy(l => l.PeriodStart).ThenBy(l => l.Position).ToListAsync();
        // 6.60 a seat a month: 1–13 Jan of December's contract month (13/31 of 33.00), January's month at 5 seats, the 2 seats
        // removed from the 20th to the month's end (−2 × 6.60 × 25/31), and February's month at 3 seats.
        Assert.Equal(
            [(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 13), 5m, 13.84m), (new DateOnly(2026, 1, 14), new DateOnly(2026, 2, 13), 5m, 33.00m),
                (new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 13), -2m, -10.65m), (new DateOnly(2026, 2, 14), new DateOnly(2026, 3, 13), 3m, 19.80m)],
            lines.Select(l => (l.PeriodStart, l.PeriodEnd, l.Quantity, l.Amount)));
        Assert.False(await run.WorkItems.AnyAsync(i => i.ContractId == contract.Id));
    }

    [Fact]
    public async Task Run_LoggedChangeTheEngineCannotApply_RaisesAReplayRefusalNamingTheEntry()
    {
        var contract = await NewContractAsync($"Replay {Guid.NewGuid():N}", billingDay: 13);
        var subscription = await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 5);
        Time.SetUtcNow(Start.AddHours(2));
        Assert.Null((await ChangeAsync(subscription, new ChangeRequest(SubscriptionEventType.Cancel))).Refusal);
        long late;
        await using (var db = NewContext())
        {
            // A sync reports a seat change of a subscription Prorata has as cancelled: Microsoft and Prorata disagree.
            var stored = await db.Subscriptions.SingleAsync(s => s.Id == subscription);
            var entry = new LicenseChangeEntry
            {
                SubscriptionId = subscription, Sequence = ++stored.ChangeCount, Type = SubscriptionEventType.SetQuantity, Quantity = 8,
                At = Start.AddDays(3), RecordedAt = Start.AddDays(3), Actor = "Partner Center", Source = ChangeSource.Sync,
            };
            db.LicenseChangeLog.Add(entry);
            await db.SaveChangesAsync();
            late = entry.Id;
        }
        await using var run = NewContext();

        await new BillingRunner(run, Options, Time).RunAsync(new DateOnly(2026, 2, 13), issue: true, null, CancellationToken.None);

        var refusal = await run.WorkItems.SingleAsync(i => i.ContractId == contract.Id);
        Assert.Equal((WorkItemKind.ReplayRefusal, "SubscriptionNotActive", WorkItemSubject.ChangeLogEntry, late.ToString(), subscription),
            (refusal.Kind, refusal.Code, refusal.SubjectKind, refusal.SubjectId, refusal.SubscriptionId));
        Assert.StartsWith($"The SetQuantity of 2026-01-04 10:00 UTC (log entry {late}, Sync by Partner Center) cannot be billed: ", refusal.Message);
    }

    [Fact]
    public async Task Run_CrashedAtRandomPointsThenRerun_EqualsAnUninterruptedRun()
    {
        const int billingDay = 5;
        var date = new DateOnly(2026, 2, billingDay);
        var random = new Random(20260205);
        for (var i = 0; i < 12; i++)
        {
            var contract = await NewContractAsync($"Crash {i} {Guid.NewGuid():N}", billingDay);
            var basic = await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 1 + random.Next(20));
            if (i % 3 == 0) await PurchaseAsync(contract, "CFQ7TTC0LCHC", "0002", 1 + random.Next(5));
            if (i % 2 == 0) await ChangeAsync(basic, new ChangeRequest(SubscriptionEventType.SetQuantity) { Quantity = 25 });
        }

        // Drafts, so that the reference run can be compared after the interrupted one is deleted.
        var crashes = 0;
        for (var attempt = 0; ; attempt++)
        {
            var faults = new FaultInjector(attempt < 8 ? 1 + random.Next(15) : int.MaxValue);
            await using var db = NewContext(faults);
            try
            {
                await new BillingRunner(db, Options, Time).RunAsync(date, issue: false, null, CancellationToken.None);
                break;
            }
            catch (Exception e) when (e is SimulatedCrashException || e.InnerException is SimulatedCrashException)
            {
                crashes++;
            }
        }
        var interrupted = await SnapshotAsync(date);
        await using (var db = NewContext())
        {
            await db.InvoiceLines.Where(l => db.Invoices.Any(i => i.Id == l.InvoiceId && i.BillingDate == date)).ExecuteDeleteAsync();
            await db.Invoices.Where(i => i.BillingDate == date).ExecuteDeleteAsync();
            await new BillingRunner(db, Options, Time).RunAsync(date, issue: false, null, CancellationToken.None);
        }
        var uninterrupted = await SnapshotAsync(date);

        Assert.True(crashes > 0);
        Assert.Equal(12, uninterrupted.Count);
        Assert.Equal(uninterrupted, interrupted);
    }

    [Fact]
    public async Task Worker_FiveContractsInChunksOfTwo_PlansThreeChunksBillsEachContractOnceAndFinishesThem()
    {
        var date = new DateOnly(2026, 2, 20);
        var entity = $"Worker Entity {Guid.NewGuid():N}";
        var contracts = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var contract = await NewContractAsync($"Worker {i} {Guid.NewGuid():N}", date.Day, entity);
            await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 1 + i);
            contracts.Add(contract.Id);
        }
        await using var db = NewContext();
        var worker = new BillingWorker(db, Options, Time, new BillingWorkerSettings("host/1", 2, TimeSpan.FromSeconds(60)));

        var plan = await worker.PlanAsync(date, issue: true, CancellationToken.None);
        var result = await worker.RunAsync(plan, null, CancellationToken.None);
        await using var second = NewContext();
        var again = new BillingWorker(second, Options, Time, new BillingWorkerSettings("host/2", 3, TimeSpan.FromSeconds(60)));
        var replan = await again.PlanAsync(date, issue: true, CancellationToken.None);
        var nothingLeft = await again.RunAsync(replan, null, CancellationToken.None);

        Assert.Equal(new BillingRunPlan(date, 3, 5, true, PlannedHere: true), plan);
        Assert.Equal(new BillingWorkerResult(date, 3, 3, 0, 5, 5, 0), result);
        // The run is planned once: a later worker, with another chunk size, finds the same three chunks all finished.
        Assert.Equal((new BillingRunPlan(date, 3, 5, true, PlannedHere: false), new BillingWorkerResult(date, 3, 0, 0, 0, 0, 0)), (replan, nothingLeft));
        var chunks = await db.BillingRunChunks.AsNoTracking().Where(c => c.BillingDate == date).OrderBy(c => c.Number).ToListAsync();
        Assert.Equal(contracts.Order().Chunk(2).Select(ids => ids.ToList()), chunks.Select(c => c.ContractIds));
        Assert.All(chunks, c => Assert.Equal(("host/1", 1, Time.GetUtcNow(), Time.GetUtcNow()), (c.ClaimedBy, c.Attempts, c.HeartbeatAt, c.FinishedAt)));
        Assert.Equal([2, 2, 1], chunks.Select(c => c.Invoiced));
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.BillingDate == date).ToListAsync();
        Assert.Equal(contracts.Order(), invoices.Select(i => i.ContractId).Order());
        Assert.Equal(Enumerable.Range(1, 5).Select(n => (long?)n), invoices.Select(i => i.Number).Order());
    }

    [Fact]
    public async Task Worker_ChunkHeldByAWorkerThatStopped_TakenOverWhenItsLeaseRunsOutWithoutBillingAContractTwice()
    {
        var date = new DateOnly(2026, 2, 21);
        var entity = $"Takeover Entity {Guid.NewGuid():N}";
        var contracts = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var contract = await NewContractAsync($"Takeover {i} {Guid.NewGuid():N}", date.Day, entity);
            await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 2 + i);
            contracts.Add(contract.Id);
        }
        contracts.Sort();
        await using var db = NewContext();
        var lease = TimeSpan.FromSeconds(60);
        var worker = new BillingWorker(db, Options, Time, new BillingWorkerSettings("host/2", 2, lease));
        var plan = await worker.PlanAsync(date, issue: true, CancellationToken.None);
        // Another worker claimed chunk 1, invoiced its first contract and stopped: its heartbeat is fresh, so chunk 1 is not free yet.
        var now = Time.GetUtcNow();
        await db.BillingRunChunks.Where(c => c.BillingDate == date && c.Number == 1)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ClaimedBy, "host/1").SetProperty(c => c.HeartbeatAt, now).SetProperty(c => c.Attempts, 1));
        await using (var stopped = NewContext())
            await new BillingRunner(stopped, Options, Time).RunAsync(date, [contracts[0]], issue: true, null, CancellationToken.None);

        var running = worker.RunAsync(plan, null, CancellationToken.None);
        // The worker bills chunk 2, then waits for chunk 1's lease, renewed by nobody, to run out.
        for (var waited = TimeSpan.Zero; !running.IsCompleted && waited <= 2 * lease; waited += TimeSpan.FromSeconds(1))
        {
            await Task.Delay(20);
            Time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.True(running.IsCompleted, "the worker did not take over the stopped worker's chunk within two leases");
        var result = await running;

        Assert.Equal(new BillingWorkerResult(date, 2, 2, 1, 4, 3, 1), result);
        var chunks = await db.BillingRunChunks.AsNoTracking().Where(c => c.BillingDate == date).OrderBy(c => c.Number).ToListAsync();
        Assert.Equal([("host/2", 2, 1), ("host/2", 1, 2)], chunks.Select(c => (c.ClaimedBy, c.Attempts, c.Invoiced)));
        Assert.All(chunks, c => Assert.NotNull(c.FinishedAt));
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.BillingDate == date).ToListAsync();
        Assert.Equal(contracts, invoices.Select(i => i.ContractId).Order());
        Assert.Equal(Enumerable.Range(1, 4).Select(n => (long?)n), invoices.Select(i => i.Number).Order());
    }

    [Fact]
    public async Task Worker_RunPlannedToIssue_PlanSaysSoToAWorkerAskedForDrafts()
    {
        var date = new DateOnly(2026, 2, 22);
        var contract = await NewContractAsync($"Drafts {Guid.NewGuid():N}", date.Day);
        await PurchaseAsync(contract, "CFQ7TTC0LH18", "0001", 1);
        await using var db = NewContext();
        await new BillingWorker(db, Options, Time, new BillingWorkerSettings("host/1", 10, TimeSpan.FromSeconds(60))).PlanAsync(date, issue: true, CancellationToken.None);

        var plan = await new BillingWorker(db, Options, Time, new BillingWorkerSettings("host/2", 10, TimeSpan.FromSeconds(60))).PlanAsync(date, issue: false, CancellationToken.None);

        Assert.Equal(new BillingRunPlan(date, 1, 1, true, PlannedHere: false), plan);
        Assert.False(await db.Invoices.AnyAsync(i => i.ContractId == contract.Id));
    }

    protected ProrataDbContext NewContext(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<ProrataDbContext>();
        ProrataDatabase.Use(builder, ConnectionString);
        if (interceptors.Length > 0) builder.AddInterceptors(interceptors);
        return new ProrataDbContext(builder.Options);
    }

    protected async Task<BillingContract> NewContractAsync(string name, int billingDay, string? legalEntity = null)
    {
        await using var db = NewContext();
        var customer = new Customer { Id = Guid.NewGuid(), Name = name, Currency = "EUR", BillingEmail = "b@example.com", CreatedAt = Start, UpdatedAt = Start, Version = 1,
            // Billing, not tax, is under test: an exempt customer's invoices carry no tax and raise no tax question.
            TaxExempt = true, TaxExemptionCertificate = "TEST-EXEMPT" };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "EUR", BillingDay = billingDay, PaymentTermsDays = 30,
            LegalEntityId = await TestLegalEntities.EnsureAsync(db, legalEntity ?? $"Entity of {name}", Start), CreatedAt = Start, UpdatedAt = Start, Version = 1,
            PricingRules = [new ContractPricingRule { Position = 0, ProductId = "*", Method = PricingMethod.MarkupOnCost, Value = 10m }],
        };
        db.AddRange(customer, contract);
        await db.SaveChangesAsync();
        return contract;
    }

    protected async Task<Guid> PurchaseAsync(BillingContract contract, string product, string sku, int quantity)
    {
        await using var db = NewContext();
        var outcome = await new SubscriptionChanges(db, Options, Time).PurchaseAsync(
            new PurchaseRequest(contract.Id, product, sku, TermDuration.P1Y, BillingPlan.Monthly, quantity), new ChangeActor("test", ChangeSource.Staff), CancellationToken.None);
        Assert.Null(outcome.Refusal);
        return outcome.Subscription!.Id;
    }

    protected async Task<ChangeOutcome> ChangeAsync(Guid subscription, ChangeRequest request)
    {
        await using var db = NewContext();
        return await new SubscriptionChanges(db, Options, Time).ChangeAsync(subscription, request, new ChangeActor("test", ChangeSource.Staff), CancellationToken.None);
    }

    private async Task<List<string>> SnapshotAsync(DateOnly date)
    {
        await using var db = NewContext();
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.BillingDate == date).ToListAsync();
        return invoices
            .Select(i => $"{i.ContractId} {i.Total} " + string.Join(";", i.Lines.OrderBy(l => l.Position).Select(l => $"{l.Origin}={l.Quantity}x{l.UnitPrice}:{l.Amount}")))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static PriceListEntry Row(string product, string sku, string title, decimal unitPrice, decimal erp) => new()
    {
        ProductId = product, SkuId = sku, Title = title, Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = "DE", Currency = "EUR",
        UnitPrice = unitPrice, ErpPrice = erp, EffectiveFrom = new DateOnly(2025, 12, 1), Publisher = Publisher.Microsoft,
    };

    /// <summary>
    /// Kills the run at its n-th database command, commit or connection opening, as a crash of the process would. The
    /// PostgreSQL write path sends each invoice as one Npgsql batch, past EF Core's command interceptors: crashes between
    /// its invoices are what the process-kill test of Prorata.Cli.Tests covers.
    /// </summary>
    private sealed class FaultInjector(int failAt) : DbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
    {
        private int _count;

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
            CancellationToken cancellationToken = default)
        {
            Tick();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Tick();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Tick();
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Tick();
            return ValueTask.FromResult(result);
        }

        private void Tick()
        {
            if (++_count == failAt) throw new SimulatedCrashException();
        }
    }

    private sealed class SimulatedCrashException() : Exception("simulated crash");
}
