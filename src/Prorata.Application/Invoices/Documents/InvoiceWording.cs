using System.Globalization;
using Prorata.Domain.Tax;

namespace Prorata.Application.Invoices.Documents;

/// <summary>
/// The words and numbers a customer reads on its invoice, the same in the PDF, the UBL note and the e-mail: the title, the
/// legal notice a tax treatment requires, amounts in the currency's minor units and dates spelled without a locale.
/// </summary>
public static class InvoiceWording
{
    /// <summary>The wording Article 226(11a) of the VAT Directive asks for on a reverse-charge invoice.</summary>
    public const string ReverseChargeNotice =
        "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC)";

    public const string OutsideScopeNotice =
        "Outside the scope of EU VAT: the customer is established outside the European Union, where the services are supplied (Articles 44 and 59, Council Directive 2006/112/EC)";

    public const string ExemptNotice = "Tax exempt: the customer's exemption certificate is on file";

    /// <summary>"Invoice 2026-0042", "Credit note 2026-0043"; a draft has no number yet and says so.</summary>
    public static string Title(InvoiceDocument document) =>
        $"{KindName(document.Kind)} {(document.IsDraft ? "DRAFT" : document.Number)}";

    public static string KindName(InvoiceDocumentKind kind) => kind switch
    {
        InvoiceDocumentKind.Invoice => "Invoice",
        InvoiceDocumentKind.CreditNote => "Credit note",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The line the law asks for when no tax is charged, or null when the invoice carries its tax.</summary>
    public static string? TreatmentNotice(TaxTreatment treatment) => treatment switch
    {
        TaxTreatment.ReverseCharge => ReverseChargeNotice,
        TaxTreatment.OutsideScope => OutsideScopeNotice,
        TaxTreatment.Exempt => ExemptNotice,
        TaxTreatment.Standard or TaxTreatment.NoRate => null,
        _ => throw new ArgumentOutOfRangeException(nameof(treatment), treatment, null),
    };

    /// <summary>An amount in the currency's minor units with thousands separators: 1,234.56 (EUR), 1,235 (JPY), 1.235 (BHD).</summary>
    public static string Amount(decimal amount, int minorUnits) =>
        Math.Round(amount, minorUnits, MidpointRounding.AwayFromZero).ToString("N" + minorUnits, CultureInfo.InvariantCulture);

    /// <summary>
    /// A contract's price per seat: the currency's minor units, more only when the price itself has them (a price of 0.125 per
    /// unit over thousands of units), never more than four.
    /// </summary>
    public static string UnitPrice(decimal price, int minorUnits) =>
        price.ToString("N" + Math.Clamp(Scale(price), minorUnits, Math.Max(minorUnits, 4)), CultureInfo.InvariantCulture);

    public static string Quantity(decimal quantity) => quantity.ToString("#,0.####", CultureInfo.InvariantCulture);

    public static string Rate(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Period(DateOnly start, DateOnly end) => $"{Date(start)} – {Date(end)}";

    private static int Scale(decimal value)
    {
        var trimmed = value / 1.0000000000000000000000000000m;  // drops trailing zeros
        return (decimal.GetBits(trimmed)[3] >> 16) & 0xFF;
    }
}
