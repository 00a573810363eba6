using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Application.Receivables.Collection;
using StripeSimulator;

namespace Prorata.Bench;

/// <summary>
/// `auto-charge [--charges 10000] [--invoices-per-customer 5]`: the Stripe simulator on loopback, a SQLite file with
/// charges / 5 auto-charging customers, each with a Visa card saved through the hosted page and 5 issued invoices; every
/// invoice queued (<see cref="AutoCharges.QueueFirstAsync"/>), then the outbox delivered until nothing is left, as the
/// host's worker does. Prints the throughput and checks every invoice was charged exactly once against Stripe's records.
/// </summary>
public static class AutoChargeBenchmark
{
    public static int Run(string[] args)
    {
        var (charges, perCustomer) = (10_000, 5);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--charges": charges = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--invoices-per-customer": perCustomer = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; auto-charge [--charges 10000] [--invoices-per-customer 5]");
                    return 2;
            }
        }
        return RunAsync(charges, perCustomer).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int charges, int perCustomer)
    {
        var ct = CancellationToken.None;
        var file = ReceivablesSeed.NewSqliteFile("auto-charge");
        var connectionString = $"Data Source={file};Pooling=False";
        var (simulator, stripe) = await SimulatorApp.StartOnLoopbackAsync(["--SepaSettlementMilliseconds", "0"], ct);
        try
        {
            var seed = Stopwatch.StartNew();
            var seeded = await SeedAsync(connectionString, charges, perCustomer, ct);
            var clock = new BenchClock();
            await using var services = PaymentServices.Build(connectionString, stripe, clock, timeoutSeconds: 30);
            var seedTime = seed.Elapsed;
            var cards = Stopwatch.StartNew();
            await StripeCards.SaveAsync(services, seeded.Customers, ct);
            Console.WriteLine($"seeded {seeded.Customers.Count:N0} customers and {seeded.Invoices.Count:N0} issued invoices in {seedTime.TotalSeconds:F1} s; " +
                $"{seeded.Customers.Count:N0} cards saved through Stripe's hosted page in {cards.Elapsed.TotalSeconds:F1} s");

            var queue = Stopwatch.StartNew();
            var queued = await QueueAsync(services, seeded.Invoices.Select(i => i.Id), ct);
            var queueTime = queue.Elapsed;
            var run = Stopwatch.StartNew();
            var outcome = await PaymentWorker.DeliverAllAsync(services, clock, ct);
            var runTime = run.Elapsed;
            Console.WriteLine($"queued {queued:N0} auto-charges in {queueTime.TotalSeconds:F1} s ({queued / queueTime.TotalSeconds:N0}/s); " +
                $"outbox delivered {outcome.Handled:N0} messages in {runTime.TotalSeconds:F1} s: {queued / runTime.TotalSeconds:N0} charges/s " +
                $"(one worker, batches of {PaymentWorker.Batch}; clock jumps {outcome.ClockJumps})");

            var figures = await ChargeVerification.VerifyAsync(connectionString, stripe, [.. seeded.Invoices.Select(i => i.Id)], ct);
            ChargeVerification.Print(figures);
            return figures.ExactlyOnce && queued == charges ? 0 : 1;
        }
        finally
        {
            await simulator.StopAsync(ct);
            await simulator.DisposeAsync();
            ReceivablesSeed.DeleteSqlite(file);
        }
    }

    /// <summary>
    /// Auto-charging customers with monthly invoices (the latest dated yesterday, due in 29 days), 50.00 to 5,000.00 USD each.
    /// Each is issued at 09:00 of its date, so none is dated today: one issued later than the charge would not yet be in the
    /// ledger the charge's payment is applied to, which would pay the oldest invoice instead.
    /// </summary>
    public static async Task<ReceivablesSeed.Seeded> SeedAsync(string connectionString, int charges, int perCustomer, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(20260602);
        var customers = (charges + perCustomer - 1) / perCustomer;
        await ReceivablesSeed.MigrateAsync(connectionString, ct);
        return await ReceivablesSeed.LoadAsync(connectionString, customers, _ => new ReceivablesSeed.ContractTerms("", null, AutoCharge: true),
            i => [.. Enumerable.Range(0, Math.Min(perCustomer, charges - i * perCustomer)).Select(k => (today.AddDays(29 - k * 31), random.Next(5_000, 500_000) / 100m))],
            now.AddDays(-1), ct);
    }

    public static async Task<int> QueueAsync(IServiceProvider services, IEnumerable<Guid> invoices, CancellationToken ct)
    {
        var queued = 0;
        foreach (var invoice in invoices)
        {
            await using var scope = services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<AutoCharges>().QueueFirstAsync(invoice, ct)) queued++;
        }
        return queued;
    }
}
