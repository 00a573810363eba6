using Prorata.Data.Billing;
using Prorata.Application.Billing;

namespace Prorata.Web.Features.Billing;

/// <summary>A billing run started from the app: who asked, and how far it is (<see cref="Error"/> set if it stopped on one).</summary>
public sealed record BillingRunStatus(Guid Id, DateOnly Date, bool Issue, string StartedBy, DateTimeOffset StartedAt, BillingRunProgress Progress, string? Error)
{
    public bool Running => !Progress.Finished && Error is null;
}
