namespace Prorata.Data.Receivables;

/// <summary>Why a payment no longer counts: recorded by mistake, failed at the bank, or charged back by the customer's bank.</summary>
public enum PaymentReversalReason
{
    RecordedByMistake,
    Failed,
    ChargedBack,
}
