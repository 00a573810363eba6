namespace Prorata.Application.Portal;

/// <summary>The codes of the portal's own refusals (the engine's NCE refusals keep theirs: SeatReductionWindowClosed…).</summary>
public static class PortalGuardrails
{
    public const string NotInPortal = "NotAvailableInPortal";
    public const string NotOffered = "NotOffered";
    public const string TooFewSeats = "BelowMinimumSeats";
    public const string TooManySeats = "AboveMaximumSeats";
    public const string NotConfirmed = "NotConfirmed";
    public const string ReadOnly = "NotAllowedForRole";
}
