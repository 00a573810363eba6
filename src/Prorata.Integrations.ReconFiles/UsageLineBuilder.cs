using Prorata.Domain.Reconciliation;
using static Prorata.Integrations.ReconFiles.TypedFields;
using static Prorata.Integrations.ReconFiles.UsageColumns;

namespace Prorata.Integrations.ReconFiles;

/// <summary>Builds a <see cref="UsageLine"/> from one daily-rated usage record, whichever format it came in.</summary>
internal static class UsageLineBuilder
{
    public static UsageLine Build(FieldRow record)
    {
        var schema = Schema;
        return new UsageLine
        {
            Row = record.Row,
            CustomerId = Text(record, schema, CustomerId),
            SubscriptionId = Text(record, schema, SubscriptionId),
            EntitlementId = record.GetString(EntitlementId),
            UsageDate = Date(record, schema, UsageDate),
            MeterId = record.GetString(MeterId),
            MeterName = record.GetString(MeterName),
            ProductId = record.GetString(ProductId),
            SkuId = record.GetString(SkuId),
            MeterCategory = record.GetString(MeterCategory),
            ResourceUri = record.GetString(ResourceUri),
            ChargeTypeName = record.GetString(ChargeType),
            UnitPrice = DecimalOr(record, schema, UnitPrice, 0m),
            EffectiveUnitPrice = DecimalOr(record, schema, EffectiveUnitPrice, 0m),
            Quantity = Decimal(record, schema, Quantity),
            BillingPreTaxTotal = Decimal(record, schema, BillingPreTaxTotal),
            BillingCurrency = Text(record, schema, BillingCurrency),
            PricingPreTaxTotal = DecimalOr(record, schema, PricingPreTaxTotal, 0m),
            PricingCurrency = record.GetString(PricingCurrency),
            PcToBcExchangeRate = DecimalOr(record, schema, PcToBcExchangeRate, 1m),
            PartnerEarnedCreditPercentage = DecimalOr(record, schema, PartnerEarnedCreditPercentage, 0m),
            Extra = record.Extra(),
        };
    }
}
