namespace Prorata.Integrations.PartnerCenter.Models;

public sealed record UpgradeResult(string FromSubscriptionId, string ToSubscriptionId, int Quantity);
