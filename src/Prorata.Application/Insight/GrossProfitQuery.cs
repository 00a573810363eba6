using Prorata.Domain.Contracts;

namespace Prorata.Application.Insight;

/// <summary>The gross profit report's months and grouping as the API, the page and the CLI take them (by product when not given).</summary>
public sealed record GrossProfitQuery(ReportMonths Range, GrossProfitGrouping By)
{
    /// <summary>The query, or the messages of the fields that are wrong (by field name).</summary>
    public static (GrossProfitQuery? Query, IDictionary<string, string[]> Errors) Parse(string? from, string? to, string? by, DateOnly today)
    {
        var (range, errors) = ReportMonths.Parse(from, to, today, GrossProfitReport.MaxMonths);
        var grouping = new ValidationErrors();
        var parsed = EnumText.Parse(by, GrossProfitGrouping.Product, "by", grouping);
        foreach (var (field, messages) in grouping.ToDictionary()) errors[field] = messages;
        return (errors.Count > 0 ? null : new GrossProfitQuery(range!, parsed), errors);
    }
}
