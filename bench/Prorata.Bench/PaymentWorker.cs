using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Outbox;

namespace Prorata.Bench;

/// <summary>
/// The payment worker: the outbox loop a host runs (OutboxWorkerJob: batches of 50), until nothing is left to deliver.
/// When nothing is due but something waits (a retry's back-off, the lease of a message a killed worker held), the clock
/// jumps to that moment instead of waiting for it. `worker --database CS --stripe URL --clock-file PATH [--timeout-seconds 1]`
/// runs it as its own process, which auto-charge-kill kills; it prints "ready" once its first batch is delivered (after
/// start-up, so that a kill lands among deliveries).
/// </summary>
public static class PaymentWorker
{
    public const int Batch = 50;
    public const string Ready = "ready";

    public sealed record Outcome(int Handled, int ClockJumps);

    public static int Run(string[] args)
    {
        string? database = null, stripe = null, clockFile = null;
        var timeoutSeconds = 1;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--database": database = args[i + 1]; break;
                case "--stripe": stripe = args[i + 1]; break;
                case "--clock-file": clockFile = args[i + 1]; break;
                case "--timeout-seconds": timeoutSeconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            }
        }
        if (database is null || stripe is null || clockFile is null)
        {
            Console.Error.WriteLine("usage: worker --database CONNECTION-STRING --stripe URL --clock-file PATH [--timeout-seconds 1]");
            return 2;
        }
        var clock = new BenchClock(clockFile);
        using var services = PaymentServices.Build(database, new Uri(stripe), clock, timeoutSeconds);
        var outcome = DeliverAllAsync(services, clock, CancellationToken.None, () => Console.WriteLine(Ready)).GetAwaiter().GetResult();
        Console.WriteLine($"delivered {outcome.Handled} messages, clock moved ahead {outcome.ClockJumps} times (now {clock.Offset.TotalMinutes:F0} min ahead)");
        return 0;
    }

    /// <summary>Delivers until no message is pending; returns how many deliveries were made and how often the clock jumped.</summary>
    public static async Task<Outcome> DeliverAllAsync(IServiceProvider services, BenchClock clock, CancellationToken ct, Action? firstBatchDone = null)
    {
        var (handled, jumps, idle) = (0, 0, 0);
        while (true)
        {
            int batch;
            await using (var scope = services.CreateAsyncScope())
                batch = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(Batch, ct);
            if (handled == 0) firstBatchDone?.Invoke();
            handled += batch;
            if (batch > 0)
            {
                idle = 0;
                continue;
            }
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
                var waiting = await db.Outbox.AsNoTracking().Where(m => m.State == OutboxState.Pending || m.State == OutboxState.InFlight)
                    .Select(m => new { m.State, m.NextAttemptAt, m.LeaseUntil }).ToListAsync(ct);
                if (waiting.Count == 0) return new Outcome(handled, jumps);
                var next = waiting.Min(m => m.State == OutboxState.InFlight || (m.LeaseUntil is { } lease && lease > m.NextAttemptAt) ? m.LeaseUntil!.Value : m.NextAttemptAt);
                if (++idle > 3) throw new InvalidOperationException($"{waiting.Count} messages wait but none is delivered at {clock.GetUtcNow():O} (next {next:O}).");
                clock.AdvanceTo(next.AddMilliseconds(1));
                jumps++;
            }
        }
    }
}
