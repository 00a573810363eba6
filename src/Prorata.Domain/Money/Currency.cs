namespace Prorata.Domain.Money;

/// <summary>An ISO 4217 currency with its number of minor units (USD 2, JPY 0, BHD 3).</summary>
public sealed record Currency(string Code, int MinorUnits)
{
    // ISO 4217 exponents of the currencies CSP partners bill in; anything else is refused, not guessed.
    private static readonly Dictionary<string, int> Exponents = new(StringComparer.Ordinal)
    {
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2,
        ["PLN"] = 2, ["CZK"] = 2, ["HUF"] = 2, ["RON"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2,
        ["ZAR"] = 2, ["BRL"] = 2, ["MXN"] = 2, ["INR"] = 2, ["SGD"] = 2, ["HKD"] = 2, ["CNY"] = 2,
        ["TWD"] = 2, ["ILS"] = 2, ["AED"] = 2, ["SAR"] = 2, ["TRY"] = 2, ["ARS"] = 2, ["CLP"] = 0,
        ["COP"] = 2, ["PEN"] = 2, ["EGP"] = 2, ["NGN"] = 2, ["KES"] = 2, ["THB"] = 2, ["MYR"] = 2,
        ["IDR"] = 2, ["PHP"] = 2, ["JPY"] = 0, ["KRW"] = 0, ["VND"] = 0, ["ISK"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3,
    };

    public static IReadOnlyCollection<string> KnownCodes => Exponents.Keys;

    public static bool TryFromCode(string? code, out Currency currency)
    {
        if (code is not null && Exponents.TryGetValue(code.ToUpperInvariant(), out var minor))
        {
            currency = new Currency(code.ToUpperInvariant(), minor);
            return true;
        }
        currency = null!;
        return false;
    }

    /// <summary>
    /// An amount as the staff pages show it: the currency's minor units with thousands separators (1,234.56 EUR, 1,235 JPY,
    /// 1.235 BHD); two places for a code not known here, so nothing is hidden.
    /// </summary>
    public static string Format(decimal amount, string code)
    {
        var places = TryFromCode(code, out var known) ? known.MinorUnits : 2;
        return Math.Round(amount, places, MidpointRounding.AwayFromZero).ToString("N" + places, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Currency FromCode(string code) =>
        TryFromCode(code, out var c) ? c : throw new ArgumentException($"'{code}' is not a known ISO 4217 currency code.", nameof(code));

    /// <summary>
    /// An amount in this currency's smallest unit, as payment providers take it (12.34 EUR → 1234, 500 JPY → 500). The
    /// amount must already be in the currency's precision: a fraction of a minor unit is a bug, not something to round.
    /// </summary>
    public long ToMinorUnits(decimal amount)
    {
        var minor = amount;
        for (var i = 0; i < MinorUnits; i++) minor *= 10;
        return minor == decimal.Truncate(minor)
            ? (long)minor
            : throw new ArgumentException($"{amount} has more than {MinorUnits} decimals of {Code}.", nameof(amount));
    }

    public override string ToString() => Code;
}
