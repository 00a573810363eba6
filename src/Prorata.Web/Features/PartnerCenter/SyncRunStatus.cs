using Prorata.Application.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Sync;

namespace Prorata.Web.Features.PartnerCenter;

/// <summary>A sync run as the page and the API show it: live progress while it runs, then its outcome or why it stopped.</summary>
public sealed record SyncRunStatus(Guid Id, bool Full, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, SyncProgress Progress,
    SyncOutcome? Outcome, string? Error)
{
    public bool Running => FinishedAt is null;
}
