using Prorata.Domain.Receivables;

namespace Prorata.Domain.Simulation;

/// <summary>One invoice of a simulation as a receivable: what it came to, what was paid, what is left, its status as of billUntil.</summary>
public sealed record ScenarioReceivable(string Contract, DateOnly Date, decimal Total, decimal Paid, decimal Balance, ReceivableStatus Status);
