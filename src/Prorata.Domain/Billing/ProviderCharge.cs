namespace Prorata.Domain.Billing;

/// <summary>
/// One line Microsoft is expected to bill the partner (the partner's cost), as in the recon file.
/// <see cref="UnitPrice"/> is per charge cycle; <see cref="EffectiveUnitPrice"/> is signed and unrounded;
/// <see cref="Quantity"/> is always positive; <see cref="Total"/> is signed and rounded by the provider convention.
/// The two lines of one change share <see cref="ReferenceId"/>.
/// </summary>
public sealed record ProviderCharge(
    string Subscription,
    ChargeType ChargeType,
    DateOnly ChargeStart,
    DateOnly ChargeEnd,
    decimal UnitPrice,
    decimal EffectiveUnitPrice,
    int Quantity,
    decimal Total,
    string ReferenceId,
    string ProductId,
    string SkuId,
    string Currency);
