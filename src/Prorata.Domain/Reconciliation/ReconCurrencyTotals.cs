namespace Prorata.Domain.Reconciliation;

/// <summary>A reconciliation's totals in one currency: what Microsoft billed, what Prorata expected, and the money at stake.</summary>
public sealed record ReconCurrencyTotals(string Currency, decimal ActualTotal, decimal ExpectedTotal, decimal MoneyAtStake);
