using System.Globalization;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;

namespace Prorata.Application.Insight;

/// <summary>
/// The MRR report's optional converted totals: a target currency and a stated rate table, written as the API and the
/// command line take them (<c>convertTo=EUR&amp;rates=USD:0.92,GBP:1.17</c>: units of the target per 1 unit of each
/// source), applied to the monthly totals of every currency. The per-currency totals stay as they are.
/// </summary>
public static class MrrConversion
{
    /// <summary>The rates, none when neither is given, or the messages of the fields that are wrong (by field name).</summary>
    public static (StatedRates? Rates, Dictionary<string, string[]> Errors) Parse(string? convertTo, string? rates)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(convertTo))
        {
            if (!string.IsNullOrWhiteSpace(rates)) errors["convertTo"] = [$"convertTo must name the currency the rates convert to; got rates '{rates}' without it."];
            return (null, errors);
        }
        if (!Currency.TryFromCode(convertTo.Trim(), out var target))
        {
            errors["convertTo"] = [$"convertTo must be an ISO 4217 currency code, such as EUR; got '{convertTo}'."];
            return (null, errors);
        }
        var stated = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var messages = new List<string>();
        foreach (var item in (rates ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate))
                messages.Add($"rates must be written CODE:RATE,…, such as USD:0.92,GBP:1.17 (units of {target.Code} per 1 unit of CODE); got '{item}'.");
            else if (!Currency.TryFromCode(parts[0], out var source))
                messages.Add($"rates: '{parts[0]}' is not an ISO 4217 currency code.");
            else if (stated.ContainsKey(source.Code))
                messages.Add($"rates: {source.Code} is given twice.");
            else if (rate <= 0)
                messages.Add($"rates: the rate of {source.Code} must be above 0; got {parts[1]}.");
            else if (source.Code == target.Code && rate != 1m)
                messages.Add($"rates: the rate of {target.Code} to itself is 1; got {parts[1]}.");
            else
                stated[source.Code] = rate;
        }
        if (messages.Count > 0)
        {
            errors["rates"] = [.. messages];
            return (null, errors);
        }
        return (new StatedRates(target, stated), errors);
    }

    /// <summary>The currencies of the report's months without a stated rate, in order; none means <see cref="Apply"/> can convert.</summary>
    public static IReadOnlyList<string> Unrated(MrrView view, StatedRates rates) =>
        view.Months.Select(m => m.Currency).Distinct().Where(c => rates.RateOf(c) is null).Order(StringComparer.Ordinal).ToList();

    /// <summary>The view with one converted row per month, after its per-currency rows.</summary>
    public static MrrView Apply(MrrView view, StatedRates rates) => view with
    {
        Converted = view.Months.GroupBy(m => m.Month).OrderBy(g => g.Key, StringComparer.Ordinal).Select(month =>
        {
            decimal Convert(Func<MrrMonth, decimal> figure) => rates.Convert(month.Select(m => (m.Currency, figure(m))));
            var (mrr, cost) = (Convert(m => m.Mrr), Convert(m => m.MrrCost));
            var used = month.Select(m => m.Currency).Distinct().Order(StringComparer.Ordinal).ToDictionary(c => c, c => rates.RateOf(c)!.Value);
            return new MrrConvertedMonth(month.Key, rates.Target.Code, used, mrr, cost, 12m * mrr, mrr - cost, Convert(m => m.Usage));
        }).ToList(),
    };
}
