using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Prorata.Application.Outbox;
using Prorata.Application.Receivables;
using Prorata.Data;
using Prorata.Data.Outbox;
using Prorata.Data.Receivables;
using Prorata.Domain.Receivables;
using Prorata.Testing;

namespace Prorata.Bench;

/// <summary>
/// `dunning [--customers 10000] [--invoices-per-customer 5] [--postgres]`: N customers, each with a contract whose dunning
/// reminds 1, 7 and 14 days after the due date and holds after 30 (one in five: 7 and 21, hold after 45), and 5 issued
/// unpaid invoices due from 30 days ahead to 75 days ago (70 % not due yet, 24 % 1–29 days late, 6 % later); reminders
/// already sent for some, some customers already on hold (some of them with nothing late any more). Times the daily
/// job (<see cref="DunningRun.RunAsync"/>) end to end, then a second run (which must do nothing), and
/// <see cref="DunningRules.Evaluate"/> alone; checks the counts against what the seed implies. SQLite always; with
/// --postgres also PostgreSQL (PRORATA_TEST_POSTGRES, or a throwaway cluster).
/// </summary>
public static class DunningBenchmark
{
    private static readonly DunningPolicy Usual = DunningPolicy.Of([1, 7, 14], 30);
    private static readonly DunningPolicy Lenient = DunningPolicy.Of([7, 21], 45);

    public static int Run(string[] args)
    {
        var (customers, perCustomer, postgres) = (10_000, 5, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--customers": customers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--invoices-per-customer": perCustomer = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = true; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; dunning [--customers 10000] [--invoices-per-customer 5] [--postgres]");
                    return 2;
            }
        }
        return RunAllAsync(customers, perCustomer, postgres).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAllAsync(int customers, int perCustomer, bool postgres)
    {
        var ct = CancellationToken.None;
        var failed = 0;
        var file = ReceivablesSeed.NewSqliteFile("dunning");
        try
        {
            failed += await RunAsync("SQLite", $"Data Source={file};Pooling=False", customers, perCustomer, ct);
        }
        finally
        {
            ReceivablesSeed.DeleteSqlite(file);
        }
        if (postgres)
        {
            var connectionString = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("prorata_dunning", ct)) { Pooling = true }.ConnectionString;
            try
            {
                failed += await RunAsync("PostgreSQL", connectionString, customers, perCustomer, ct);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await PostgresServer.DropDatabaseAsync(connectionString, ct);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> RunAsync(string database, string connectionString, int customerCount, int perCustomer, CancellationToken ct)
    {
        var time = TimeProvider.System;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(20260601);
        var policies = Enumerable.Range(0, customerCount).Select(i => i % 5 == 4 ? Lenient : Usual).ToList();
        var lateness = Enumerable.Range(0, customerCount).Select(_ => DaysLate(random, perCustomer)).ToList();

        var load = Stopwatch.StartNew();
        await ReceivablesSeed.MigrateAsync(connectionString, ct);
        var seeded = await ReceivablesSeed.LoadAsync(connectionString, customerCount,
            i => new ReceivablesSeed.ContractTerms(string.Join(',', policies[i].RemindAfterDays), policies[i].HoldAfterDays, AutoCharge: false),
            i => [.. lateness[i].Select(d => (today.AddDays(-d), random.Next(5_000, 500_000) / 100m))], now.AddDays(-120), ct);

        // What was done before today: some reminders sent, some customers held. The expected outcome follows from the same facts.
        var steps = new List<DunningStep>();
        var (expectedReminders, expectedHolds, expectedLifts) = (0, 0, 0);
        var heldBefore = new List<Guid>();
        var indexOf = seeded.Customers.Select((id, i) => (id, i)).ToDictionary(c => c.id, c => c.i);
        foreach (var group in seeded.Invoices.GroupBy(s => s.CustomerId))
        {
            var policy = policies[indexOf[group.Key]];
            var cause = false;
            foreach (var invoice in group)
            {
                var late = today.DayNumber - invoice.Due.DayNumber;
                var reached = policy.RemindAfterDays.Where(n => n <= late).ToList();
                var sent = random.NextDouble() switch { < 0.5 => reached.Count, < 0.8 => Math.Max(0, reached.Count - 1), _ => 0 };
                foreach (var n in reached.Take(sent))
                    steps.Add(new DunningStep
                    {
                        Id = Guid.NewGuid(), CustomerId = invoice.CustomerId, Kind = DunningActionKind.Reminder, InvoiceId = invoice.Id, Days = n,
                        At = Midnight(invoice.Due.AddDays(n)), RecordedAt = Midnight(invoice.Due.AddDays(n)).AddHours(1),
                    });
                if (sent < reached.Count) expectedReminders++;
                if (late >= policy.HoldAfterDays) cause = true;
            }
            var held = random.NextDouble() < (cause ? 0.5 : 0.03);
            if (held) heldBefore.Add(group.Key);
            if (cause && !held) expectedHolds++;
            if (!cause && held) expectedLifts++;
        }
        await ReceivablesSeed.InsertAsync(connectionString, steps, ct);
        await using (var db = ReceivablesSeed.Open(connectionString))
        {
            foreach (var chunk in heldBefore.Chunk(1_000))
                await db.Customers.Where(c => chunk.Contains(c.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.DunningHold, true).SetProperty(c => c.DunningHoldSince, now.AddDays(-3)), ct);
        }
        await ReceivablesSeed.AnalyzeAsync(connectionString, ct);
        Console.WriteLine($"[{database}] seeded {customerCount:N0} customers, {seeded.Invoices.Count:N0} open invoices, {steps.Count:N0} reminders already sent, " +
            $"{heldBefore.Count:N0} customers already on hold, in {load.Elapsed.TotalSeconds:F1} s");

        var evaluation = await EvaluateAsync(connectionString, time, ct);
        Console.WriteLine($"[{database}] DunningRules.Evaluate alone (loaded first) over {seeded.Invoices.Count:N0} receivables: {evaluation.Actions:N0} actions, best of 5 {evaluation.Best.TotalMilliseconds:F1} ms");

        var run = Stopwatch.StartNew();
        DunningRun.Outcome first;
        await using (var db = ReceivablesSeed.Open(connectionString))
            first = await new DunningRun(db, time, new OutboxSignal()).RunAsync(ct);
        var runTime = run.Elapsed;
        var rerun = Stopwatch.StartNew();
        DunningRun.Outcome second;
        await using (var db = ReceivablesSeed.Open(connectionString))
            second = await new DunningRun(db, time, new OutboxSignal()).RunAsync(ct);
        var rerunTime = rerun.Elapsed;

        int reminderMessages, onHold;
        await using (var db = ReceivablesSeed.Open(connectionString))
        {
            reminderMessages = await db.Outbox.CountAsync(m => m.Topic == OutboxTopic.PaymentReminder, ct);
            onHold = await db.Customers.CountAsync(c => c.DunningHold, ct);
        }
        Console.WriteLine($"[{database}] DunningRun end to end: {first.Reminders:N0} reminders (outbox: {reminderMessages:N0}), {first.Held:N0} holds, {first.Lifted:N0} lifts " +
            $"in {runTime.TotalSeconds:F2} s; {onHold:N0} customers on hold after it");
        Console.WriteLine($"[{database}] second run: {second.Reminders} reminders, {second.Held} holds, {second.Lifted} lifts in {rerunTime.TotalSeconds:F2} s");


        var ok = first.Reminders == expectedReminders && first.Held == expectedHolds && first.Lifted == expectedLifts
            && reminderMessages == expectedReminders && second == new DunningRun.Outcome(0, 0, 0) && runTime <= TimeSpan.FromSeconds(5);
        Console.WriteLine(ok
            ? $"[{database}] ok: counts as the seed implies ({expectedReminders:N0} / {expectedHolds:N0} / {expectedLifts:N0}), rerun does nothing, under 5 s"
            : $"[{database}] FAILED: expected {expectedReminders:N0} reminders, {expectedHolds:N0} holds, {expectedLifts:N0} lifts, nothing on the rerun, ≤ 5 s");
        return ok ? 0 : 1;
    }

    /// <summary>Loads the receivables as the job does (before it runs), then times the rules alone on them.</summary>
    private static async Task<(int Actions, TimeSpan Best)> EvaluateAsync(string connectionString, TimeProvider time, CancellationToken ct)
    {
        await using var db = ReceivablesSeed.Open(connectionString);
        var rows = await (
                from r in db.InvoiceReceivables.AsNoTracking()
                join c in db.BillingContracts.AsNoTracking() on r.ContractId equals c.Id
                where r.Balance > 0
                select new { r.InvoiceId, r.CustomerId, r.ContractId, r.Currency, r.InvoiceDate, r.DueDate, r.Total, r.Balance, c.DunningRemindAfterDays, c.DunningHoldAfterDays })
            .ToListAsync(ct);
        var last = (await db.DunningSteps.AsNoTracking().Where(s => s.Days != null).Select(s => new { s.InvoiceId, s.Days }).ToListAsync(ct))
            .GroupBy(s => s.InvoiceId!.Value).ToDictionary(g => g.Key, g => g.Max(s => s.Days));
        var held = (await db.Customers.AsNoTracking().Where(c => c.DunningHold).Select(c => c.Id).ToListAsync(ct)).Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal);
        var open = rows.Select(o => new OpenReceivable(
            new ReceivableInvoice(o.InvoiceId.ToString(), o.CustomerId.ToString(), o.ContractId.ToString(), o.Currency, o.InvoiceDate, o.DueDate, o.Total,
                new Data.Contracts.BillingContract { Currency = o.Currency, DunningRemindAfterDays = o.DunningRemindAfterDays, DunningHoldAfterDays = o.DunningHoldAfterDays }.Dunning),
            o.Balance, last.GetValueOrDefault(o.InvoiceId))).ToList();
        var now = time.GetUtcNow();
        var best = TimeSpan.MaxValue;
        var actions = 0;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            actions = DunningRules.Evaluate(open, held, now).Count;
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }
        return (actions, best);
    }

    /// <summary>Days late of a customer's invoices (negative: not due yet), distinct: one invoice per contract and billing date.</summary>
    private static List<int> DaysLate(Random random, int count)
    {
        var days = new List<int>(count);
        while (days.Count < count)
        {
            var p = random.NextDouble();
            var d = p < 0.70 ? -random.Next(0, 31) : p < 0.94 ? random.Next(1, 30) : random.Next(30, 76);
            if (!days.Contains(d)) days.Add(d);
        }
        return days;
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
