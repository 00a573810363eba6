namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>
/// A placed order and the subscriptions it created, one per cart line. <see cref="Subscriptions"/> is empty while
/// Microsoft is still provisioning the order: the subscriptions then appear later, carrying <see cref="OrderId"/>.
/// </summary>
public sealed record PurchaseResult(string CartId, string OrderId, IReadOnlyList<PurchasedSubscription> Subscriptions)
{
    public bool IsProvisioned => Subscriptions.Count > 0;
}
