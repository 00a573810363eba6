namespace Prorata.Web.Features.Catalog;

/// <summary>A page of a version's rows, in the list envelope of /api/v1/work-items: the page's items and how many the filter matches.</summary>
public sealed record PriceListRowListResponse(IReadOnlyList<PriceListRowResponse> Items, int Total, int Page, int PageSize);
