using System.Globalization;

namespace Prorata.Web.Features.Receivables;

/// <summary>Amounts as typed in a form: invariant culture (a dot for decimals), blank is no amount.</summary>
public static class FormNumbers
{
    public static bool TryParse(string? text, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return false;
        amount = value;
        return true;
    }
}
