using Prorata.Data.PartnerCenter;

namespace Prorata.Web.Features.PartnerCenter;

public sealed record SyncIssueResponse(long Id, string Kind, string PartnerCenterCustomerId, string? PartnerCenterSubscriptionId, string Message,
    DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy)
{
    public static SyncIssueResponse From(PartnerCenterSyncIssue i) =>
        new(i.Id, i.Kind, i.PartnerCenterCustomerId, i.PartnerCenterSubscriptionId, i.Message, i.RaisedAt, i.ResolvedAt, i.ResolvedBy);
}
