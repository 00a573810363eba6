namespace Prorata.Domain.Reconciliation;

/// <summary>
/// Counts per state and the money at stake: Σ|actual − expected| over every line not matched (|actual| when there
/// is no expected charge) plus Σ|total| of the missing charges (scenarios/README.md, "Reconciliation what-if").
/// </summary>
public sealed record ReconSummary(
    int Matched,
    int AmountMismatch,
    int QuantityMismatch,
    int PriceMismatch,
    int UnexpectedCharge,
    int UnknownSubscription,
    int MissingCharge,
    decimal MoneyAtStake,
    decimal ActualTotal,
    decimal ExpectedTotal)
{
    public int Lines => Matched + AmountMismatch + QuantityMismatch + PriceMismatch + UnexpectedCharge + UnknownSubscription;
}
