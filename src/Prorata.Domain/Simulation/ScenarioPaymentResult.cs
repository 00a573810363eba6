namespace Prorata.Domain.Simulation;

/// <summary>A payment event of a simulation: the invoices it paid and how much, and what went to the customer's credit.</summary>
public sealed record ScenarioPaymentResult(int Event, IReadOnlyList<(string Contract, DateOnly Date, decimal Amount)> Allocations, decimal ToCredit);
