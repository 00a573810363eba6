namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>A batch of seats that may still be removed with a refund, until <see cref="AllowedUntil"/> (§1.3).</summary>
public sealed record RefundableSeats(int Quantity, DateTimeOffset AllowedUntil);
