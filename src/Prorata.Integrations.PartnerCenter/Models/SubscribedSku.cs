namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>
/// A license SKU held by a customer's tenant (Partner Center's SubscribedSku, §4.9): <see cref="SkuId"/> is the license
/// SKU's id (<c>productSku.id</c>, the catalog SKU's provisioning id), <see cref="ConsumedUnits"/> the licenses assigned to
/// users, <see cref="TotalUnits"/> the active and warning seats of every subscription of the SKU in the tenant, whoever sold them.
/// </summary>
public sealed record SubscribedSku(
    string SkuId,
    string? SkuPartNumber,
    string? Name,
    int ActiveUnits,
    int ConsumedUnits,
    int SuspendedUnits,
    int WarningUnits,
    int TotalUnits,
    int AvailableUnits,
    string? CapabilityStatus);
