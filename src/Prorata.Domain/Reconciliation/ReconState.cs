namespace Prorata.Domain.Reconciliation;

/// <summary>The one state every recon line or expected charge ends in (billing-rules.md §6).</summary>
public enum ReconState
{
    Matched,
    AmountMismatch,
    QuantityMismatch,
    PriceMismatch,
    UnexpectedCharge,
    MissingCharge,
    UnknownSubscription,
}
