using System.Globalization;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Search;

/// <summary>
/// What every staff list takes besides its own filters: words to look for, a sort (a column's name, "-" first for
/// descending) and a 1-based page. The pages and the API read it the same way, so a link and an API call agree.
/// </summary>
public sealed record ListQuery
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public const int MaxTextLength = 200;

    /// <summary>Words to look for, trimmed; null when none.</summary>
    public string? Text { get; init; }

    /// <summary>One of the list's sort names; null means the list's own order.</summary>
    public string? SortBy { get; init; }

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The text in lower case, for a case-blind contains on both SQLite and PostgreSQL.</summary>
    public string? LowerText => Text?.ToLowerInvariant();

    public int Skip => (Page - 1) * PageSize;

    /// <summary>
    /// Reads <c>q</c>, <c>sort</c>, <c>page</c> and <c>pageSize</c>; a value out of range is named in <paramref name="errors"/>
    /// with what would be accepted, never silently replaced.
    /// </summary>
    public static ListQuery Read(string? q, string? sort, int? page, int? pageSize, IReadOnlyCollection<string> sorts, ValidationErrors errors)
    {
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (text is { Length: > MaxTextLength }) errors.Add("q", $"q must be at most {MaxTextLength} characters; got {text.Length}.");
        if (page is < 1) errors.Add("page", $"page must be 1 or more; got {page}.");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"pageSize must be between 1 and {MaxPageSize}; got {pageSize}.");
        string? sortBy = null;
        var descending = false;
        if (!string.IsNullOrWhiteSpace(sort))
        {
            var trimmed = sort.Trim();
            descending = trimmed.StartsWith('-');
            var name = descending ? trimmed[1..] : trimmed;
            sortBy = sorts.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
            if (sortBy is null)
                errors.Add("sort", $"sort must be one of {string.Join(", ", sorts)} (with '-' first for descending); got '{sort}'.");
        }
        return new ListQuery { Text = text, SortBy = sortBy, Descending = descending, Page = page ?? 1, PageSize = pageSize ?? DefaultPageSize };
    }

    /// <summary>A date filter (yyyy-MM-dd) from a query string; a value that is not one is named in <paramref name="errors"/>.</summary>
    public static DateOnly? ReadDay(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(field, $"{field} must be a date as yyyy-MM-dd; got '{text}'.");
        return null;
    }
}
