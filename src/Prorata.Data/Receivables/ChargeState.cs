namespace Prorata.Data.Receivables;

/// <summary>
/// An automatic charge: queued, sent and waiting for the provider's final answer (<see cref="Processing"/>, a SEPA or
/// Direct Debit collection), succeeded, or failed; <see cref="Unknown"/> while an answer was lost and the provider has not
/// yet been asked what happened.
/// </summary>
public enum ChargeState
{
    Queued,
    Processing,
    Unknown,
    Succeeded,
    Failed,
}
