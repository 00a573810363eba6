using System.Globalization;

namespace Prorata.Application.Insight;

/// <summary>
/// A range of calendar months as the reports take it: <c>from</c> and <c>to</c> written <c>yyyy-MM</c>, both inclusive;
/// without them the twelve months up to the current one.
/// </summary>
public sealed record ReportMonths(DateOnly From, DateOnly To)
{
    /// <summary>The range, or the messages of the fields that are wrong (by field name), nothing else decided.</summary>
    public static (ReportMonths? Range, Dictionary<string, string[]> Errors) Parse(string? from, string? to, DateOnly today, int maxMonths)
    {
        var errors = new Dictionary<string, string[]>();
        var current = new DateOnly(today.Year, today.Month, 1);
        var last = Month(to, "to", errors) ?? current;
        var first = Month(from, "from", errors) ?? (to is null ? current.AddMonths(-11) : last.AddMonths(-11));
        if (errors.Count > 0) return (null, errors);
        var months = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        if (months < 1) errors["to"] = [$"to must not be before from ({first:yyyy-MM}); got {last:yyyy-MM}."];
        else if (months > maxMonths) errors["to"] = [$"a report covers at most {maxMonths} months; {first:yyyy-MM} to {last:yyyy-MM} is {months}."];
        return errors.Count > 0 ? (null, errors) : (new ReportMonths(first, last), errors);
    }

    private static DateOnly? Month(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month;
        errors[field] = [$"{field} must be a month written yyyy-MM, such as 2026-01; got '{text}'."];
        return null;
    }
}
