namespace Prorata.Data.Reconciliation;

/// <summary>One unbilled line of an import as stored (<see cref="ReconImportUnbilled"/>): its row, the days no customer line covers, the amount.</summary>
public readonly record struct UnbilledRow(long Row, int UncoveredDays, decimal Amount);
