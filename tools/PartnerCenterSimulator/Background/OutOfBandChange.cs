namespace PartnerCenterSimulator.Background;

public sealed record OutOfBandChange(string CustomerId, string SubscriptionId, string Kind);
