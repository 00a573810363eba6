using System.Globalization;
using Prorata.Domain.Billing;

namespace Prorata.Domain.Reconciliation;

/// <summary>
/// Matches Microsoft's recon lines, one at a time, against the provider charges Prorata expects
/// (billing-rules.md §6; the rule is spelled out in scenarios/README.md, "Reconciliation what-if").
/// A line matches an unused expected charge with the same (SubscriptionId, ChargeType, ChargeStartDate,
/// ChargeEndDate), the same sign of total (the refund and the charge of one quantity change share every other key),
/// and the same ReferenceId when both carry a Microsoft GUID. Each expected charge is consumed at most once.
/// Stateful and streaming: feed every line to <see cref="Match"/>, then read <see cref="Missing"/> and
/// <see cref="Summarize"/>. Built for a million lines: one dictionary probe per line, no LINQ, no per-line allocation
/// besides the outcome.
/// </summary>
public sealed class Matcher
{
    // ±0.01 per seat (billing-rules.md §1): conventions A and B differ by less than a cent per seat.
    private const decimal TolerancePerSeat = 0.01m;
    private const decimal UnitPriceTolerance = 0.005m;

    private readonly ProviderCharge[] expected;
    private readonly int[] nextWithSameKey;
    private readonly bool[] used;
    private readonly Dictionary<ChargeKey, int> firstByKey;
    private readonly HashSet<string> knownSubscriptions;
    private readonly Dictionary<string, DateOnly> cancelledOn;
    private readonly HashSet<string> cancelledOutsideProrata = new(StringComparer.OrdinalIgnoreCase);

    private int matched;
    private int amountMismatch;
    private int quantityMismatch;
    private int priceMismatch;
    private int unexpectedCharge;
    private int unknownSubscription;
    private decimal lineMoneyAtStake;
    private decimal actualTotal;
    private DateOnly latestChargeStart = DateOnly.MinValue;

    /// <param name="expectedCharges">What Prorata expects Microsoft to bill.</param>
    /// <param name="subscriptions">
    /// Every subscription Prorata knows, including those with no expected charge (an Azure plan, a subscription
    /// cancelled long ago); the subscriptions of <paramref name="expectedCharges"/> are always known.
    /// </param>
    public Matcher(IEnumerable<ProviderCharge> expectedCharges, IEnumerable<string>? subscriptions = null)
    {
        expected = expectedCharges.ToArray();
        nextWithSameKey = new int[expected.Length];
        used = new bool[expected.Length];
        firstByKey = new Dictionary<ChargeKey, int>(expected.Length, ChargeKeyComparer.Instance);
        knownSubscriptions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        cancelledOn = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);

        // Chains are built back to front so that each key's chain lists its charges in the caller's order.
        for (var i = expected.Length - 1; i >= 0; i--)
        {
            var charge = expected[i];
            var key = new ChargeKey(charge.Subscription, charge.ChargeType, charge.ChargeStart, charge.ChargeEnd);
            nextWithSameKey[i] = firstByKey.TryGetValue(key, out var first) ? first : -1;
            firstByKey[key] = i;
            knownSubscriptions.Add(charge.Subscription);
            if (charge.ChargeType == ChargeType.CancelImmediate
                && (!cancelledOn.TryGetValue(charge.Subscription, out var on) || charge.ChargeStart < on))
            {
                cancelledOn[charge.Subscription] = charge.ChargeStart;
            }
        }
        if (subscriptions is not null)
        {
            knownSubscriptions.UnionWith(subscriptions);
        }
    }

    /// <summary>Reconciles a whole file held in memory; use <see cref="Match"/> directly to stream.</summary>
    public static ReconResult Reconcile(
        IEnumerable<ReconLine> lines, IEnumerable<ProviderCharge> expectedCharges, IEnumerable<string>? subscriptions = null)
    {
        var matcher = new Matcher(expectedCharges, subscriptions);
        var outcomes = new List<LineMatch>();
        foreach (var line in lines)
        {
            outcomes.Add(matcher.Match(line));
        }
        return new ReconResult(outcomes, matcher.Missing(), matcher.Summarize());
    }

    public LineMatch Match(ReconLine line)
    {
        var actual = line.Subtotal;
        actualTotal += actual;
        if (line.ChargeStartDate > latestChargeStart)
        {
            latestChargeStart = line.ChargeStartDate;
        }

        if (line.ChargeType is { } type
            && firstByKey.TryGetValue(new ChargeKey(line.SubscriptionId, type, line.ChargeStartDate, line.ChargeEndDate), out var first))
        {
            var chosen = Choose(first, line, actual);
            if (chosen >= 0)
            {
                used[chosen] = true;
                return Compare(line, expected[chosen], actual);
            }
        }

        if (!knownSubscriptions.Contains(line.SubscriptionId))
        {
            unknownSubscription++;
            lineMoneyAtStake += Math.Abs(actual);
            return new LineMatch(line, ReconState.UnknownSubscription, null, RootCause.OrphanSubscription,
                $"subscription {line.SubscriptionId} is not in Prorata: bought in Partner Center outside Prorata or never imported (orphan subscription)",
                Math.Abs(actual));
        }

        unexpectedCharge++;
        lineMoneyAtStake += Math.Abs(actual);
        var (cause, sentence) = ExplainUnexpected(line);
        return new LineMatch(line, ReconState.UnexpectedCharge, null, cause, sentence, Math.Abs(actual));
    }

    /// <summary>The expected charges no line consumed, in the order they were given, each with its likely cause.</summary>
    public IReadOnlyList<MissingCharge> Missing()
    {
        var missing = new List<MissingCharge>();
        for (var i = 0; i < expected.Length; i++)
        {
            if (!used[i])
            {
                var (cause, sentence) = ExplainMissing(expected[i]);
                missing.Add(new MissingCharge(expected[i], cause, sentence));
            }
        }
        return missing;
    }

    public ReconSummary Summarize()
    {
        var missingCount = 0;
        var missingMoney = 0m;
        var expectedTotal = 0m;
        for (var i = 0; i < expected.Length; i++)
        {
            expectedTotal += expected[i].Total;
            if (!used[i])
            {
                missingCount++;
                missingMoney += Math.Abs(expected[i].Total);
            }
        }
        return new ReconSummary(matched, amountMismatch, quantityMismatch, priceMismatch, unexpectedCharge,
            unknownSubscription, missingCount, lineMoneyAtStake + missingMoney, actualTotal, expectedTotal);
    }

    private int Choose(int first, ReconLine line, decimal actual)
    {
        var lineQuantity = Math.Abs(line.BillableQuantity);
        var negative = actual < 0m;
        var chosen = -1;
        for (var i = first; i >= 0; i = nextWithSameKey[i])
        {
            if (used[i])
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

    // Prorata's own reference ids (a simulation's) are not Microsoft's; only two GUIDs can be compared.
    private static bool ReferencesAgree(string expectedReference, string actualReference) =>
        !(Guid.TryParse(expectedReference, out var e) && Guid.TryParse(actualReference, out var a)) || e == a;

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

        var rounding = RoundingConventionOf(actual, charge, quantity);
        if (difference > TolerancePerSeat * quantity)
        {
            amountMismatch++;
            lineMoneyAtStake += difference;
            var (cause, sentence) = ExplainAmount(line, charge, actual, rounding);
            return new LineMatch(line, ReconState.AmountMismatch, charge, cause, sentence, difference);
        }

        matched++;
        return difference == 0m
            ? new LineMatch(line, ReconState.Matched, charge, RootCause.None, null, 0m)
            : new LineMatch(line, ReconState.Matched, charge, RootCause.RoundingConvention,
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

    private readonly record struct ChargeKey(string Subscription, ChargeType Type, DateOnly Start, DateOnly End);

    // Partner Center GUIDs come in either case; comparing them case-insensitively avoids a ToUpper per line.
    private sealed class ChargeKeyComparer : IEqualityComparer<ChargeKey>
    {
        public static readonly ChargeKeyComparer Instance = new();

        public bool Equals(ChargeKey x, ChargeKey y) =>
            x.Type == y.Type && x.Start == y.Start && x.End == y.End
            && string.Equals(x.Subscription, y.Subscription, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode(ChargeKey key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Subscription), key.Type, key.Start.DayNumber, key.End.DayNumber);
    }
}
