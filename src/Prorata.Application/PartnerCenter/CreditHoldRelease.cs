namespace Prorata.Application.PartnerCenter;

/// <summary>The outbox message of a lifted credit hold: send what waited for it.</summary>
public sealed record CreditHoldRelease(Guid CustomerId, DateTimeOffset LiftedAt);
