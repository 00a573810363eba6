namespace Prorata.Domain.Subscriptions;

/// <summary>
/// Seats added together (at purchase, renewal or mid-term) and the instant until which they may still be
/// removed: each batch has its own 168-hour window (microsoft-csp.md §1.3, refundableQuantity).
/// </summary>
public sealed class SeatBatch(int quantity, DateTimeOffset reducibleUntil)
{
    public int Quantity { get; set; } = quantity;

    public DateTimeOffset ReducibleUntil { get; } = reducibleUntil;
}
