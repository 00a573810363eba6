using System.Globalization;

namespace ReconFileGenerator;

/// <summary>Writes lines in one output format, in the column order of microsoft-csp.md §2.1.</summary>
internal abstract class LineSink : IDisposable
{
    public static readonly string[] Columns =
    [
        "PartnerId", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry", "InvoiceNumber",
        "MpnId", "ResellerMpnId", "OrderId", "OrderDate", "ProductId", "SkuId", "AvailabilityId", "SkuName", "ProductName",
        "ChargeType", "UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "Currency", "PriceAdjustmentDescription",
        "PublisherName", "PublisherId", "SubscriptionDescription", "SubscriptionId", "ChargeStartDate", "ChargeEndDate",
        "TermAndBillingCycle", "EffectiveUnitPrice", "UnitType", "AlternateId", "BillableQuantity", "BillingFrequency",
        "PricingCurrency", "PCToBCExchangeRate", "PCToBCExchangeRateDate", "MeterDescription", "ReservationOrderId",
        "CreditReasonCode", "SubscriptionStartDate", "SubscriptionEndDate", "ReferenceId", "ProductQualifiers", "PromotionId",
    ];

    private readonly string partnerId;
    private readonly string invoiceNumber;
    private readonly bool usDates;
    private readonly BadValue? corrupt;
    private readonly int corruptColumn;
    private readonly string[] cells = new string[Columns.Length];

    protected LineSink(string partnerId, string invoiceNumber, bool usDates, BadValue? corrupt)
    {
        this.partnerId = partnerId;
        this.invoiceNumber = invoiceNumber;
        this.usDates = usDates;
        this.corrupt = corrupt;
        corruptColumn = corrupt is null ? -1 : Array.FindIndex(Columns, c => string.Equals(c, corrupt.Column, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Writes one line as file row <paramref name="row"/> (header = 1).</summary>
    public void Write(FileLine line, long row)
    {
        var c = cells;
        c[0] = partnerId;
        c[1] = line.CustomerId;
        c[2] = line.CustomerName;
        c[3] = line.CustomerDomain;
        c[4] = line.CustomerCountry;
        c[5] = invoiceNumber;
        c[6] = "6123456";
        c[7] = "";
        c[8] = line.OrderId;
        c[9] = Date(line.OrderDate);
        c[10] = line.Offer.ProductId;
        c[11] = line.Offer.SkuId;
        c[12] = line.Offer.AvailabilityId;
        c[13] = line.Offer.Name;
        c[14] = line.Offer.Name;
        c[15] = line.ChargeType;
        c[16] = Number(line.UnitPrice);
        c[17] = Number(line.Quantity);
        c[18] = Number(line.Total);
        c[19] = "0";
        c[20] = c[18];
        c[21] = "USD";
        c[22] = "[]";
        c[23] = "Microsoft Corporation";
        c[24] = "";
        c[25] = line.Offer.Name;
        c[26] = line.SubscriptionId;
        c[27] = Date(line.ChargeStart);
        c[28] = Date(line.ChargeEnd);
        c[29] = line.TermAndBillingCycle;
        c[30] = Number(Math.Round(line.EffectiveUnitPrice, 6));
        c[31] = "";
        c[32] = line.AlternateId;
        c[33] = c[17];
        c[34] = "Monthly";
        c[35] = "USD";
        c[36] = "1";
        c[37] = Date(line.ChargeStart);
        c[38] = "";
        c[39] = "";
        c[40] = "";
        c[41] = Date(line.SubscriptionStart);
        c[42] = Date(line.SubscriptionEnd);
        c[43] = line.ReferenceId;
        c[44] = "[]";
        c[45] = line.PromotionId;
        if (corrupt is not null && corrupt.Row == row && corruptColumn >= 0)
        {
            c[corruptColumn] = corrupt.Value;
        }
        WriteCells(c);
    }

    public abstract void Dispose();

    protected abstract void WriteCells(string[] values);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private string Date(DateOnly date) =>
        usDates ? date.ToString("M/d/yyyy", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
