namespace Prorata.Application.Subscriptions;

/// <summary>
/// A seat count far from what the subscription has is more often a slip of the finger than a purchase (100,000 typed
/// for 100): beyond ten times the seats, or more than 1,000 seats more, a change needs a second, explicit confirmation.
/// </summary>
public static class LargeSeatChange
{
    public const int Factor = 10;
    public const int Seats = 1000;

    /// <summary>Why the change needs its second confirmation, or null when it does not.</summary>
    public static string? Describe(int before, int after) =>
        after - before > Seats || (before > 0 && after > before * Factor)
            ? $"{before:N0} → {after:N0} seats is more than ×{Factor} or +{Seats:N0} seats: confirm it a second time (confirmLargeChange)."
            : null;
}
