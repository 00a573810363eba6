namespace Prorata.Domain.Billing;

/// <summary>Microsoft's NCE recon-file ChargeType values (microsoft-csp.md §2.1), in our casing.</summary>
public enum ChargeType
{
    New,
    Renew,
    CycleCharge,
    AddQuantity,
    RemoveQuantity,
    CancelImmediate,
    Convert,
}
