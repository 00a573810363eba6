namespace Prorata.Domain.Reconciliation;

/// <summary>A customer invoice line's subscription and period, inclusive: what unbilled revenue is checked against.</summary>
public sealed record BilledPeriod(string Subscription, DateOnly Start, DateOnly End);
