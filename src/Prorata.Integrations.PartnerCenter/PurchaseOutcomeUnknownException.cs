namespace Prorata.Integrations.PartnerCenter;

/// <summary>
/// A checkout was sent and its answer never came (timeout, dropped connection, 5xx): Microsoft may or may not have
/// placed the order. It must not be sent again blindly, which could buy the seats twice; the order, if any, shows up
/// in the customer's subscriptions with the cart's line, and sync links it.
/// </summary>
public sealed class PurchaseOutcomeUnknownException(string cartId, Exception inner)
    : PartnerCenterException($"The checkout of cart {cartId} got no answer: the order may have been placed. It is not sent again; the next sync links it if it was.", null, inner)
{
    public string CartId { get; } = cartId;
}
