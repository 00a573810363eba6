using Prorata.Domain.Receivables;

namespace Prorata.Domain.Simulation;

/// <summary>A dunning action of a simulation; a reminder and a hold name their invoice by (contract, date), a lift names none.</summary>
public sealed record ScenarioDunningAction(DateTimeOffset At, string Customer, DunningActionKind Action, string? Contract, DateOnly? Date);
