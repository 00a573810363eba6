namespace Prorata.Domain.Money;

/// <summary>
/// The two rounding conventions of billing-rules.md §1: customer amounts round half away from zero
/// (never banker's rounding); Microsoft's amounts truncate toward zero.
/// </summary>
public static class Rounding
{
    public static decimal Customer(decimal amount, Currency currency) =>
        Math.Round(amount, currency.MinorUnits, MidpointRounding.AwayFromZero);

    public static decimal Truncate(decimal amount, int decimals) =>
        Math.Round(amount, decimals, MidpointRounding.ToZero);
}
