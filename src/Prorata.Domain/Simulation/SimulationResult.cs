using Prorata.Domain.Billing;
using Prorata.Domain.Subscriptions;
using Prorata.Domain.Tax;

namespace Prorata.Domain.Simulation;

/// <summary>
/// What a scenario produces: the refused events, the charges Microsoft will make, the invoices with lines
/// (empty invoices are left out) and the alerts a person must look at; for a replay of facts, the entries that could
/// not be applied at all (<see cref="Problems"/>) instead of refusals.
/// </summary>
public sealed record SimulationResult(
    IReadOnlyList<Rejection> Rejected,
    IReadOnlyList<ProviderCharge> ProviderCharges,
    IReadOnlyList<Invoice> Invoices,
    IReadOnlyList<BillingAlert> Exceptions)
{
    public IReadOnlyList<ReplayProblem> Problems { get; init; } = [];

    /// <summary><see cref="Invoices"/> with their tax, in the same order, when the scenario has a seller; null otherwise.</summary>
    public IReadOnlyList<TaxedInvoice>? TaxedInvoices { get; init; }

    /// <summary>The invoices as receivables, the payments applied, the customers' balances and dunning's actions.</summary>
    public ScenarioReceivablesResult Receivables { get; init; } = ScenarioReceivablesResult.Empty;

    /// <summary>MRR per customer and month, and the commissions the invoice lines earn.</summary>
    public ScenarioInsightResult Insight { get; init; } = ScenarioInsightResult.Empty;
}
