using Prorata.Application.Invoices.Documents;
using Prorata.Domain.Tax;
using SkiaSharp;

namespace Prorata.Documents.Tests;

public sealed class InvoicePdfTests
{
    private readonly InvoicePdf _pdf = new();

    [Fact]
    public void Render_200LinesWithLongNames_EveryPageNumberedEveryAmountShownAndNoWordsOverlap()
    {
        var document = SampleDocuments.LongInvoice();

        var text = PdfText.Read(_pdf.Render(document));

        var pages = text.Pages.Count;
        Assert.True(pages >= 5, $"200 wrapped lines should take several pages, got {pages}");
        for (var n = 1; n <= pages; n++)
        {
            var page = PdfText.PageText(text.Pages[n - 1]);
            Assert.Contains($"Page {n} of {pages}", page);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, @"Page \d+ of \d+"));
            if (n > 1) Assert.Contains("Description Period Qty Unit price Tax Amount (EUR)", page);
        }
        var words = text.Pages.SelectMany(p => p).Select(w => w.Text).ToList();
        foreach (var line in document.Lines)
            Assert.Contains(InvoiceWording.Amount(line.Amount, 2), words);
        // Σ (1,000 + i + i/100) for i = 1..200 = 200,000 + 20,100 + 201; tax is rounded per line, 41,857.20 (one cent over 19 % of the sum).
        Assert.Contains("Subtotal 220,301.00", text.AllText);
        Assert.Contains("Total due 262,158.20 EUR", text.AllText);
        Assert.Contains("Kommanditgesellschaft", words);

        for (var p = 0; p < pages; p++)
        {
            foreach (var word in text.Pages[p])
            {
                Assert.True(word.BoundingBox.Left >= 39 && word.BoundingBox.Right <= 556,
                    $"page {p + 1}: '{word.Text}' runs outside the margins ({word.BoundingBox.Left:0.0}–{word.BoundingBox.Right:0.0})");
            }
            Assert.Empty(PdfText.OverlappingWords(text.Pages[p]));
        }
    }

    [Fact]
    public void OverlappingWords_TwoWordsDrawnOverEachOther_AreFound()
    {
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream))
        {
            using var typography = new PdfTypography();
            var canvas = pdf.BeginPage(595, 842);
            canvas.DrawText("Subtotal", 100, 100, SKTextAlign.Left, typography.Font(TextStyle.Body), typography.Ink(TextStyle.Body));
            canvas.DrawText("1,234.56", 120, 103, SKTextAlign.Left, typography.Font(TextStyle.Body), typography.Ink(TextStyle.Body));
            canvas.DrawText("apart", 300, 100, SKTextAlign.Left, typography.Font(TextStyle.Body), typography.Ink(TextStyle.Body));
            pdf.EndPage();
            pdf.Close();
        }

        var overlaps = PdfText.OverlappingWords(PdfText.Read(stream.ToArray()).Pages[0]);

        var overlap = Assert.Single(overlaps);
        Assert.StartsWith("'Subtotal'", overlap);
        Assert.Contains("'1,234.56'", overlap);
    }

    [Fact]
    public void Render_StandardInvoice_ShowsPartiesDatesLinesTaxAndPayment()
    {
        var pdf = PdfText.Read(_pdf.Render(SampleDocuments.StandardInvoice()));
        var text = pdf.AllText;

        Assert.StartsWith("Period 1 Jan 2026 – 31 Jan 2026 14 Jan 2026 – 31 Jan 2026 Rate", pdf.Column(0, 240, 318));
        foreach (var expected in new[]
                 {
                     "Invoice INV-2026-0042", "Contoso Cloud Services SAS", "Tax ID: FR40303265045", "Fabrikam GmbH", "Tax ID: DE123456789",
                     "Issue date 1 Feb 2026", "Due date 3 Mar 2026",
                     "10 12.50 19% 125.00", "5 15.00 19% 43.55", "VAT 19% 19% 168.55 32.02", "Subtotal 168.55", "Tax 32.02",
                     "Total due 200.57 EUR", "Please pay by 3 Mar 2026", "IBAN FR76 3000 6000 0112 3456 7890 189", "BIC AGRIFRPP",
                     "Reference INV-2026-0042", "Page 1 of 1",
                 })
            Assert.Contains(expected, text);
        Assert.DoesNotContain("DRAFT", text);
        Assert.DoesNotContain("43.548", text);
    }

    [Fact]
    public void Render_Yen_AmountsWithoutDecimals()
    {
        var text = PdfText.Read(_pdf.Render(SampleDocuments.SingleLine("JPY", 0, 4115m, 12345m, 1235m))).AllText;

        Assert.Contains("3 4,115 10% 12,345", text);
        Assert.Contains("Total due 13,580 JPY", text);
        Assert.DoesNotContain("12,345.0", text);
    }

    [Fact]
    public void Render_BahrainiDinar_AmountsWithThreeDecimals()
    {
        var text = PdfText.Read(_pdf.Render(SampleDocuments.SingleLine("BHD", 3, 1.235m, 3.705m, 0.371m))).AllText;

        Assert.Contains("3 1.235 10% 3.705", text);
        Assert.Contains("Tax 0.371", text);
        Assert.Contains("Total due 4.076 BHD", text);
    }

    [Fact]
    public void Render_ReverseCharge_CitesArticle196()
    {
        var text = PdfText.Read(_pdf.Render(SampleDocuments.ReverseChargeInvoice())).AllText;

        Assert.Contains("Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC)", text);
        Assert.Contains("Total due 168.55 EUR", text);
    }

    [Fact]
    public void Render_Standard_HasNoTreatmentNotice()
    {
        var text = PdfText.Read(_pdf.Render(SampleDocuments.StandardInvoice())).AllText;

        Assert.DoesNotContain("Reverse charge", text);
        Assert.DoesNotContain("Article", text);
    }

    [Theory]
    [InlineData(TaxTreatment.OutsideScope, "Outside the scope of EU VAT")]
    [InlineData(TaxTreatment.Exempt, "Tax exempt: the customer's exemption certificate is on file")]
    public void Render_NoTaxTreatment_SaysWhy(TaxTreatment treatment, string expected)
    {
        var text = PdfText.Read(_pdf.Render(SampleDocuments.ReverseChargeInvoice() with { Treatment = treatment })).AllText;

        Assert.Contains(expected, text);
        Assert.DoesNotContain("Article 196", text);
    }

    [Fact]
    public void Render_CreditNote_TitledAsSuchAndNamesTheCreditedInvoice()
    {
        var text = PdfText.Read(_pdf.Render(SampleDocuments.CreditNote())).AllText;

        Assert.Contains("Credit note CN-2026-0007", text);
        Assert.Contains("Credits invoice INV-2026-0042 of 1 Feb 2026", text);
        Assert.Contains("Total credited -20.73 EUR", text);
        Assert.DoesNotContain("Please pay", text);
        Assert.DoesNotContain("Invoice CN-2026-0007", text);
    }

    [Fact]
    public void Render_Draft_SaysDraftOnTitleAndFooter()
    {
        var text = PdfText.Read(_pdf.Render(SampleDocuments.StandardInvoice() with { Number = null }));

        var page = PdfText.PageText(text.Pages[0]);
        Assert.StartsWith("Invoice DRAFT DRAFT — not a valid invoice; for review only Issue date 1 Feb 2026", text.Column(0, 349, 556));
        Assert.EndsWith("Invoice DRAFT · 1 Feb 2026 Page 1 of 1", page);
        Assert.DoesNotContain("Reference", page);
    }

    [Fact]
    public void Render_ProrationAppendix_OnlyWhenAsked()
    {
        var document = SampleDocuments.StandardInvoice();

        var customerCopy = PdfText.Read(_pdf.Render(document));
        var withAppendix = PdfText.Read(_pdf.Render(document, withProrationAppendix: true));

        Assert.Single(customerCopy.Pages);
        Assert.DoesNotContain("43.548387", customerCopy.AllText);
        Assert.Equal(2, withAppendix.Pages.Count);
        var appendix = PdfText.PageText(withAppendix.Pages[1]);
        Assert.Contains("2. Microsoft Teams Premium 5 × 15.00 × 18/31 = 43.548387 → 43.55", appendix);
        Assert.Contains("Page 2 of 2", appendix);
    }

    [Fact]
    public void Render_SellerLogo_IsDrawnOnce()
    {
        using var bitmap = new SKBitmap(120, 40);
        bitmap.Erase(new SKColor(0x00, 0x5A, 0x9E));
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        var text = PdfText.Read(_pdf.Render(SampleDocuments.StandardInvoice() with { SellerLogoPng = png.ToArray() }));

        Assert.Equal(1, text.Images);
        Assert.Contains("Contoso Cloud Services SAS", text.AllText);
    }

    [Fact]
    public void Render_LogoThatIsNotAnImage_IsRefused()
    {
        var document = SampleDocuments.StandardInvoice() with { SellerLogoPng = [1, 2, 3, 4] };

        Assert.Throws<ArgumentException>(() => _pdf.Render(document));
    }
}
