using System.Globalization;
using Prorata.Domain.Money;

namespace Prorata.Cli.Receivables;

/// <summary>An amount as the receivables commands print it: the currency's minor units, invariant, no thousands separator (100.00 EUR, 12345 JPY).</summary>
internal static class MoneyText
{
    public static string Amount(decimal amount, string currency) =>
        amount.ToString("F" + (Currency.TryFromCode(currency, out var known) ? known.MinorUnits : 2), CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
