namespace Prorata.Integrations.PartnerCenter.Sync;

public enum ChangeKind
{
    QuantityChanged,
    StatusChanged,
    AutoRenewChanged,
}
