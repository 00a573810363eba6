namespace Prorata.Integrations.ReconFiles;

/// <summary>The columns of the daily-rated usage file (microsoft-csp.md §2.2) that become typed <c>UsageLine</c> fields.</summary>
internal static class UsageColumns
{
    public const int CustomerId = 0;
    public const int SubscriptionId = 1;
    public const int EntitlementId = 2;
    public const int UsageDate = 3;
    public const int MeterId = 4;
    public const int MeterName = 5;
    public const int MeterCategory = 6;
    public const int ResourceUri = 7;
    public const int ChargeType = 8;
    public const int UnitPrice = 9;
    public const int EffectiveUnitPrice = 10;
    public const int Quantity = 11;
    public const int BillingPreTaxTotal = 12;
    public const int BillingCurrency = 13;
    public const int PricingPreTaxTotal = 14;
    public const int PricingCurrency = 15;
    public const int PcToBcExchangeRate = 16;
    public const int PartnerEarnedCreditPercentage = 17;
    public const int ProductId = 18;
    public const int SkuId = 19;

    public static readonly ColumnSchema Schema = new(
        [
            "CustomerId", "SubscriptionId", "EntitlementId", "UsageDate", "MeterId", "MeterName", "MeterCategory",
            "ResourceURI", "ChargeType", "UnitPrice", "EffectiveUnitPrice", "Quantity", "BillingPreTaxTotal",
            "BillingCurrency", "PricingPreTaxTotal", "PricingCurrency", "PCToBCExchangeRate", "PartnerEarnedCreditPercentage",
            "ProductId", "SkuId",
        ],
        [],
        [[CustomerId], [SubscriptionId], [UsageDate], [Quantity], [BillingPreTaxTotal], [BillingCurrency]]);
}
