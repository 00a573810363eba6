namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>Partner Center's subscription states (§1.4); an NCE cancellation shows as <see cref="Deleted"/>.</summary>
public enum SubscriptionStatus
{
    None,
    Active,
    Suspended,
    Deleted,
    Expired,
    Pending,
    Disabled,
}
