namespace Prorata.Domain.Subscriptions;

/// <summary>One Azure daily-rated row: the partner's cost and the retail price, both in the billing currency.</summary>
public sealed record UsageRecord(DateOnly Date, string Meter, decimal Cost, decimal Retail);
