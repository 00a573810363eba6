using PartnerCenterSimulator.Catalog;

namespace PartnerCenterSimulator.Model;

/// <summary>
/// A license SKU as a customer's tenant holds it (Partner Center's SubscribedSku, §4): the seats of the tenant's live
/// subscriptions of the SKU and how many of them are assigned to users. Total is active plus warning units; available is
/// total minus consumed, never below 0 (a tenant can hold more assignments than seats after a reduction).
/// </summary>
public sealed record SimSubscribedSku(CatalogOffer Offer, int ActiveUnits, int SuspendedUnits, int WarningUnits, int ConsumedUnits)
{
    public int TotalUnits => ActiveUnits + WarningUnits;

    public int AvailableUnits => Math.Max(0, TotalUnits - ConsumedUnits);

    public string CapabilityStatus => ActiveUnits > 0 ? "Enabled" : "Suspended";
}
