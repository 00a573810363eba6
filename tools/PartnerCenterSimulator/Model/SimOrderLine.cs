namespace PartnerCenterSimulator.Model;

public sealed record SimOrderLine(
    int LineItemNumber,
    string OfferId,
    string SubscriptionId,
    string TermDuration,
    string BillingCycle,
    string FriendlyName,
    int Quantity,
    decimal Price);
