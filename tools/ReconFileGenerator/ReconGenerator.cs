using Prorata.Domain.Billing;
using Prorata.Domain.Reconciliation;

namespace ReconFileGenerator;

/// <summary>
/// Generates a synthetic NCE invoice recon file and the provider charges Prorata should expect for it. Every
/// subscription is bought, billed monthly (cycles anchored on the purchase day, AddMonths from the anchor) and gets seat
/// adds posted as Microsoft does: a refund of the old quantity and a charge of the new one, prorated daily to the cycle
/// end and truncated to cents (convention A, microsoft-csp.md §1.7). Injected subscriptions end with one planted
/// difference whose outcome is known, so <see cref="GeneratedRecon.Counts"/> is exact.
/// </summary>
public static class ReconGenerator
{
    private static readonly string[] Countries = ["US", "GB", "DE", "FR", "NL", "CA", "AU", "SE", "DK", "IE"];
    private static readonly string[] Words =
        ["Contoso", "Fabrikam", "Northwind", "Adatum", "Litware", "Proseware", "Tailspin", "Woodgrove", "Wingtip", "Alpine",
         "Coho", "Lucerne", "Margie", "Relecloud", "Trey", "Humongous", "Fourth Coffee", "Blue Yonder", "Datum", "Graphic"];

    private static readonly string[] Suffixes = ["Ltd", "Inc", "GmbH", "BV", "LLC", "SA", "AB", "Pty Ltd"];

    /// <summary>Writes the file to <paramref name="output"/> (or nothing when null) and returns what it should reconcile to.</summary>
    public static GeneratedRecon Generate(GeneratorOptions options, Stream? output, OutputFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Subscriptions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Lines, options.Subscriptions * 3);
        var random = new Random(options.Seed);
        var partnerId = NewGuid(random);
        var invoiceNumber = "G0" + random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var plan = Plan(options, random);

        using var sink = output is null ? null
            : format == OutputFormat.Csv ? (LineSink)new CsvSink(output, partnerId, invoiceNumber, options)
            : new JsonLinesSink(output, partnerId, invoiceNumber, options);
        var run = new Run(options, random, sink);
        for (var s = 0; s < options.Subscriptions; s++)
        {
            var budget = (options.Lines / options.Subscriptions) + (s < options.Lines % options.Subscriptions ? 1 : 0);
            run.Subscription(s, budget, plan[s]);
        }
        return run.Result();
    }

    private static Injection?[] Plan(GeneratorOptions options, Random random)
    {
        var plan = new Injection?[options.Subscriptions];
        var free = Enumerable.Range(0, options.Subscriptions).OrderBy(_ => random.Next()).ToArray();
        var next = 0;
        foreach (var (injection, count) in options.Injections.OrderBy(p => p.Key))
        {
            if (next + count > free.Length)
            {
                throw new ArgumentException($"{count} × {injection} do not fit in {options.Subscriptions} subscriptions", nameof(options));
            }
            for (var i = 0; i < count; i++)
            {
                plan[free[next++]] = injection;
            }
        }
        return plan;
    }

    private static string NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString("D");
    }

    private static decimal Truncate(decimal amount) => Math.Round(amount, 2, MidpointRounding.ToZero);

    /// <summary>The state of one generation: the random stream, the sink, the expected charges and the tallies.</summary>
    private sealed class Run(GeneratorOptions options, Random random, LineSink? sink)
    {
        private readonly FileLine line = new();
        private readonly List<ProviderCharge> expected = new(options.Lines + options.Subscriptions);
        private readonly List<string> known = new(options.Subscriptions);
        private readonly Dictionary<ReconState, int> counts = [];
        private decimal moneyAtStake;
        private long row = 1;

        private string subscription = "";
        private bool annual;
        private decimal price;
        private DateOnly anchor;
        private int quantity;

        public void Subscription(int index, int budget, Injection? injection)
        {
            StartSubscription(index);
            if (injection == Injection.OrphanSubscription)
            {
                line.SubscriptionId = subscription;
            }
            else
            {
                known.Add(subscription);
            }

            var tailPair = injection is Injection.OutOfBandSeatAdd or Injection.ConventionB;
            var cycle = 0;
            Cycle(cycle, injection, tail: false);
            var remaining = budget - 1;
            while (remaining > 0)
            {
                if (tailPair && remaining == 2)
                {
                    SeatAdd(cycle, injection);
                    break;
                }
                var pairAllowed = !tailPair && (injection is null or Injection.NotBilled or Injection.OrphanSubscription ? remaining >= 2 : remaining >= 3);
                if (pairAllowed && random.Next(4) == 0)
                {
                    SeatAdd(cycle, injection == Injection.OrphanSubscription ? injection : null);
                    remaining -= 2;
                    continue;
                }
                cycle++;
                remaining--;
                Cycle(cycle, injection, tail: remaining == 0);
            }

            if (injection == Injection.NotBilled)
            {
                var (start, end) = CycleDates(cycle + 1);
                var total = Truncate(price * quantity);
                expected.Add(new ProviderCharge(subscription, ChargeType.CycleCharge, start, end, price, price, quantity, total, "", line.Offer.ProductId, line.Offer.SkuId, "USD"));
                Tally(ReconState.MissingCharge, total);
            }
        }

        public GeneratedRecon Result()
        {
            var lines = row - 1;
            var others = 0;
            foreach (var (state, count) in counts)
            {
                others += state == ReconState.MissingCharge ? 0 : count;
            }
            counts[ReconState.Matched] = (int)(lines - others);
            return new GeneratedRecon(lines, expected, known, counts, moneyAtStake);
        }

        private void StartSubscription(int index)
        {
            subscription = NewGuid(random);
            var customer = index / 10;
            if (index % 10 == 0)
            {
                line.CustomerId = NewGuid(random);
                var word = Words[customer % Words.Length];
                line.CustomerName = $"{word} {customer} {Suffixes[customer % Suffixes.Length]}";
                line.CustomerDomain = $"{word.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}{customer}.onmicrosoft.com";
                line.CustomerCountry = Countries[customer % Countries.Length];
            }
            line.Offer = Offer.Catalog[random.Next(Offer.Catalog.Length)];
            annual = random.Next(4) != 0;
            // The monthly-term premium: a one-month term costs 20% more per month (microsoft-csp.md §1.2).
            price = annual ? line.Offer.MonthlyPrice : Math.Round(line.Offer.MonthlyPrice * 1.2m, 2, MidpointRounding.AwayFromZero);
            anchor = options.FirstMonth.AddDays(random.Next(28));
            quantity = random.Next(10) == 0 ? random.Next(10, 300) : random.Next(1, 26);
            line.SubscriptionId = subscription;
            line.SubscriptionStart = anchor;
            line.SubscriptionEnd = anchor.AddMonths(annual ? 12 : 1).AddDays(-1);
            line.TermAndBillingCycle = annual ? "One-Year commitment for monthly/yearly billing" : "One-Month commitment for monthly billing";
            line.OrderId = NewGuid(random).Replace("-", "", StringComparison.Ordinal);
            line.OrderDate = anchor;
            line.AlternateId = line.OrderId[..12];
        }

        // Cycle n runs from AddMonths(anchor, n) to the day before AddMonths(anchor, n + 1) (billing-rules.md §1).
        private (DateOnly Start, DateOnly End) CycleDates(int cycle) =>
            (anchor.AddMonths(cycle), anchor.AddMonths(cycle + 1).AddDays(-1));

        private void Cycle(int cycle, Injection? injection, bool tail)
        {
            var (start, end) = CycleDates(cycle);
            var type = cycle == 0 ? ChargeType.New : annual && cycle % 12 != 0 ? ChargeType.CycleCharge : ChargeType.Renew;
            var total = Truncate(price * quantity);
            var charge = new ProviderCharge(subscription, type, start, end, price, price, quantity, total, "", line.Offer.ProductId, line.Offer.SkuId, "USD");
            Fill(charge);

            if (injection == Injection.OrphanSubscription)
            {
                Write();
                Tally(ReconState.UnknownSubscription, total);
                return;
            }
            if (!tail)
            {
                expected.Add(charge);
                Write();
                return;
            }
            switch (injection)
            {
                case Injection.MissedCancellation:
                    // Prorata cancelled five days before the previous cycle ended; Microsoft never heard of it.
                    var (previousStart, previousEnd) = CycleDates(cycle - 1);
                    var cancelledOn = previousEnd.AddDays(-5);
                    var cycleDays = previousEnd.DayNumber - previousStart.DayNumber + 1;
                    var perSeat = -price * (previousEnd.DayNumber - cancelledOn.DayNumber + 1) / cycleDays;
                    var refund = Truncate(perSeat * quantity);
                    expected.Add(new ProviderCharge(subscription, ChargeType.CancelImmediate, cancelledOn, previousEnd, price, perSeat, quantity, refund, "", line.Offer.ProductId, line.Offer.SkuId, "USD"));
                    Tally(ReconState.MissingCharge, refund);
                    Tally(ReconState.UnexpectedCharge, total);
                    break;
                case Injection.PriceChange:
                    expected.Add(charge);
                    line.UnitPrice = line.EffectiveUnitPrice = Math.Round(price * 1.1m, 2, MidpointRounding.AwayFromZero);
                    line.Total = Truncate(line.UnitPrice * quantity);
                    Tally(ReconState.PriceMismatch, line.Total - total);
                    break;
                case Injection.Promotion:
                    expected.Add(charge);
                    line.EffectiveUnitPrice = price * 0.8m;
                    line.Total = Truncate(line.EffectiveUnitPrice * quantity);
                    line.PromotionId = $"{line.Offer.ProductId}:1:{line.Offer.AvailabilityId}";
                    Tally(ReconState.AmountMismatch, line.Total - total);
                    break;
                case Injection.QuantityChange:
                    expected.Add(charge);
                    line.Quantity = quantity + 2;
                    line.Total = Truncate(price * line.Quantity);
                    Tally(ReconState.QuantityMismatch, line.Total - total);
                    break;
                default:
                    expected.Add(charge);
                    break;
            }
            Write();
        }

        private void SeatAdd(int cycle, Injection? injection)
        {
            var (start, end) = CycleDates(cycle);
            var cycleDays = end.DayNumber - start.DayNumber + 1;
            var changedOn = start.AddDays(random.Next(1, cycleDays));
            // Daily proration to the cycle end, both days inclusive (microsoft-csp.md §1.7).
            var perSeat = price * (end.DayNumber - changedOn.DayNumber + 1) / cycleDays;
            var added = random.Next(1, 11);
            var reference = NewGuid(random);
            var refund = new ProviderCharge(subscription, ChargeType.AddQuantity, changedOn, end, price, -perSeat, quantity,
                Truncate(-perSeat * quantity), reference, line.Offer.ProductId, line.Offer.SkuId, "USD");
            quantity += added;
            var recreate = new ProviderCharge(subscription, ChargeType.AddQuantity, changedOn, end, price, perSeat, quantity,
                Truncate(perSeat * quantity), reference, line.Offer.ProductId, line.Offer.SkuId, "USD");
            foreach (var charge in (ProviderCharge[])[refund, recreate])
            {
                Fill(charge);
                switch (injection)
                {
                    case Injection.OutOfBandSeatAdd:
                        Tally(ReconState.UnexpectedCharge, charge.Total);
                        break;
                    case Injection.OrphanSubscription:
                        Tally(ReconState.UnknownSubscription, charge.Total);
                        break;
                    case Injection.ConventionB:
                        // Convention B: truncate the per-seat price to cents, then multiply (microsoft-csp.md §1.7).
                        line.Total = Truncate(Truncate(charge.EffectiveUnitPrice) * charge.Quantity);
                        expected.Add(charge);
                        break;
                    default:
                        expected.Add(charge);
                        break;
                }
                Write();
            }
        }

        private void Fill(ProviderCharge charge)
        {
            line.ChargeType = ChargeTypeNames.ToCamelCase(charge.ChargeType);
            line.ChargeStart = charge.ChargeStart;
            line.ChargeEnd = charge.ChargeEnd;
            line.UnitPrice = charge.UnitPrice;
            line.EffectiveUnitPrice = charge.EffectiveUnitPrice;
            line.Quantity = charge.Quantity;
            line.Total = charge.Total;
            line.ReferenceId = charge.ReferenceId;
            line.PromotionId = "";
        }

        private void Write()
        {
            row++;
            sink?.Write(line, row);
        }

        private void Tally(ReconState state, decimal money)
        {
            counts[state] = counts.GetValueOrDefault(state) + 1;
            moneyAtStake += Math.Abs(money);
        }
    }
}
