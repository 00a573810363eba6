using Prorata.Domain.Parties;
using Prorata.Application.Invoices.Documents;
using Prorata.Domain.Tax;

namespace Prorata.Documents.Tests;

/// <summary>Invoice documents as the billing run would freeze them, with literal amounts that can be checked by hand.</summary>
internal static class SampleDocuments
{
    public static readonly InvoiceParty Seller = new(
        "Contoso Cloud Services SAS",
        new PostalAddress("12 rue de la Paix", null, "Paris", "75002", null, "FR"),
        "FR40303265045",
        "billing@contoso.example");

    public static readonly InvoiceParty Buyer = new(
        "Fabrikam GmbH",
        new PostalAddress("Friedrichstraße 100", "3. OG", "Berlin", "10117", "Berlin", "DE"),
        "DE123456789",
        "ap@fabrikam.example");

    public static readonly PaymentInstructions Payment = new(
        "Contoso Cloud Services SAS", "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPP", "Bank transfer; please quote the invoice number.");

    /// <summary>
    /// Standard-rated invoice INV-2026-0042 (EUR, 19 %): line 1 is 10 seats × 12.50 = 125.00 for January; line 2 is prorated,
    /// 5 seats × 15.00 × 18/31 = 43.548… → 43.55. Tax 23.75 + 8.27 = 32.02; subtotal 168.55; total 200.57.
    /// </summary>
    public static InvoiceDocument StandardInvoice() => new(
        Guid.Parse("6f1f5a8e-2c1b-4c57-9a55-0d8f5a3a1c01"),
        InvoiceDocumentKind.Invoice,
        "INV-2026-0042",
        new DateOnly(2026, 2, 1),
        new DateOnly(2026, 3, 3),
        "EUR",
        2,
        Seller,
        Buyer,
        null,
        null,
        TaxTreatment.Standard,
        [
            new InvoiceDocumentLine(1, "Microsoft 365 Business Premium", "Monthly charge 1–31 Jan 2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31),
                10m, 12.50m, 125.00m, 19m, 23.75m, "S", "10 × 12.50 = 125.00"),
            new InvoiceDocumentLine(2, "Microsoft Teams Premium", "Seats added 14 Jan 2026, prorated 18/31 days", new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 31),
                5m, 15.00m, 43.55m, 19m, 8.27m, "S", "5 × 15.00 × 18/31 = 43.548387 → 43.55"),
        ],
        [new TaxSummaryRow("S", 19m, "VAT 19%", 168.55m, 32.02m)],
        168.55m,
        32.02m,
        200.57m,
        Payment,
        null);

    /// <summary>The same two lines to a German business from a French seller: reverse charge, no VAT, total 168.55.</summary>
    public static InvoiceDocument ReverseChargeInvoice()
    {
        var standard = StandardInvoice();
        return standard with
        {
            Number = "INV-2026-0043",
            Treatment = TaxTreatment.ReverseCharge,
            Lines = standard.Lines.Select(l => l with { TaxRate = 0m, Tax = 0m, TaxCategory = "AE" }).ToList(),
            TaxSummary = [new TaxSummaryRow("AE", 0m, "Reverse charge", 168.55m, 0m)],
            TaxTotal = 0m,
            Total = 168.55m,
        };
    }

    /// <summary>
    /// Credit note CN-2026-0007 for INV-2026-0042: 2 seats removed on 14 Jan, −2 × 15.00 × 18/31 = −17.419… → −17.42,
    /// tax −3.31 (19 %), total −20.73. Prorata's credit notes carry negative amounts.
    /// </summary>
    public static InvoiceDocument CreditNote() => new(
        Guid.Parse("6f1f5a8e-2c1b-4c57-9a55-0d8f5a3a1c02"),
        InvoiceDocumentKind.CreditNote,
        "CN-2026-0007",
        new DateOnly(2026, 2, 10),
        new DateOnly(2026, 3, 12),
        "EUR",
        2,
        Seller,
        Buyer,
        "INV-2026-0042",
        new DateOnly(2026, 2, 1),
        TaxTreatment.Standard,
        [
            new InvoiceDocumentLine(1, "Microsoft Teams Premium", "Seats removed 14 Jan 2026, prorated 18/31 days", new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 31),
                -2m, 15.00m, -17.42m, 19m, -3.31m, "S", "-2 × 15.00 × 18/31 = -17.419355 → -17.42"),
        ],
        [new TaxSummaryRow("S", 19m, "VAT 19%", -17.42m, -3.31m)],
        -17.42m,
        -3.31m,
        -20.73m,
        Payment,
        null);

    /// <summary>One line in a currency with <paramref name="minorUnits"/> decimals, tax included in the given amounts.</summary>
    public static InvoiceDocument SingleLine(string currency, int minorUnits, decimal unitPrice, decimal amount, decimal tax) =>
        StandardInvoice() with
        {
            Currency = currency,
            MinorUnits = minorUnits,
            Lines = [new InvoiceDocumentLine(1, "Azure reserved instance", "Annual charge", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
                3m, unitPrice, amount, 10m, tax, "S", $"3 × {unitPrice} = {amount}")],
            TaxSummary = [new TaxSummaryRow("S", 10m, "VAT 10%", amount, tax)],
            Subtotal = amount,
            TaxTotal = tax,
            Total = amount + tax,
        };

    /// <summary>
    /// 200 lines with product names long enough to wrap over several lines, one of them a single 90-character token that must be
    /// cut between characters, and a buyer whose name would run across the page. Line i costs 1,000 + i + i/100 (all different).
    /// </summary>
    public static InvoiceDocument LongInvoice()
    {
        var lines = Enumerable.Range(1, 200).Select(i =>
        {
            var amount = 1000m + i + i / 100m;
            var tax = Math.Round(amount * 0.19m, 2, MidpointRounding.AwayFromZero);
            var name = i % 3 == 0
                ? $"Dynamics365CustomerEngagementPlanEnterpriseEditionWithAdditionalStorageAndSandboxLicence{i:000}"
                : $"Microsoft 365 E5 Security and Compliance with Defender for Office 365 Plan 2, Purview Information Protection and eDiscovery Premium add-on, tenant {i}";
            return new InvoiceDocumentLine(i, name, $"Monthly charge 1–31 Jan 2026, subscription {Guid.Empty.ToString()[..8]}-{i:0000}",
                new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), 1m, amount, amount, 19m, tax, "S", $"1 × {amount} = {amount}");
        }).ToList();
        var subtotal = lines.Sum(l => l.Amount);
        var tax = lines.Sum(l => l.Tax);
        return StandardInvoice() with
        {
            Number = "INV-2026-0100",
            Buyer = Buyer with
            {
                Name = "Fabrikam Internationale Beteiligungs- und Vermögensverwaltungsgesellschaft mit beschränkter Haftung & Co. Kommanditgesellschaft auf Aktien, Niederlassung Süddeutschland (Zweigstelle Oberbayern)",
            },
            Lines = lines,
            TaxSummary = [new TaxSummaryRow("S", 19m, "VAT 19%", subtotal, tax)],
            Subtotal = subtotal,
            TaxTotal = tax,
            Total = subtotal + tax,
        };
    }
}
