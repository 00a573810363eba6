namespace Prorata.Domain.Reconciliation;

/// <summary>
/// A Microsoft charge, or the part of it, that no customer invoice line covers: <see cref="UncoveredDays"/> of the
/// charge's days, and <see cref="Amount"/> = Total × uncovered / days, rounded half away from zero to cents.
/// </summary>
public sealed record UnbilledCharge(ReconLine Line, int UncoveredDays, decimal Amount);
