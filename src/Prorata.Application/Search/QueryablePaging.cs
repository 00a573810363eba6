using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Prorata.Application.Search;

/// <summary>Counting, ordering and cutting a filtered query into the page a <see cref="ListQuery"/> asks for.</summary>
public static class QueryablePaging
{
    /// <summary>
    /// The page the query asks for. The page number is kept as asked even past the end (an empty page, with the total),
    /// so a client paging by <c>nextPage</c> sees the list end rather than the last page again.
    /// </summary>
    public static async Task<ListPage<T>> ToPageAsync<T>(this IQueryable<T> ordered, IQueryable<T> filtered, ListQuery query,
        CancellationToken cancellationToken)
    {
        var total = await filtered.CountAsync(cancellationToken);
        var items = total <= query.Skip ? [] : await ordered.Skip(query.Skip).Take(query.PageSize).ToListAsync(cancellationToken);
        return new ListPage<T>(items, total, query.Page, query.PageSize);
    }

    /// <summary>Orders by the key, ascending or descending as the query says.</summary>
    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? source.OrderByDescending(key) : source.OrderBy(key);

    /// <summary>Then by the key, ascending or descending as the query says.</summary>
    public static IOrderedQueryable<T> ThenBy<T, TKey>(this IOrderedQueryable<T> source, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? source.ThenByDescending(key) : source.ThenBy(key);
}
