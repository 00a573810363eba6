namespace Prorata.Application.Billing;

/// <summary>
/// A date's run as its chunks: how many, the due contracts they hold, whether it issues or drafts (chosen by the worker
/// that planned it; every worker follows it), and whether this worker planned it.
/// </summary>
public sealed record BillingRunPlan(DateOnly Date, int Chunks, int Contracts, bool Issue, bool PlannedHere);
