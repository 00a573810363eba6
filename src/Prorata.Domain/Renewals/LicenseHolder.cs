namespace Prorata.Domain.Renewals;

/// <summary>One subscription holding seats of a license SKU in a tenant: its seats now and the last day of its current term.</summary>
public sealed record LicenseHolder(string SubscriptionId, int Seats, DateOnly TermEnd);
