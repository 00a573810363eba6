namespace PartnerCenterSimulator.Model;

/// <summary>
/// Seats added together (purchase, renewal or a mid-term add). Each batch has its own 168-hour reduction window
/// (§1.3): <see cref="Quantity"/> of them may be removed until <see cref="AllowedUntil"/> (exclusive).
/// </summary>
public sealed class SeatBatch(int quantity, DateTimeOffset allowedUntil)
{
    public int Quantity { get; set; } = quantity;

    public DateTimeOffset AllowedUntil { get; } = allowedUntil;
}
