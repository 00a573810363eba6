namespace Prorata.Integrations.PartnerCenter.Models;

public sealed record PurchasedSubscription(string SubscriptionId, string OfferId, int Quantity);
