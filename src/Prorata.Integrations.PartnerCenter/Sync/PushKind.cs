namespace Prorata.Integrations.PartnerCenter.Sync;

public enum PushKind
{
    Purchase,
    IncreaseQuantity,
    DecreaseQuantity,
    Cancel,
    Suspend,
    Reactivate,
    SetAutoRenew,
    ScheduleRenewal,
    Upgrade,
}
