namespace Prorata.Domain.Reconciliation;

/// <summary>The likely reason for a discrepancy; the sentence in <see cref="LineMatch.Cause"/> says it in words.</summary>
public enum RootCause
{
    None,
    OutOfBandChange,
    MissedCancellation,
    PriceChange,
    Promotion,
    RoundingConvention,
    OrphanSubscription,
    NotYetBilled,

    /// <summary>Azure usage Microsoft invoiced that the imported daily-rated usage files do not (fully) contain.</summary>
    UsageNotImported,
    Unexplained,
}
