namespace Prorata.Domain.Reconciliation;

/// <summary>
/// A reconciliation's totals in one currency: what Microsoft billed, what Prorata expected, the money at stake, and
/// (once customer invoices are compared) the unbilled revenue.
/// </summary>
public sealed record ReconCurrencyTotals(string Currency, decimal ActualTotal, decimal ExpectedTotal, decimal MoneyAtStake)
{
    public decimal Unbilled { get; init; }
}
