namespace Prorata.Integrations.PartnerCenter.Sync;

public enum SyncExceptionKind
{
    /// <summary>Prorata bills a subscription Partner Center no longer has.</summary>
    Orphan,
    MissingContract,
    MissingPricingStrategy,
    /// <summary>The contract says renew (or not) and Partner Center says otherwise.</summary>
    AutoRenewMismatch,
    /// <summary>Sold with one term or billing plan, held at Microsoft with another: the customer is billed for what Microsoft does not charge.</summary>
    TermMismatch,
    /// <summary>A new subscription carrying <c>migratedFromSubscriptionId</c>: a migration or catalog change to review.</summary>
    CatalogShift,
    /// <summary>The stored refresh token is 80 days old or more (§4.8).</summary>
    CredentialExpiring,
    /// <summary>Partner Center refused the token: the consent was given without multi-factor authentication (§4.8).</summary>
    MfaRequired,
    /// <summary>A purchase or increase that waited for a credit hold could not be sent when the hold lifted.</summary>
    ProvisioningFailed,
}
