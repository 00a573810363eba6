using Prorata.Domain.Reconciliation;
using static Prorata.Integrations.ReconFiles.InvoiceColumns;
using static Prorata.Integrations.ReconFiles.TypedFields;

namespace Prorata.Integrations.ReconFiles;

/// <summary>Builds a <see cref="ReconLine"/> from one invoice recon record, whichever format it came in.</summary>
internal static class InvoiceLineBuilder
{
    public static ReconLine Build(FieldRow record)
    {
        var schema = Schema;
        var chargeText = record.Get(InvoiceColumns.ChargeType);
        Domain.Billing.ChargeType? chargeType = null;
        string chargeName;
        if (ChargeTypeNames.TryParse(chargeText, out var parsed))
        {
            chargeType = parsed;
            chargeName = ChargeTypeNames.ToCamelCase(parsed);
        }
        else
        {
            chargeName = Text(record, schema, InvoiceColumns.ChargeType);
        }

        // BillableQuantity is what Microsoft bills; older extracts carry only Quantity. Subtotal is pre-tax, which is
        // what Prorata's expected charges are; a file without it has only Total (microsoft-csp.md §2.1).
        var billable = Present(record, BillableQuantity) ? Decimal(record, schema, BillableQuantity) : Decimal(record, schema, Quantity);
        var subtotal = Present(record, Subtotal) ? Decimal(record, schema, Subtotal) : Decimal(record, schema, Total);
        var start = Date(record, schema, ChargeStartDate);
        var end = Date(record, schema, ChargeEndDate);
        if (end < start)
        {
            throw Refuse(record, schema, ChargeEndDate, record.Get(ChargeEndDate), $"is before ChargeStartDate {start:yyyy-MM-dd}");
        }

        return new ReconLine
        {
            Row = record.Row,
            PartnerId = record.GetString(PartnerId),
            CustomerId = Text(record, schema, CustomerId),
            CustomerName = record.GetString(CustomerName),
            InvoiceNumber = record.GetString(InvoiceNumber),
            OrderId = record.GetString(OrderId),
            OrderDate = OptionalDate(record, schema, OrderDate),
            ProductId = record.GetString(ProductId),
            SkuId = record.GetString(SkuId),
            ProductName = record.GetString(ProductName),
            SkuName = record.GetString(SkuName),
            SubscriptionId = Text(record, schema, SubscriptionId),
            SubscriptionDescription = record.GetString(SubscriptionDescription),
            ChargeTypeName = chargeName,
            ChargeType = chargeType,
            ChargeStartDate = start,
            ChargeEndDate = end,
            UnitPrice = Decimal(record, schema, UnitPrice),
            EffectiveUnitPrice = DecimalOr(record, schema, EffectiveUnitPrice, 0m),
            Quantity = DecimalOr(record, schema, Quantity, billable),
            BillableQuantity = billable,
            Subtotal = subtotal,
            TaxTotal = DecimalOr(record, schema, TaxTotal, 0m),
            Total = DecimalOr(record, schema, Total, subtotal),
            Currency = Text(record, schema, Currency),
            PcToBcExchangeRate = DecimalOr(record, schema, PcToBcExchangeRate, 1m),
            TermAndBillingCycle = record.GetString(TermAndBillingCycle),
            BillingFrequency = record.GetString(BillingFrequency),
            ReferenceId = record.GetString(ReferenceId),
            PromotionId = record.GetString(PromotionId),
            Extra = record.Extra(),
        };
    }
}
