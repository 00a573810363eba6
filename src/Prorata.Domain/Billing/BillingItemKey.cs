namespace Prorata.Domain.Billing;

/// <summary>
/// What one piece of an invoice line bills: a subscription's customer period, from a day to the period end, for a
/// source (the period's base quantity, a change event, or a usage month) at a unit price. An invoice bills the
/// difference between what each key should have billed and what it has billed, which makes billing idempotent.
/// </summary>
public readonly record struct BillingItemKey(string Subscription, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly From, string Source, decimal UnitPrice)
{
    public const string Base = "base";
    public const string Usage = "usage";

    public bool IsBase => Source == Base;

    // Hashed on the fields that tell items apart cheaply; this key is looked up for every item of every run.
    public bool Equals(BillingItemKey other) =>
        PeriodStart == other.PeriodStart && From == other.From && PeriodEnd == other.PeriodEnd && UnitPrice == other.UnitPrice
        && string.Equals(Source, other.Source, StringComparison.Ordinal) && string.Equals(Subscription, other.Subscription, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Subscription, PeriodStart.DayNumber, From.DayNumber, Source);

    /// <summary>A stable text form, stored beside each invoice line as its origin.</summary>
    public override string ToString() => $"{Subscription}|{PeriodStart:yyyy-MM-dd}|{PeriodEnd:yyyy-MM-dd}|{From:yyyy-MM-dd}|{Source}|{UnitPrice}";
}
