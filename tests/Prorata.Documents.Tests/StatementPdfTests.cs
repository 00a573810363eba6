using Prorata.Application.Receivables.Views;

namespace Prorata.Documents.Tests;

public sealed class StatementPdfTests
{
    private static readonly Guid CustomerId = Guid.Parse("0b7e8a52-41d9-4f0c-9a8e-3c2f7d1e5a10");
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private static readonly DateOnly March31 = new(2026, 3, 31);
    private static readonly StatementParties Parties = new(SampleDocuments.Seller, SampleDocuments.Buyer, SampleDocuments.Payment, null);

    private readonly StatementPdf _pdf = new();

    /// <summary>
    /// 100.00 owed on 1 March; INV-000002 adds 327.26 (427.26), a 100.00 wire pays part (327.26) and is reversed (427.26),
    /// CN-000001 takes 27.26 off: 400.00 due on 31 March.
    /// </summary>
    private static CustomerStatement Owing() => new(CustomerId, "Fabrikam GmbH", "EUR", March1, March31, 100.00m,
    [
        new StatementLine(new DateOnly(2026, 3, 3), "invoice", "INV-000002", 327.26m, 427.26m),
        new StatementLine(new DateOnly(2026, 3, 10), "payment", "wire 4471", -100.00m, 327.26m),
        new StatementLine(new DateOnly(2026, 3, 12), "paymentReversed", "wire 4471", 100.00m, 427.26m),
        new StatementLine(new DateOnly(2026, 3, 20), "creditNote", "CN-000001", -27.26m, 400.00m),
    ], 400.00m);

    [Fact]
    public void Render_Owing_ShowsPartiesPeriodEveryLineWithItsRunningBalanceAndHowToPay()
    {
        var text = PdfText.Read(_pdf.Render(Owing(), Parties));

        Assert.Single(text.Pages);
        var all = text.AllText;
        Assert.StartsWith("Contoso Cloud Services SAS 12 rue de la Paix 75002 Paris FR Tax ID: FR40303265045 Statement for Fabrikam GmbH Friedrichstraße 100 3. OG 10117 Berlin Berlin DE Tax ID: DE123456789",
            text.Column(0, 39, 310));
        Assert.StartsWith("Statement of account Period 1 Mar 2026 – 31 Mar 2026 Currency EUR", text.Column(0, 349, 556));
        foreach (var expected in new[]
                 {
                     "Date Description Reference Amount (EUR) Balance (EUR)",
                     "1 Mar 2026 Opening balance 100.00",
                     "3 Mar 2026 Invoice INV-000002 327.26 427.26",
                     "10 Mar 2026 Payment wire 4471 -100.00 327.26",
                     "12 Mar 2026 Payment reversed wire 4471 100.00 427.26",
                     "20 Mar 2026 Credit note CN-000001 -27.26 400.00",
                     "31 Mar 2026 Closing balance 400.00",
                     "Opening balance 100.00 EUR Balance due 400.00 EUR",
                     "Payment Please quote the invoice numbers you pay.",
                     "IBAN FR76 3000 6000 0112 3456 7890 189 BIC AGRIFRPP",
                     "Statement of account · Fabrikam GmbH · 1 Mar 2026 – 31 Mar 2026 Page 1 of 1",
                 })
            Assert.Contains(expected, all);
        Assert.Empty(PdfText.OverlappingWords(text.Pages[0]));
    }

    [Fact]
    public void Render_InCredit_SaysTheCreditIsInTheCustomersFavourAndAsksNoPayment()
    {
        var statement = new CustomerStatement(CustomerId, "Fabrikam GmbH", "EUR", March1, March31, 327.26m,
        [
            new StatementLine(new DateOnly(2026, 3, 14), "payment", "cheque 0012", -350.00m, -22.74m),
        ], -22.74m);

        var all = PdfText.Read(_pdf.Render(statement, Parties)).AllText;

        Assert.Contains("14 Mar 2026 Payment cheque 0012 -350.00 -22.74", all);
        Assert.Contains("31 Mar 2026 Closing balance -22.74", all);
        Assert.Contains("Credit in your favour 22.74 EUR", all);
        Assert.Contains("Your credit with Contoso Cloud Services SAS is set against your next invoices in EUR.", all);
        Assert.DoesNotContain("IBAN", all);
        Assert.DoesNotContain("Balance due", all);
    }

    [Fact]
    public void Render_Refund_NamedInWords()
    {
        var statement = new CustomerStatement(CustomerId, "Fabrikam GmbH", "EUR", March1, March31, -22.74m,
            [new StatementLine(new DateOnly(2026, 3, 15), "refund", "refund 9", 22.74m, 0m)], 0m);

        var all = PdfText.Read(_pdf.Render(statement, Parties)).AllText;

        Assert.Contains("15 Mar 2026 Refund refund 9 22.74 0.00", all);
        Assert.Contains("Closing balance 0.00 EUR", all);
        Assert.DoesNotContain("IBAN", all);
    }

    [Fact]
    public void Render_YenWithoutSeller_AmountsWithoutDecimalsAndOnlyTheCustomerInTheHead()
    {
        var statement = new CustomerStatement(CustomerId, "Fabrikam KK", "JPY", March1, March31, 0m,
            [new StatementLine(new DateOnly(2026, 3, 1), "invoice", "INV-000007", 12345m, 12345m)], 12345m);
        var buyerOnly = new StatementParties(null, SampleDocuments.Buyer with { Name = "Fabrikam KK" }, null, null);

        var text = PdfText.Read(_pdf.Render(statement, buyerOnly));

        Assert.StartsWith("Statement for Fabrikam KK Friedrichstraße 100", text.Column(0, 39, 310));
        Assert.DoesNotContain("Contoso", text.AllText);
        Assert.Contains("1 Mar 2026 Invoice INV-000007 12,345 12,345", text.AllText);
        Assert.Contains("Balance due 12,345 JPY", text.AllText);
        Assert.DoesNotContain("12,345.0", text.AllText);
    }

    [Fact]
    public void Render_200Lines_ContinuesOverNumberedPagesUnderTheRepeatedHeaderAndEndsWithTheClosingBalance()
    {
        // Odd i: invoice INV-00000i of 100 + i; even i: a payment of 50.00. Invoices 100 × 100 + (1 + 3 + … + 199) = 20,000.00,
        // payments 5,000.00: 15,000.00 due.
        var lines = new List<StatementLine>();
        var balance = 0m;
        for (var i = 1; i <= 200; i++)
        {
            var amount = i % 2 == 1 ? 100m + i : -50m;
            balance += amount;
            lines.Add(new StatementLine(March1.AddDays(i % 31), i % 2 == 1 ? "invoice" : "payment", i % 2 == 1 ? $"INV-{i:D6}" : $"wire {i}", amount, balance));
        }
        var statement = new CustomerStatement(CustomerId, "Fabrikam GmbH", "EUR", March1, March31, 0m, lines, balance);

        var text = PdfText.Read(_pdf.Render(statement, Parties));

        Assert.Equal(15_000m, balance);
        var pages = text.Pages.Count;
        Assert.True(pages >= 4, $"200 lines should take several pages, got {pages}");
        for (var n = 1; n <= pages; n++)
        {
            var page = PdfText.PageText(text.Pages[n - 1]);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, @"Page \d+ of \d+"));
            Assert.Contains($"Page {n} of {pages}", page);
            Assert.Contains("Date Description Reference Amount (EUR) Balance (EUR)", page);
            if (n > 1) Assert.StartsWith("Statement of account (continued)", page);
            Assert.Empty(PdfText.OverlappingWords(text.Pages[n - 1]));
        }
        var all = text.AllText;
        Assert.Contains("2 Mar 2026 Invoice INV-000001 101.00 101.00", all);
        Assert.Contains("3 Mar 2026 Payment wire 2 -50.00 51.00", all);
        Assert.Contains("15 Mar 2026 Payment wire 200 -50.00 15,000.00", all);
        foreach (var i in Enumerable.Range(1, 200)) Assert.Contains(i % 2 == 1 ? $"INV-{i:D6}" : $"wire {i} ", all);
        var last = PdfText.PageText(text.Pages[^1]);
        Assert.Contains("31 Mar 2026 Closing balance 15,000.00", last);
        Assert.Contains("Balance due 15,000.00 EUR", last);
    }
}
