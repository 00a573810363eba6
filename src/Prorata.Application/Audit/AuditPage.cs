namespace Prorata.Application.Audit;

/// <summary>One page of the audit log; <see cref="Total"/> counts every entry the filter matches.</summary>
public sealed record AuditPage(IReadOnlyList<AuditView> Items, int Total, int Page, int PageSize);
