namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>
/// A mid-term upgrade (§1.4, §4.4). All seats and no <see cref="ToSubscriptionId"/> upgrade in place; fewer seats create a
/// new coterminous subscription; a <see cref="ToSubscriptionId"/> moves seats into an existing one.
/// </summary>
public sealed record UpgradeRequest(string ToCatalogItemId, int Quantity, string? ToSubscriptionId = null);
