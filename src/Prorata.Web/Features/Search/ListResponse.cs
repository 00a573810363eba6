using Prorata.Application.Search;

namespace Prorata.Web.Features.Search;

/// <summary>
/// A page of an API list: the rows, how many match the whole filter, the page (1-based) and its size, and the next
/// page's number (null on the last page). Ask for it with the same filters and <c>page=nextPage</c>.
/// </summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, int? NextPage)
{
    public static ListResponse<T> From<TRow>(ListPage<TRow> page, Func<TRow, T> map) =>
        new([.. page.Items.Select(map)], page.Total, page.Page, page.PageSize, page.NextPage);
}
