using Prorata.Domain.Billing;

namespace Prorata.Domain.Simulation;

/// <summary>
/// What a scenario produces: the refused events, the charges Microsoft will make, the invoices with lines
/// (empty invoices are left out) and the alerts a person must look at.
/// </summary>
public sealed record SimulationResult(
    IReadOnlyList<Rejection> Rejected,
    IReadOnlyList<ProviderCharge> ProviderCharges,
    IReadOnlyList<Invoice> Invoices,
    IReadOnlyList<BillingAlert> Exceptions);
