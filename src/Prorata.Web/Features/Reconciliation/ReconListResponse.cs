namespace Prorata.Web.Features.Reconciliation;

/// <summary>A page of an import's rows, in the list envelope of /api/v1/work-items: the page's items and how many the filter matches.</summary>
public sealed record ReconListResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
