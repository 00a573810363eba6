namespace Prorata.Data.Catalog;

/// <summary>One page of a version's rows in file order, and how many rows the filter matches in all.</summary>
public sealed record PriceListRowPage(IReadOnlyList<PriceListEntry> Rows, int Total, int Page, int PageSize);
