namespace Prorata.Integrations.ReconFiles;

/// <summary>The columns of the NCE invoice recon file (microsoft-csp.md §2.1) that become typed <c>ReconLine</c> fields.</summary>
internal static class InvoiceColumns
{
    public const int PartnerId = 0;
    public const int CustomerId = 1;
    public const int CustomerName = 2;
    public const int InvoiceNumber = 3;
    public const int OrderId = 4;
    public const int OrderDate = 5;
    public const int ProductId = 6;
    public const int SkuId = 7;
    public const int SkuName = 8;
    public const int ProductName = 9;
    public const int ChargeType = 10;
    public const int UnitPrice = 11;
    public const int Quantity = 12;
    public const int Subtotal = 13;
    public const int TaxTotal = 14;
    public const int Total = 15;
    public const int Currency = 16;
    public const int SubscriptionDescription = 17;
    public const int SubscriptionId = 18;
    public const int ChargeStartDate = 19;
    public const int ChargeEndDate = 20;
    public const int TermAndBillingCycle = 21;
    public const int EffectiveUnitPrice = 22;
    public const int BillableQuantity = 23;
    public const int BillingFrequency = 24;
    public const int PcToBcExchangeRate = 25;
    public const int ReferenceId = 26;
    public const int PromotionId = 27;

    public static readonly ColumnSchema Schema = new(
        [
            "PartnerId", "CustomerId", "CustomerName", "InvoiceNumber", "OrderId", "OrderDate", "ProductId", "SkuId",
            "SkuName", "ProductName", "ChargeType", "UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "Currency",
            "SubscriptionDescription", "SubscriptionId", "ChargeStartDate", "ChargeEndDate", "TermAndBillingCycle",
            "EffectiveUnitPrice", "BillableQuantity", "BillingFrequency", "PCToBCExchangeRate", "ReferenceId", "PromotionId",
        ],
        // The API and SDK name the total TotalForCustomer (microsoft-csp.md §2.1).
        [("TotalForCustomer", Total)],
        [
            [CustomerId], [SubscriptionId], [ChargeType], [ChargeStartDate], [ChargeEndDate], [UnitPrice], [Currency],
            [BillableQuantity, Quantity], [Subtotal, Total],
        ]);
}
