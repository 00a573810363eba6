using System.Globalization;
using System.Runtime.InteropServices;
using Prorata.Domain.Billing;

namespace Prorata.Domain.Reconciliation;

/// <summary>
/// Matches Microsoft's recon lines, one at a time, against the provider charges Prorata expects
/// (billing-rules.md §6; the rule is spelled out in scenarios/README.md, "Reconciliation what-if").
/// A line matches an unused expected charge with the same (SubscriptionId, ChargeType, ChargeStartDate,
/// ChargeEndDate), the same sign of total (the refund and the charge of one quantity change share every other key),
/// and the same ReferenceId when both carry a Microsoft GUID. Each expected charge is consumed at most once.
/// Stateful and streaming: feed every line to <see cref="Match"/>, then read <see cref="Missing"/> and
/// <see cref="Summarize"/>. Built for a million lines against 100,000 subscriptions: the index is keyed by
/// subscription only (a table that stays in cache), each subscription's charges chained in a compact array that is
/// scanned for the type and dates; one dictionary probe per line, no LINQ, no allocation besides the outcome.
/// Azure plan lines (one per meter and month, microsoft-csp.md §6.1) are matched against the imported daily usage
/// instead, by (SubscriptionId, month, ProductId, SkuId), within ±0.01 per daily row: Microsoft truncates the month's
/// total once where the daily file truncates every day.
/// A file covers the months its lines' charges start in (one invoice's billing period, or a few for a file that spans
/// them): only expected charges starting in those months can be missing from it, and only they count in its expected
/// total, so a one-month file is not blamed for the rest of the year. Totals are kept per currency as well
/// (<see cref="ReconSummary.Currencies"/>), since a USD line and an EUR line never add up.
/// </summary>
public sealed class Matcher
{
    // ±0.01 per seat (billing-rules.md §1): conventions A and B differ by less than a cent per seat.
    private const decimal TolerancePerSeat = 0.01m;
    private const decimal UnitPriceTolerance = 0.005m;
    private const string AzurePlanDescription = "Azure plan";

    private readonly ProviderCharge[] expected;
    private readonly Slot[] slots;
    private readonly Dictionary<string, int> firstBySubscription;
    private readonly Dictionary<string, DateOnly> cancelledOn;
    private readonly HashSet<string> cancelledOutsideProrata = new(StringComparer.OrdinalIgnoreCase);
    private readonly ExpectedUsage[] usage;
    private readonly bool[] usageUsed;
    private readonly Dictionary<string, List<int>> usageBySubscription = new(StringComparer.OrdinalIgnoreCase);

    private int matched;
    private int amountMismatch;
    private int quantityMismatch;
    private int priceMismatch;
    private int unexpectedCharge;
    private int unknownSubscription;
    private decimal lineMoneyAtStake;
    private decimal actualTotal;
    private DateOnly latestChargeStart = DateOnly.MinValue;
    private readonly HashSet<int> coveredMonths = [];
    private readonly Dictionary<string, CurrencySums> byCurrency = new(StringComparer.OrdinalIgnoreCase);
    private readonly string?[] usageCurrency;

    /// <param name="expectedCharges">What Prorata expects Microsoft to bill.</param>
    /// <param name="subscriptions">
    /// Every subscription Prorata knows, including those with no expected charge (an Azure plan, a subscription
    /// cancelled long ago); the subscriptions of <paramref name="expectedCharges"/> are always known.
    /// </param>
    /// <param name="expectedUsage">The imported daily usage per Azure plan, month and meter; its subscriptions are known.</param>
    public Matcher(IEnumerable<ProviderCharge> expectedCharges, IEnumerable<string>? subscriptions = null, IEnumerable<ExpectedUsage>? expectedUsage = null)
    {
        expected = expectedCharges.ToArray();
        slots = new Slot[expected.Length];
        // Partner Center GUIDs come in either case; comparing them case-insensitively avoids a ToUpper per line.
        firstBySubscription = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        cancelledOn = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);

        // Chains are built back to front so that each subscription's chain lists its charges in the caller's order.
        for (var i = expected.Length - 1; i >= 0; i--)
        {
            var charge = expected[i];
            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(firstBySubscription, charge.Subscription, out var exists);
            slots[i] = new Slot(charge.ChargeType, charge.ChargeStart.DayNumber, charge.ChargeEnd.DayNumber, exists ? first : -1);
            first = i;
            if (charge.ChargeType == ChargeType.CancelImmediate
                && (!cancelledOn.TryGetValue(charge.Subscription, out var on) || charge.ChargeStart < on))
            {
                cancelledOn[charge.Subscription] = charge.ChargeStart;
            }
        }
        if (subscriptions is not null)
        {
            foreach (var subscription in subscriptions)
            {
                firstBySubscription.TryAdd(subscription, -1);
            }
        }
        usage = expectedUsage?.ToArray() ?? [];
        usageUsed = new bool[usage.Length];
        usageCurrency = new string?[usage.Length];
        for (var i = 0; i < usage.Length; i++)
        {
            firstBySubscription.TryAdd(usage[i].Subscription, -1);
            if (!usageBySubscription.TryGetValue(usage[i].Subscription, out var indexes))
            {
                usageBySubscription[usage[i].Subscription] = indexes = [];
            }
            indexes.Add(i);
        }
    }

    /// <summary>Reconciles a whole file held in memory; use <see cref="Match"/> directly to stream.</summary>
    public static ReconResult Reconcile(
        IEnumerable<ReconLine> lines, IEnumerable<ProviderCharge> expectedCharges, IEnumerable<string>? subscriptions = null,
        IEnumerable<ExpectedUsage>? expectedUsage = null)
    {
        var matcher = new Matcher(expectedCharges, subscriptions, expectedUsage);
        var outcomes = new List<LineMatch>();
        foreach (var line in lines)
        {
            outcomes.Add(matcher.Match(line));
        }
        return new ReconResult(outcomes, matcher.Missing(), matcher.Summarize());
    }

    public LineMatch Match(ReconLine line)
    {
        var outcome = MatchLine(line);
        var sums = Sums(byCurrency, line.Currency);
        sums.Actual += line.Subtotal;
        sums.AtStake += outcome.MoneyAtStake;
        return outcome;
    }

    private LineMatch MatchLine(ReconLine line)
    {
        var actual = line.Subtotal;
        actualTotal += actual;
        if (line.ChargeStartDate > latestChargeStart)
        {
            latestChargeStart = line.ChargeStartDate;
        }
        coveredMonths.Add(MonthOf(line.ChargeStartDate));

        if (!firstBySubscription.TryGetValue(line.SubscriptionId, out var first))
        {
            unknownSubscription++;
            lineMoneyAtStake += Math.Abs(actual);
            return new LineMatch(line, ReconState.UnknownSubscription, null, RootCause.OrphanSubscription,
                $"subscription {line.SubscriptionId} is not in Prorata: bought in Partner Center outside Prorata or never imported (orphan subscription)",
                Math.Abs(actual));
        }

        if (IsAzurePlan(line))
        {
            return MatchUsage(line, actual);
        }

        if (line.ChargeType is { } type)
        {
            var chosen = Choose(first, type, line, actual);
            if (chosen >= 0)
            {
                slots[chosen].Used = true;
                return Compare(line, expected[chosen], actual);
            }
        }

        unexpectedCharge++;
        lineMoneyAtStake += Math.Abs(actual);
        var (cause, sentence) = ExplainUnexpected(line);
        return new LineMatch(line, ReconState.UnexpectedCharge, null, cause, sentence, Math.Abs(actual));
    }

    /// <summary>The expected charges of the file's months no line consumed, in the order they were given, each with its likely cause.</summary>
    public IReadOnlyList<MissingCharge> Missing()
    {
        var missing = new List<MissingCharge>();
        for (var i = 0; i < expected.Length; i++)
        {
            if (!slots[i].Used && InScope(expected[i]))
            {
                var (cause, sentence) = ExplainMissing(expected[i]);
                missing.Add(new MissingCharge(expected[i], cause, sentence));
            }
        }
        return missing;
    }

    /// <summary>Imported usage that no Azure plan line of the file billed: not on this invoice (yet).</summary>
    public IReadOnlyList<ExpectedUsage> UnmatchedUsage()
    {
        var unmatched = new List<ExpectedUsage>();
        for (var i = 0; i < usage.Length; i++)
        {
            if (!usageUsed[i])
            {
                unmatched.Add(usage[i]);
            }
        }
        return unmatched;
    }

    public ReconSummary Summarize()
    {
        var missingCount = 0;
        var missingMoney = 0m;
        var expectedTotal = 0m;
        var currencies = byCurrency.ToDictionary(c => c.Key, c => new CurrencySums { Actual = c.Value.Actual, AtStake = c.Value.AtStake }, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < usage.Length; i++)
        {
            if (usageUsed[i])
            {
                expectedTotal += usage[i].Cost;
                Sums(currencies, usageCurrency[i]!).Expected += usage[i].Cost;
            }
        }
        for (var i = 0; i < expected.Length; i++)
        {
            if (!InScope(expected[i]))
            {
                continue;
            }
            var sums = Sums(currencies, expected[i].Currency);
            expectedTotal += expected[i].Total;
            sums.Expected += expected[i].Total;
            if (!slots[i].Used)
            {
                missingCount++;
                missingMoney += Math.Abs(expected[i].Total);
                sums.AtStake += Math.Abs(expected[i].Total);
            }
        }
        return new ReconSummary(matched, amountMismatch, quantityMismatch, priceMismatch, unexpectedCharge,
            unknownSubscription, missingCount, lineMoneyAtStake + missingMoney, actualTotal, expectedTotal)
        {
            Currencies = [.. currencies.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
                .Select(c => new ReconCurrencyTotals(c.Key.ToUpperInvariant(), c.Value.Actual, c.Value.Expected, c.Value.AtStake))],
        };
    }

    private bool InScope(ProviderCharge charge) => coveredMonths.Contains(MonthOf(charge.ChargeStart));

    private static int MonthOf(DateOnly day) => day.Year * 12 + day.Month;

    private static CurrencySums Sums(Dictionary<string, CurrencySums> sums, string currency)
    {
        if (!sums.TryGetValue(currency, out var found))
        {
            sums[currency] = found = new CurrencySums();
        }
        return found;
    }

    // The file marks Azure plan lines by their description (microsoft-csp.md §2.1); a line of a plan with imported usage is one too.
    private bool IsAzurePlan(ReconLine line) =>
        line.SubscriptionDescription.Equals(AzurePlanDescription, StringComparison.OrdinalIgnoreCase)
        || (usage.Length > 0 && usageBySubscription.ContainsKey(line.SubscriptionId));

    private LineMatch MatchUsage(ReconLine line, decimal actual)
    {
        var month = new DateOnly(line.ChargeStartDate.Year, line.ChargeStartDate.Month, 1);
        var chosen = -1;
        if (usageBySubscription.TryGetValue(line.SubscriptionId, out var indexes))
        {
            foreach (var i in indexes)
            {
                var candidate = usage[i];
                if (!usageUsed[i] && candidate.Month == month
                    && candidate.ProductId.Equals(line.ProductId, StringComparison.OrdinalIgnoreCase)
                    && candidate.SkuId.Equals(line.SkuId, StringComparison.OrdinalIgnoreCase))
                {
                    chosen = i;
                    break;
                }
            }
        }
        if (chosen < 0)
        {
            unexpectedCharge++;
            lineMoneyAtStake += Math.Abs(actual);
            return new LineMatch(line, ReconState.UnexpectedCharge, null, RootCause.UsageNotImported,
                $"no daily usage of Azure plan {line.SubscriptionId}, meter {line.ProductId}/{line.SkuId}, in {month:yyyy-MM} is imported: import that month's daily-rated usage file (usage not imported)",
                Math.Abs(actual));
        }
        usageUsed[chosen] = true;
        usageCurrency[chosen] = line.Currency;
        var expected = usage[chosen];
        var difference = Math.Abs(actual - expected.Cost);
        var quantity = line.BillableQuantity;
        if (quantity != expected.Quantity)
        {
            quantityMismatch++;
            lineMoneyAtStake += difference;
            var (cause, reason) = quantity > expected.Quantity
                ? (RootCause.UsageNotImported, "daily rows of the month are missing from the imported usage files (usage not imported)")
                : (RootCause.Unexplained, "Microsoft billed fewer units than its daily file shows: check for a credit or a correction in Partner Center");
            return new LineMatch(line, ReconState.QuantityMismatch, null, cause,
                $"Microsoft billed {Format(quantity)} units of this meter in {month:yyyy-MM} where the {expected.Rows} imported daily rows add up to {Format(expected.Quantity)}: {reason}",
                difference) { Usage = expected };
        }
        if (difference == 0m)
        {
            matched++;
            return new LineMatch(line, ReconState.Matched, null, RootCause.None, null, 0m) { Usage = expected };
        }
        if (difference <= TolerancePerSeat * expected.Rows)
        {
            matched++;
            return new LineMatch(line, ReconState.Matched, null, RootCause.RoundingConvention,
                $"total {Format(actual)} is within ±0.01 per daily row of the {expected.Rows} imported rows' {Format(expected.Cost)}: Microsoft truncates the month once, the daily file every day (rounding convention)",
                0m) { Usage = expected };
        }
        amountMismatch++;
        lineMoneyAtStake += difference;
        return new LineMatch(line, ReconState.AmountMismatch, null, RootCause.Unexplained,
            $"Microsoft billed {Format(actual)} for {Format(quantity)} units where the imported daily rows add up to {Format(expected.Cost)}: re-rated after the daily file (a tier, partner earned credit); check PriceAdjustmentDescription",
            difference) { Usage = expected };
    }

    private int Choose(int first, ChargeType type, ReconLine line, decimal actual)
    {
        var start = line.ChargeStartDate.DayNumber;
        var end = line.ChargeEndDate.DayNumber;
        var lineQuantity = Math.Abs(line.BillableQuantity);
        var negative = actual < 0m;
        var chosen = -1;
        for (var i = first; i >= 0; i = slots[i].Next)
        {
            ref readonly var slot = ref slots[i];
            if (slot.Used || slot.Type != type || slot.Start != start || slot.End != end)
            {
                continue;
            }
            var charge = expected[i];
            if (charge.Total < 0m != negative || !ReferencesAgree(charge.ReferenceId, line.ReferenceId))
            {
                continue;
            }
            // Prefer the charge with the same seat count, so two changes on one day pair up with their own lines.
            if (charge.Quantity == lineQuantity)
            {
                return i;
            }
            if (chosen < 0)
            {
                chosen = i;
            }
        }
        return chosen;
    }

    // Prorata's own reference ids (a simulation's) are not Microsoft's; only two GUIDs (36 characters, dashed) compare.
    private static bool ReferencesAgree(string expectedReference, string actualReference) =>
        !(IsGuidShaped(expectedReference) && IsGuidShaped(actualReference))
        || string.Equals(expectedReference, actualReference, StringComparison.OrdinalIgnoreCase);

    private static bool IsGuidShaped(string reference) =>
        reference.Length == 36 && reference[8] == '-' && reference[13] == '-' && reference[18] == '-' && reference[23] == '-';

    private LineMatch Compare(ReconLine line, ProviderCharge charge, decimal actual)
    {
        var quantity = Math.Abs(line.BillableQuantity);
        var difference = Math.Abs(actual - charge.Total);

        if (quantity != charge.Quantity)
        {
            quantityMismatch++;
            lineMoneyAtStake += difference;
            var direction = quantity > charge.Quantity ? "added" : "removed";
            return new LineMatch(line, ReconState.QuantityMismatch, charge, RootCause.OutOfBandChange,
                $"Microsoft billed {quantity.ToString("0.##########", CultureInfo.InvariantCulture)} seats where Prorata expected {charge.Quantity}: seats {direction} in Partner Center outside Prorata (out-of-band change)",
                difference);
        }

        if (Math.Abs(Math.Abs(line.UnitPrice) - Math.Abs(charge.UnitPrice)) > UnitPriceTolerance)
        {
            priceMismatch++;
            lineMoneyAtStake += difference;
            return line.PromotionId.Length > 0
                ? new LineMatch(line, ReconState.PriceMismatch, charge, RootCause.Promotion,
                    $"Microsoft charged {Format(line.UnitPrice)} per seat instead of {Format(charge.UnitPrice)} under promotion {line.PromotionId}, which Prorata's price does not include (promotion)",
                    difference)
                : new LineMatch(line, ReconState.PriceMismatch, charge, RootCause.PriceChange,
                    $"Microsoft charged {Format(line.UnitPrice)} per seat instead of {Format(charge.UnitPrice)}: a price change Prorata's price list does not have, or a price lock Prorata lost (price change)",
                    difference);
        }

        if (difference == 0m)
        {
            matched++;
            return new LineMatch(line, ReconState.Matched, charge, RootCause.None, null, 0m);
        }

        var rounding = RoundingConventionOf(actual, charge, quantity);
        if (difference > TolerancePerSeat * quantity)
        {
            amountMismatch++;
            lineMoneyAtStake += difference;
            var (cause, sentence) = ExplainAmount(line, charge, actual, rounding);
            return new LineMatch(line, ReconState.AmountMismatch, charge, cause, sentence, difference);
        }

        matched++;
        return new LineMatch(line, ReconState.Matched, charge, RootCause.RoundingConvention,
            $"total {Format(actual)} is within ±0.01 per seat of the expected {Format(charge.Total)}{RoundingSuffix(rounding)}",
            0m);
    }

    private static (RootCause, string) ExplainAmount(ReconLine line, ProviderCharge charge, decimal actual, char rounding)
    {
        if (rounding != ' ')
        {
            return (RootCause.RoundingConvention,
                $"Microsoft's total {Format(actual)} follows rounding convention {rounding} where Prorata expected {Format(charge.Total)} (rounding convention)");
        }
        if (line.PromotionId.Length > 0)
        {
            return (RootCause.Promotion,
                $"Microsoft's effective unit price {Format(line.EffectiveUnitPrice)} reflects promotion {line.PromotionId}, which Prorata's price does not include (promotion)");
        }
        if (Math.Abs(Math.Abs(line.EffectiveUnitPrice) - Math.Abs(charge.EffectiveUnitPrice)) > UnitPriceTolerance)
        {
            return (RootCause.OutOfBandChange,
                $"Microsoft prorated to {Format(line.EffectiveUnitPrice)} per seat where Prorata expected {Format(Math.Round(charge.EffectiveUnitPrice, 4))}: the change is dated differently in Partner Center (out-of-band change)");
        }
        return (RootCause.Unexplained,
            $"Microsoft's total {Format(actual)} differs from the expected {Format(charge.Total)} by more than ±0.01 per seat at the same prices: check PriceAdjustmentDescription");
    }

    // Convention A truncates the line total, convention B the per-seat effective price first (microsoft-csp.md §1.7).
    private static char RoundingConventionOf(decimal actual, ProviderCharge charge, decimal quantity)
    {
        var perSeat = charge.EffectiveUnitPrice;
        var conventionA = Truncate(perSeat * quantity);
        var conventionB = Truncate(Truncate(perSeat) * quantity);
        if (actual == conventionB && actual != charge.Total)
        {
            return 'B';
        }
        return actual == conventionA && actual != charge.Total ? 'A' : ' ';
    }

    private static string RoundingSuffix(char rounding) => rounding switch
    {
        'B' => ": Microsoft truncated the per-seat price to cents first (rounding convention B)",
        'A' => ": Microsoft truncated only the line total (rounding convention A)",
        _ => " (rounding)",
    };

    private static decimal Truncate(decimal amount) => Math.Round(amount, 2, MidpointRounding.ToZero);

    private (RootCause, string) ExplainUnexpected(ReconLine line)
    {
        switch (line.ChargeType)
        {
            case ChargeType.AddQuantity:
                return (RootCause.OutOfBandChange, "seats added in Partner Center outside Prorata (out-of-band change)");
            case ChargeType.RemoveQuantity:
                return (RootCause.OutOfBandChange, "seats removed in Partner Center outside Prorata (out-of-band change)");
            case ChargeType.CancelImmediate:
                cancelledOutsideProrata.Add(line.SubscriptionId);
                return (RootCause.OutOfBandChange, "subscription cancelled in Partner Center outside Prorata (out-of-band change)");
            case ChargeType.Convert:
                return (RootCause.OutOfBandChange, "subscription converted or upgraded in Partner Center outside Prorata (out-of-band change)");
            case ChargeType.New:
                return (RootCause.OutOfBandChange, "a purchase Prorata did not make: bought again in Partner Center outside Prorata (out-of-band change)");
            case ChargeType.CycleCharge or ChargeType.Renew
                when cancelledOn.TryGetValue(line.SubscriptionId, out var on) && line.ChargeStartDate >= on:
                return (RootCause.MissedCancellation,
                    $"Microsoft still bills a subscription Prorata cancelled on {on:yyyy-MM-dd}: the cancellation never reached Partner Center (missed cancellation)");
            case ChargeType.Renew:
                return (RootCause.OutOfBandChange, "a renewal Prorata did not expect: auto-renew or the term was changed in Partner Center (out-of-band change)");
            case ChargeType.CycleCharge:
                return (RootCause.OutOfBandChange, "a charge cycle Prorata did not expect: the term, billing plan or dates were changed in Partner Center (out-of-band change)");
            default:
                return (RootCause.Unexplained, $"charge type '{line.ChargeTypeName}' is not one Prorata computes: review it by hand");
        }
    }

    private (RootCause, string) ExplainMissing(ProviderCharge charge)
    {
        switch (charge.ChargeType)
        {
            case ChargeType.CancelImmediate:
                return (RootCause.MissedCancellation,
                    $"Prorata cancelled the subscription on {charge.ChargeStart:yyyy-MM-dd} but Microsoft has not refunded it: the cancellation never reached Partner Center (missed cancellation)");
            case ChargeType.AddQuantity or ChargeType.RemoveQuantity:
                return (RootCause.OutOfBandChange,
                    $"the seat change Prorata recorded on {charge.ChargeStart:yyyy-MM-dd} is not on Microsoft's file: it never reached Partner Center or was undone there (out-of-band change)");
            case var _ when cancelledOutsideProrata.Contains(charge.Subscription):
                return (RootCause.OutOfBandChange,
                    "not billed because the subscription was cancelled in Partner Center outside Prorata (out-of-band change)");
            case var _ when charge.ChargeStart > latestChargeStart:
                return (RootCause.NotYetBilled, "the charge starts after every line of this file: expect it on a later invoice");
            default:
                return (RootCause.Unexplained,
                    "Microsoft did not bill this charge: check the subscription in Partner Center (suspended, cancelled or transferred)");
        }
    }

    // Money in sentences shows at least cents: 12.0 from a scenario reads as 12.00.
    private static string Format(decimal amount) => amount.ToString("0.00##########", CultureInfo.InvariantCulture);

    private sealed class CurrencySums
    {
        public decimal Actual;
        public decimal Expected;
        public decimal AtStake;
    }

    /// <summary>What the scan of a subscription's chain compares, kept apart from the charge for cache locality.</summary>
    private struct Slot(ChargeType type, int start, int end, int next)
    {
        public readonly ChargeType Type = type;
        public readonly int Start = start;
        public readonly int End = end;
        public readonly int Next = next;
        public bool Used;
    }
}
