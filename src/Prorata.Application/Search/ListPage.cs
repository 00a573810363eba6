namespace Prorata.Application.Search;

/// <summary>One page of a list and how many rows the whole filter matches.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    /// <summary>The next page's number, or null on the last page.</summary>
    public int? NextPage => Page * PageSize < Total ? Page + 1 : null;

    public ListPage<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Total, Page, PageSize);
}
