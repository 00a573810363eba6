using Prorata.Application.Search;

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
}
