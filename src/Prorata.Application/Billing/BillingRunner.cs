using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;
using Prorata.Application.Invoices;
using Prorata.Application.WorkItems;
using Prorata.Domain.LegalEntities;
using Prorata.Domain.Tax;
using Prorata.Data.Invoices;
using Prorata.Data.WorkItems;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Billing;
using Prorata.Domain.Insight;
using Prorata.Domain.Catalog;
using Prorata.Domain.Simulation;
using StoredContract = Prorata.Data.Contracts.BillingContract;
using Prorata.Data;
using Prorata.Data.Billing;

namespace Prorata.Application.Billing;

/// <summary>
/// Bills every contract due on a date from stored data (billing-rules §4): for each contract, its change log before
/// D 00:00 UTC is played on the engine, the ledger is rebuilt from its stored invoice lines, and the engine's invoice
/// (what should have been billed minus what was) is stored — one transaction per invoice, so a crash leaves whole
/// invoices or none. Contracts that already have an invoice for D are skipped, which makes a rerun continue where a
/// crashed run stopped; the unique key on (contract, billing date) makes a concurrent run's duplicate fail and roll back.
/// </summary>
/// <para>Each invoice is taxed as it is stored (billing-rules §5). An issued invoice takes its legal entity's number, the
/// seller and buyer as they are now, and — when e-mail is configured (<paramref name="sendIssued"/>) — its delivery, in the
/// same transaction. An entity without an address cannot issue: its invoices stay drafts with a work item. An entity
/// that taxes through Avalara gets drafts that the outbox issues through it, so the run never waits on Avalara.</para>
public sealed class BillingRunner(ProrataDbContext db, BillingOptions options, TimeProvider time, bool sendIssued = false)
{
    private readonly ContractInvoiceWriter writer = new(time, sendIssued);

    /// <summary>
    /// Contracts read and billed per round: bounded memory with few queries, and few enough that PostgreSQL finds a
    /// round's change log through its index (with 500 of 10,000 contracts per round it scanned the whole log each round).
    /// </summary>
    private const int ChunkSize = 200;

    /// <summary>
    /// Invoices stored at once on PostgreSQL, each on its own connection and in its own transaction: a run waits on the
    /// server's round trips and work, not on the engine, and the server has cores to spare. SQLite has one writer.
    /// </summary>
    private const int PostgresWriters = 4;

    public Task<BillingRunProgress> RunAsync(DateOnly date, bool issue, IProgress<BillingRunProgress>? progress, CancellationToken cancellationToken) =>
        BillAsync(date, null, issue, progress, cancellationToken);

    /// <summary>
    /// Bills only <paramref name="contracts"/> of the date's due contracts, the same way a whole run does: a worker's chunk
    /// (<see cref="BillingWorker"/>). Contracts not due on the date are left alone.
    /// </summary>
    public Task<BillingRunProgress> RunAsync(DateOnly date, IReadOnlyCollection<Guid> contracts, bool issue, IProgress<BillingRunProgress>? progress,
        CancellationToken cancellationToken) =>
        BillAsync(date, contracts.ToArray(), issue, progress, cancellationToken);

    /// <summary>The contracts that invoice on <paramref name="date"/>, billed already or not, in id order.</summary>
    public async Task<List<Guid>> DueAsync(DateOnly date, CancellationToken cancellationToken) =>
        (await DueAsync(date, null, cancellationToken)).Order().ToList();

    private async Task<List<Guid>> DueAsync(DateOnly date, Guid[]? only, CancellationToken cancellationToken)
    {
        var onDay = db.BillingContracts.AsNoTracking().Where(c => c.BillingDay == date.Day);
        if (only is not null) onDay = onDay.Where(c => only.Contains(c.Id));
        var onBillingDay = (await onDay.Select(c => new { c.Id, c.InvoiceCadence, c.StartDate }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.InvoiceCadence, c.StartDate)).ToList();
        // A quarterly or annual contract invoices on every third or twelfth of its billing days only (billing-rules §5).
        return await ContractCalendar.DueOnAsync(db, onBillingDay, date, cancellationToken);
    }

    private async Task<BillingRunProgress> BillAsync(DateOnly date, Guid[]? only, bool issue, IProgress<BillingRunProgress>? progress, CancellationToken cancellationToken)
    {
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var due = await DueAsync(date, only, cancellationToken);
        // Billed on this date already (a rerun, a crash, another run), or on a later date (billing never goes back).
        var invoiced = db.Invoices.AsNoTracking().Where(i => i.Kind == InvoiceKind.Invoice && i.BillingDate >= date);
        invoiced = only is null
            ? invoiced.Where(i => db.BillingContracts.Any(c => c.Id == i.ContractId && c.BillingDay == date.Day))
            : invoiced.Where(i => only.Contains(i.ContractId));
        var billed = (await invoiced.Select(i => i.ContractId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var todo = due.Where(id => !billed.Contains(id)).Order().ToList();
        var state = new BillingRunProgress(date, due.Count, due.Count - todo.Count, 0, due.Count - todo.Count, todo.Count == 0);
        progress?.Report(state);
        if (todo.Count == 0) return state;

        var prices = new PriceList(await StoredTimeline.PriceRowsAsync(db, cancellationToken));
        var rates = await InvoiceTaxation.RateTableAsync(db, cancellationToken);
        var floors = await db.MarginFloors.AsNoTracking().Select(f => new MarginFloor(f.ProductId, f.Percent)).ToListAsync(cancellationToken);
        var contextOptions = (DbContextOptions<ProrataDbContext>)db.GetService<IDbContextOptions>();
        var postgres = db.Database.IsNpgsql();
        List<ProrataDbContext> writers = postgres ? [db, .. Enumerable.Range(1, PostgresWriters - 1).Select(_ => new ProrataDbContext(contextOptions))] : [db];
        // On PostgreSQL the next chunk is read and calculated on its own connection while this one is written.
        var reader = postgres ? new ProrataDbContext(contextOptions) : db;
        var chunks = todo.Chunk(ChunkSize).ToList();
        var pending = PrepareAsync(reader, chunks[0], prices, rates, floors, date, midnight, cancellationToken);
        try
        {
            for (var c = 0; c < chunks.Count; c++)
            {
                var work = await pending;
                var following = c + 1 < chunks.Count ? chunks[c + 1] : null;
                if (postgres && following is not null)
                    pending = Task.Run(() => PrepareAsync(reader, following, prices, rates, floors, date, midnight, cancellationToken), cancellationToken);
                // Before the invoices: a crash between the two raises them again on the rerun (one more occurrence), never loses them.
                await RecordProblemsAsync(work, cancellationToken);
                state = state with { Failed = state.Failed + work.Count(b => b.Invoice is null), Problems = state.Problems + work.Sum(b => b.Problems.Count) };
                await WriteAsync(work);
                if (!postgres && following is not null) pending = PrepareAsync(reader, following, prices, rates, floors, date, midnight, cancellationToken);
            }
        }
        finally
        {
            // A failed write leaves the next chunk's preparation running on the reader: let it end before the reader goes.
            await pending.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            if (postgres) await reader.DisposeAsync();
            foreach (var writer in writers.Skip(1)) await writer.DisposeAsync();
        }
        state = state with { Finished = true };
        progress?.Report(state);
        return state;

        async Task WriteAsync(List<ContractBill> work)
        {
            var next = -1;
            var gate = new Lock();
            // The first writer that fails stops the others after their current invoice, as a crash would.
            var failed = false;
            // Each writer keeps its connection for the run: no pool return and reset between two invoices.
            async Task WriteWithAsync(ProrataDbContext target)
            {
                await target.Database.OpenConnectionAsync(cancellationToken);
                try
                {
                    await WriteAllWithAsync(target);
                }
                finally
                {
                    await target.Database.CloseConnectionAsync();
                }
            }
            async Task WriteAllWithAsync(ProrataDbContext target)
            {
                for (var i = Interlocked.Increment(ref next); i < work.Count && !Volatile.Read(ref failed); i = Interlocked.Increment(ref next))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var bill = work[i];
                    var invoice = bill.Invoice;
                    var contract = bill.Contract;
                    var stored = false;
                    var failedHere = false;
                    try
                    {
                        stored = bill.HasLines && await writer.StoreAsync(target, bill, issue, cancellationToken);
                    }
                    catch (Exception e) when (IsContractData(e))
                    {
                        // This contract's invoice cannot be stored (a value past a column's range): a person looks, the run goes on.
                        target.ChangeTracker.Clear();
                        await RecordFailureAsync(contract, date, e, contextOptions);
                        failedHere = true;
                    }
                    catch
                    {
                        Volatile.Write(ref failed, true);
                        throw;
                    }
                    lock (gate)
                    {
                        state = state with
                        {
                            Done = state.Done + 1,
                            Invoiced = state.Invoiced + (stored ? 1 : 0),
                            AlreadyBilled = state.AlreadyBilled + (bill.HasLines && !stored && !failedHere ? 1 : 0),
                            Failed = state.Failed + (failedHere ? 1 : 0),
                            Problems = state.Problems + (failedHere ? 1 : 0),
                        };
                        progress?.Report(state);
                    }
                }
            }
            await Task.WhenAll(writers.Select(WriteWithAsync));
        }
    }

    /// <summary>Reads a chunk of contracts with their logs and billed lines, and calculates each one's invoice.</summary>
    private async Task<List<ContractBill>> PrepareAsync(ProrataDbContext db, Guid[] chunk, PriceList prices, TaxRateTable rates, IReadOnlyList<MarginFloor> floors,
        DateOnly date, DateTimeOffset midnight, CancellationToken cancellationToken)
    {
        // The contract, its seller and buyer for the invoice, and who made each change for a problem raised about it.
        var timelines = await StoredContractTimelines.ReadAsync(db, chunk, LogCut.Before(midnight),
            TimelineParts.Customer | TimelineParts.LegalEntity | TimelineParts.Actors, cancellationToken);
        var subscriptions = timelines.Subscriptions;
        var lines = await BilledLine.OfContractsAsync(db, chunk, date, cancellationToken);
        // Added before the billing date, as the change log is: a charge added during the day waits for the next invoice.
        var charges = (await db.OneOffCharges.AsNoTracking()
                .Where(c => chunk.Contains(c.ContractId) && c.InvoiceId == null && c.CreatedAt < midnight)
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.ContractId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList());
        return timelines.Contracts
            .Select(c => Calculate(c, prices, rates, floors, timelines.LogOf(c.Id), subscriptions, lines.GetValueOrDefault(c.Id) ?? [],
                charges.GetValueOrDefault(c.Id) ?? [], date, cancellationToken))
            .ToList();
    }

    /// <summary>
    /// The engine's invoice for one contract and date, with what a person must look at; the same inputs always give the
    /// same result. A contract the engine cannot bill at all (a price past what it can multiply) is a failure of its own.
    /// </summary>
    private ContractBill Calculate(StoredContract stored, PriceList prices, TaxRateTable rates, IReadOnlyList<MarginFloor> floors, IReadOnlyList<LicenseChangeEntry> log,
        IReadOnlyDictionary<Guid, CustomerSubscription> subscriptions, IReadOnlyList<BilledLine> billed, IReadOnlyList<OneOffCharge> charges, DateOnly date,
        CancellationToken cancellationToken)
    {
        try
        {
            var contract = StoredTimeline.ToDomain(stored);
            var events = log.Select(e => StoredTimeline.ToEvent(e, subscriptions[e.SubscriptionId])).ToList();
            var run = new ScenarioRun(StoredTimeline.Scenario(contract.Id, options, [], [contract], events, date), prices);
            var problems = new List<WorkItemDraft>();
            for (var i = 0; i < events.Count; i++)
                // What is logged already happened: recorded as a fact, never refused again; only what cannot be applied at all is raised.
                if (run.Record(events[i]) is { } problem) problems.Add(BillingProblems.Replay(stored, log[i], problem));
            BilledLine.RecordInto(run.LedgerOf(contract.Id), billed);
            var invoice = run.Bill(contract, date);
            problems.AddRange(run.Alerts.Select(a => BillingProblems.Alert(stored, a, invoice)));
            foreach (var line in invoice.Lines)
                if (MarginFloor.For(floors, line.ProductId) is { } floor && floor.Shortfall(line.Amount, line.Cost) is { } shortfall)
                    problems.Add(BillingProblems.BelowFloor(stored, line, floor, shortfall));
            var entity = stored.LegalEntity!;
            var customer = stored.Customer!;
            var decision = InvoiceTaxation.Decide(entity, customer, rates, date);
            var taxed = InvoiceTax.Apply(invoice, decision, contract.Currency);
            var bill = new ContractBill(stored, invoice, problems)
            {
                Taxed = taxed,
                Charges = charges.Select(c => new BilledCharge(c, subscriptions[c.SubscriptionId].ProductId, subscriptions[c.SubscriptionId].SkuId,
                    TaxRules.LineTax(c.Amount, decision, contract.Currency))).ToList(),
            };
            if (bill.HasLines && entity.TaxProvider == TaxProviderKind.BuiltIn && decision.Treatment == TaxTreatment.NoRate)
                problems.Add(InvoiceProblems.NoRate(customer.Id, customer.Name, customer.BillingCountry, customer.BillingRegion, stored.Id));
            if (bill.HasLines && entity.Address is null)
                problems.Add(InvoiceProblems.NoSellerAddress(entity, stored.Id, stored.CustomerId, invoice.Date, bill.Total, invoice.Currency));
            return bill;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ContractBill(stored, null, [BillingProblems.Failure(stored, date, e)]);
        }
    }

    /// <summary>
    /// Raises the chunk's problems and settles what the billed contracts no longer raise (a rule added, a price
    /// imported), in one transaction. Two runs raising the same problem at once: the loser counts an occurrence instead.
    /// </summary>
    private async Task RecordProblemsAsync(List<ContractBill> work, CancellationToken cancellationToken)
    {
        var ids = work.Select(b => b.Contract.Id).ToList();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var workItems = new WorkItemRaiser(db, time);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var raised = await workItems.RaiseAllAsync(work.SelectMany(b => b.Problems).ToList(), cancellationToken);
            await workItems.SettleAsync(
                db.WorkItems.Where(i => i.ContractId != null && ids.Contains(i.ContractId.Value)
                    && (i.Kind == WorkItemKind.BillingAlert || i.Kind == WorkItemKind.ReplayRefusal || i.Kind == WorkItemKind.BillingFailure)),
                raised.Items.Select(i => i.DedupeKey).ToHashSet(), "billing run", $"no longer raised by the billing run of {work[0].Invoice?.Date:yyyy-MM-dd}", cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    /// <summary>A contract whose invoice could not be stored: its own small transaction, on a context of its own.</summary>
    private async Task RecordFailureAsync(StoredContract contract, DateOnly date, Exception failure, DbContextOptions<ProrataDbContext> contextOptions)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var own = new ProrataDbContext(contextOptions);
            await new WorkItemRaiser(own, time).RaiseAsync(BillingProblems.Failure(contract, date, failure), CancellationToken.None);
            try
            {
                await own.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another run raised it at the same moment: the next attempt counts an occurrence of that item.
            }
        }
    }

    /// <summary>A database refusal of this contract's data (a value out of range, a check), not of the database itself.</summary>
    private static bool IsContractData(Exception e) => e switch
    {
        // Class 22 is a data exception (numeric value out of range), 23 an integrity constraint such as a money rule's trigger.
        PostgresException p => p.SqlState.StartsWith("22", StringComparison.Ordinal) || p.SqlState.StartsWith("23", StringComparison.Ordinal),
        SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CONSTRAINT } => true,
        DbUpdateException { InnerException: { } inner } => IsContractData(inner),
        OverflowException => true,
        _ => false,
    };

}
