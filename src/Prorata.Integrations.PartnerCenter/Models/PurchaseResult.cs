namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>A provisioned order: the subscriptions it created, one per cart line.</summary>
public sealed record PurchaseResult(string OrderId, IReadOnlyList<PurchasedSubscription> Subscriptions);
