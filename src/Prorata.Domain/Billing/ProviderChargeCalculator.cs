using Prorata.Domain.Calendar;
using Prorata.Domain.Money;

namespace Prorata.Domain.Billing;

/// <summary>
/// Microsoft's daily proration (microsoft-csp.md §1.7): EffectiveUnitPrice = UnitPrice × BillingDays / ChargeCycleDays,
/// truncated toward zero to minor units by line (convention A) or per seat first (convention B).
/// </summary>
public static class ProviderChargeCalculator
{
    /// <param name="sign">+1 for a charge, −1 for a refund; <paramref name="quantity"/> is always positive.</param>
    public static (decimal EffectiveUnitPrice, decimal Total) Prorate(
        decimal cyclePrice, Period billed, int fullCycleDays, int quantity, int sign, Currency currency, ProviderRounding rounding)
    {
        var days = billed.Days;
        if (rounding == ProviderRounding.TruncateUnit)
        {
            var unit = Rounding.Truncate(cyclePrice * days / fullCycleDays, currency.MinorUnits);
            return (sign * unit, sign * unit * quantity);
        }
        // Multiply before dividing so that a whole cycle is exact (12.00 × 31 × 15 / 31 = 180.00).
        var total = Rounding.Truncate(cyclePrice * days * quantity / fullCycleDays, currency.MinorUnits);
        return (sign * cyclePrice * days / fullCycleDays, sign * total);
    }
}
