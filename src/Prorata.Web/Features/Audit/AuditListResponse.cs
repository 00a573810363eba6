using Prorata.Application.Audit;

namespace Prorata.Web.Features.Audit;

/// <summary>A page of the audit log, newest first; <see cref="Total"/> counts every entry the filter matches.</summary>
public sealed record AuditListResponse(IReadOnlyList<AuditView> Items, int Total, int Page, int PageSize);
