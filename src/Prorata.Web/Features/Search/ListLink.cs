using Prorata.Application.Search;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Search;

/// <summary>A list page's links: its path with the filters that are set, so paging and sorting keep them.</summary>
public static class ListLink
{
    public static string Of(string path, params (string Name, string? Value)[] parameters)
    {
        var set = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!.Trim())}").ToList();
        return set.Count == 0 ? path : path + "?" + string.Join("&", set);
    }

    /// <summary>The page asked for, or the last page when asked past the end (a page link kept after rows went away).</summary>
    public static async Task<ListPage<T>> ShowAsync<T>(ListQuery query, Func<ListQuery, Task<ListPage<T>>> load)
    {
        var page = await load(query);
        if (page.Items.Count > 0 || page.Total == 0 || query.Page == 1) return page;
        return await load(query with { Page = Math.Max(1, (page.Total + query.PageSize - 1) / query.PageSize) });
    }

    /// <summary>An id from a list page's address; a value that is not one is named in <paramref name="errors"/>, never ignored.</summary>
    public static Guid? Id(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Guid.TryParse(text.Trim(), out var id)) return id;
        errors.Add(field, $"{field} must be an id such as 0197a3c2-0000-7000-8000-000000000001; got '{text}'.");
        return null;
    }

    /// <summary>true or false from a list page's address; anything else is named in <paramref name="errors"/>.</summary>
    public static bool? YesNo(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (bool.TryParse(text.Trim(), out var value)) return value;
        errors.Add(field, $"{field} must be true or false; got '{text}'.");
        return null;
    }

    /// <summary>The page number from a list page's address: a whole number from 1; anything else is named in <paramref name="errors"/>.</summary>
    public static int? PageNumber(string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1) return page;
        errors.Add("page", $"page must be a whole number from 1; got '{text}'.");
        return null;
    }
}
