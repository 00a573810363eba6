namespace Prorata.Integrations.PartnerCenter.Sync;

public enum PushOutcomeKind
{
    Sent,
    AwaitingProvisioning,
    Refused,
}
