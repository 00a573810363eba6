using System.Diagnostics;
using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Money;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;

namespace Prorata.Bench;

/// <summary>
/// Issue 3: simulate 100,000 subscriptions over 12 months with 1,000,000 change events on the billing engine
/// (provider charges, refusals and monthly invoices for 10,000 contracts) and report subscriptions/s and
/// allocated bytes per subscription. Target: the whole run in ≤ 10 s on the 2-core machine.
/// </summary>
public static class EngineBenchmark
{
    public static int Run(string[] args)
    {
        var subscriptions = args.Length > 0 ? int.Parse(args[0]) : 100_000;
        var changes = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
        // Contracts bill independently, so the partner's book is simulated in batches of 100 contracts, on every core.
        const int batchSize = 1_000;
        var batches = Enumerable.Range(0, (subscriptions + batchSize - 1) / batchSize)
            .Select(b => Build(Math.Min(batchSize, subscriptions - b * batchSize), (int)((long)changes * Math.Min(batchSize, subscriptions - b * batchSize) / subscriptions), seed: 20251123 + b, firstContract: b * batchSize / 10))
            .ToList();
        Console.WriteLine($"engine: {subscriptions:N0} subscriptions, {batches.Sum(b => b.Events.Count):N0} events (incl. purchases), {batches.Sum(b => b.Contracts.Count):N0} contracts, 12 months, {batches.Count} batches on {Environment.ProcessorCount} cores");

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pausedBefore = GC.GetTotalPauseDuration();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long charges = 0, invoices = 0, lines = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
        {
            var result = Simulator.Run(batch);
            Interlocked.Add(ref charges, result.ProviderCharges.Count);
            Interlocked.Add(ref invoices, result.Invoices.Count);
            Interlocked.Add(ref lines, result.Invoices.Sum(i => i.Lines.Count));
            Interlocked.Add(ref refused, result.Rejected.Count);
        });
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Console.WriteLine($"  simulated in {clock.Elapsed.TotalSeconds:F2} s ({cpu.TotalSeconds:F2} s of CPU): {subscriptions / clock.Elapsed.TotalSeconds:N0} subscriptions/s, {(changes + subscriptions) / clock.Elapsed.TotalSeconds:N0} events/s");
        Console.WriteLine($"  {charges:N0} provider charges, {invoices:N0} invoices with {lines:N0} lines, {refused:N0} refused events");
        Console.WriteLine($"  GC: {(GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds:F2} s paused");
        Console.WriteLine($"  allocated {allocated / (1024.0 * 1024):N0} MiB = {allocated / subscriptions:N0} bytes per subscription; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):N0} MiB");
        Console.WriteLine(clock.Elapsed.TotalSeconds <= 10 ? "  target ≤ 10 s: met" : "  target ≤ 10 s: NOT met");
        return 0;
    }

    /// <summary>A partner's year: 10 subscriptions per contract across NCE terms and plans, seat changes at random hours.</summary>
    public static Scenario Build(int subscriptions, int changes, int seed, int firstContract)
    {
        var random = new Random(seed);
        var from = new DateOnly(2025, 1, 1);
        PriceListRow Row(string product, string sku, TermDuration term, BillingPlan plan, decimal price) =>
            new(product, sku, $"{product}/{sku}", term, plan, price, price * 1.2m, "USD", new DateOnly(2024, 1, 1), null);
        var offers = new[]
        {
            Row("CFQ7TTC0LCHC", "0002", TermDuration.P1Y, BillingPlan.Monthly, 277.20m),
            Row("CFQ7TTC0LCHC", "0002", TermDuration.P1Y, BillingPlan.Annual, 264.00m),
            Row("CFQ7TTC0LCHC", "0002", TermDuration.P1M, BillingPlan.Monthly, 26.40m),
            Row("CFQ7TTC0LDPB", "0001", TermDuration.P1Y, BillingPlan.Monthly, 157.50m),
            Row("CFQ7TTC0LH18", "0001", TermDuration.P1M, BillingPlan.Monthly, 7.20m),
            Row("CFQ7TTC0LFLX", "0001", TermDuration.P3Y, BillingPlan.Annual, 2484.00m),
        };
        var usd = Currency.FromCode("USD");
        var contracts = Enumerable.Range(0, Math.Max(1, subscriptions / 10))
            .Select(i => i + firstContract)
            .Select(i => new BillingContract($"K{i}", $"C{i}", usd, 1 + i % 28, (ContractAlignment)(i % 2), (RefundPolicy)(i % 5 == 0 ? 1 : 0),
                [new PricingRule("*", null, PricingMethod.MarkupOnCost, 15 + i % 10)]))
            .ToList();

        var events = new List<SubscriptionEvent>(subscriptions + changes);
        var purchases = new DateTimeOffset[subscriptions];
        for (var s = 0; s < subscriptions; s++)
        {
            var offer = offers[random.Next(offers.Length)];
            purchases[s] = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(random.Next(60 * 24 * 60));
            events.Add(new SubscriptionEvent(0, purchases[s], SubscriptionEventType.Purchase, $"S{s}")
            {
                Contract = contracts[s % contracts.Count].Id, ProductId = offer.ProductId, SkuId = offer.SkuId, Term = offer.Term, BillingPlan = offer.BillingPlan,
                Quantity = 5 + random.Next(50),
            });
        }
        // Seat changes as partners make them: mostly a few seats added, some removed (often past their window, so
        // refused), now and then a cancellation; each subscription's changes in time order.
        var end = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var changesOf = new List<DateTimeOffset>[subscriptions];
        for (var c = 0; c < changes; c++)
        {
            var s = random.Next(subscriptions);
            (changesOf[s] ??= new List<DateTimeOffset>()).Add(purchases[s].AddMinutes(random.Next((int)(end - purchases[s]).TotalMinutes)));
        }
        for (var s = 0; s < subscriptions; s++)
        {
            if (changesOf[s] is not { } times) continue;
            times.Sort();
            var quantity = events[s].Quantity!.Value;
            foreach (var at in times)
            {
                var roll = random.Next(100);
                if (roll == 0)
                {
                    events.Add(new SubscriptionEvent(0, at, SubscriptionEventType.Cancel, $"S{s}"));
                    continue;
                }
                quantity = roll < 75 ? quantity + 1 + random.Next(5) : Math.Max(1, quantity - 1 - random.Next(3));
                events.Add(new SubscriptionEvent(0, at, SubscriptionEventType.SetQuantity, $"S{s}") { Quantity = quantity });
            }
        }
        var ordered = events.OrderBy(e => e.At).Select((e, i) => e with { Index = i }).ToList();
        return new Scenario("engine benchmark", usd, ProviderRounding.TruncateLine, offers, contracts, ordered, new DateOnly(2026, 1, 1));
    }
}
