using System.Globalization;

namespace Prorata.Domain.Billing;

/// <summary>
/// What one piece of an invoice line bills: a subscription's customer period, from a day to the period end, for a
/// source (the period's base quantity, a change event, a price rollout, or a usage month) at a unit price. An invoice bills the
/// difference between what each key should have billed and what it has billed, which makes billing idempotent.
/// </summary>
public readonly record struct BillingItemKey(string Subscription, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly From, string Source, decimal UnitPrice)
{
    public const string Base = "base";
    public const string Usage = "usage";

    /// <summary>Seats re-priced from a customer price rollout's first day to the period end.</summary>
    public const string Rollout = "rollout";

    /// <summary>
    /// What a renewal did differently from the plan a period of it was billed ahead with (a scheduled quantity set,
    /// changed or deleted after that run), for the whole period.
    /// </summary>
    public const string Renewal = "renewal";

    public bool IsBase => Source == Base;

    // Hashed on the fields that tell items apart cheaply; this key is looked up for every item of every run.
    public bool Equals(BillingItemKey other) =>
        PeriodStart == other.PeriodStart && From == other.From && PeriodEnd == other.PeriodEnd && UnitPrice == other.UnitPrice
        && string.Equals(Source, other.Source, StringComparison.Ordinal) && string.Equals(Subscription, other.Subscription, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Subscription, PeriodStart.DayNumber, From.DayNumber, Source);

    /// <summary>A stable text form, stored beside each invoice line as its origin; <see cref="Parse"/> reads it back.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Subscription}|{PeriodStart:yyyy-MM-dd}|{PeriodEnd:yyyy-MM-dd}|{From:yyyy-MM-dd}|{Source}|{UnitPrice}");

    public static BillingItemKey Parse(string text)
    {
        // The subscription id may itself contain '|', so the fixed fields are read from the end.
        var parts = text.Split('|');
        if (parts.Length < 6) throw new FormatException($"'{text}' is not a billing item key.");
        var n = parts.Length;
        return new BillingItemKey(string.Join('|', parts[..(n - 5)]),
            DateOnly.ParseExact(parts[n - 5], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(parts[n - 4], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(parts[n - 3], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            parts[n - 2],
            decimal.Parse(parts[n - 1], NumberStyles.Number, CultureInfo.InvariantCulture));
    }
}
