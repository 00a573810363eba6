namespace Prorata.Domain.Subscriptions;

public enum LicenseChangeKind
{
    Purchase,
    Quantity,
    Cancellation,
    UpgradeCredit,
    UpgradeCharge,
    Renewal,
}
