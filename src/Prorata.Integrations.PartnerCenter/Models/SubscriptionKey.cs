namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>
/// Which subscription to change. With <see cref="ExpectedETag"/> the change applies only if Partner Center still holds the
/// version the caller decided on (If-Match); without it, the client reads the current version first.
/// </summary>
public sealed record SubscriptionKey(string CustomerId, string SubscriptionId, string? ExpectedETag = null);
