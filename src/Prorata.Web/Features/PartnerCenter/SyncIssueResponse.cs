using Prorata.Data.WorkItems;

namespace Prorata.Web.Features.PartnerCenter;

/// <summary>A Partner Center exception: a work item of the sync, its <see cref="Kind"/> the sync's code (Orphan, MissingContract…).</summary>
public sealed record SyncIssueResponse(long Id, string Kind, string PartnerCenterCustomerId, string? PartnerCenterSubscriptionId, string Message,
    DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy)
{
    public static SyncIssueResponse From(WorkItem i) =>
        new(i.Id, i.Code, i.PartnerCenterCustomerId ?? "", i.PartnerCenterSubscriptionId, i.Message, i.RaisedAt, i.ResolvedAt, i.ResolvedBy);
}
