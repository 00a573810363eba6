using Prorata.Domain.Simulation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>A spooled upload waiting for the worker, with the what-if scenario it is matched against, if any.</summary>
internal sealed record QueuedImport(ReconciliationImport Import, string SpoolPath, Scenario? Scenario);
