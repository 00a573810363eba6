using Prorata.Application.Tax;

namespace Prorata.Integrations.Avalara.Tests;

public sealed class AvalaraTaxProviderTests
{
    private const string Company = "PRORATA-US";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TaxAddress LegalEntity = new("255 S King St", "Suite 1200", "Seattle", "WA", "98104", "US");
    private static readonly TaxAddress SeattleCustomer = new("1 Pike St", null, "Seattle", "WA", "98101", "US");

    private static TaxDocument Invoice(string code, TaxAddress? shipTo = null, string? exemption = null) => new(
        Company, code, TaxDocumentType.Invoice, new DateOnly(2026, 3, 1), "USD", "CUST-42", LegalEntity, shipTo ?? SeattleCustomer,
        null, exemption,
        [
            new TaxDocumentLine("1", 100.00m, 10m, "MS-365-E3", "Microsoft 365 E3, March 2026", "SW054000"),
            new TaxDocumentLine("2", 33.33m, 1m, "MS-365-E3", "Microsoft 365 E3, 1 seat from 21 March", "SW054000"),
        ]);

    [Fact]
    public async Task Invoice_CommittedInWashington_TaxPerLineAsAvaTaxRoundsIt()
    {
        await using var avalara = await AvalaraHarness.StartAsync();

        var tax = await avalara.Provider.CalculateAsync(Invoice("INV-2026-0001"), commit: true, None);

        // 100.00 × 10.25 % = 10.25; 33.33 × 10.25 % = 3.416325 → 3.42 (each line rounded to cents).
        Assert.Equal(
            [
                new ProviderLineTax("1", 10.25m, 10.25m, "WA STATE TAX + WA CITY TAX"),
                new ProviderLineTax("2", 3.42m, 10.25m, "WA STATE TAX + WA CITY TAX"),
            ],
            tax.Lines);
        Assert.Equal(13.67m, tax.TotalTax);
        Assert.Equal(
            [new RecordedTransaction(Company, "INV-2026-0001", "SalesInvoice", "Committed", 1, 13.67m, null, new DateOnly(2026, 3, 1))],
            await avalara.TransactionsAsync());
        var request = Assert.Single(await avalara.RequestsAsync());
        Assert.Equal(("POST", "/api/v2/transactions/createoradjust?$include=Details"), (request.Method, request.Path));
        Assert.StartsWith("Prorata; ", request.Client);
        Assert.Contains("; Prorata.Integrations.Avalara; ", request.Client);
    }

    [Fact]
    public async Task Invoice_CommittedTwice_OneTransactionAdjustedToTheSameTax()
    {
        await using var avalara = await AvalaraHarness.StartAsync();

        var first = await avalara.Provider.CalculateAsync(Invoice("INV-2026-0002"), commit: true, None);
        var second = await avalara.Provider.CalculateAsync(Invoice("INV-2026-0002"), commit: true, None);

        Assert.Equal(first.Lines, second.Lines);
        Assert.Equal((13.67m, 13.67m), (first.TotalTax, second.TotalTax));
        Assert.Equal(
            [new RecordedTransaction(Company, "INV-2026-0002", "SalesInvoice", "Committed", 2, 13.67m, null, new DateOnly(2026, 3, 1))],
            await avalara.TransactionsAsync());
    }

    [Fact]
    public async Task Quote_NotCommitted_TaxedButNothingRecorded()
    {
        await using var avalara = await AvalaraHarness.StartAsync();

        var tax = await avalara.Provider.CalculateAsync(Invoice("DRAFT-17"), commit: false, None);

        Assert.Equal(13.67m, tax.TotalTax);
        Assert.Empty(await avalara.TransactionsAsync());
    }

    [Fact]
    public async Task CreditNote_ReturnInvoiceAtTheInvoicesDate_NegativeTax()
    {
        await using var avalara = await AvalaraHarness.StartAsync();
        await avalara.Provider.CalculateAsync(Invoice("INV-2026-0003"), commit: true, None);
        var credit = new TaxDocument(
            Company, "CN-2026-0001", TaxDocumentType.CreditNote, new DateOnly(2026, 3, 25), "USD", "CUST-42", LegalEntity, SeattleCustomer,
            null, null, [new TaxDocumentLine("1", -33.33m, 1m, "MS-365-E3", "Microsoft 365 E3, 1 seat removed within 7 days", "SW054000")],
            ReferenceCode: "INV-2026-0003", ReferenceDate: new DateOnly(2026, 3, 1));

        var tax = await avalara.Provider.CalculateAsync(credit, commit: true, None);

        Assert.Equal([new ProviderLineTax("1", -3.42m, 10.25m, "WA STATE TAX + WA CITY TAX")], tax.Lines);
        Assert.Equal(-3.42m, tax.TotalTax);
        Assert.Equal(
            new RecordedTransaction(Company, "CN-2026-0001", "ReturnInvoice", "Committed", 1, -3.42m, "INV-2026-0003", new DateOnly(2026, 3, 1)),
            (await avalara.TransactionsAsync())[1]);
    }

    [Fact]
    public async Task CreditNote_PositiveLine_RejectedBeforeSending()
    {
        await using var avalara = await AvalaraHarness.StartAsync();
        var credit = Invoice("CN-2026-0002") with { Type = TaxDocumentType.CreditNote, ReferenceCode = "INV-2026-0001" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => avalara.Provider.CalculateAsync(credit, commit: true, None));

        Assert.Equal("Credit note CN-2026-0002: line 1 is positive; a credit note's amounts are negative. (Parameter 'document')", error.Message);
        Assert.Empty(await avalara.RequestsAsync());
    }

    [Fact]
    public async Task ExemptCustomer_NoTaxAndNoRate()
    {
        await using var avalara = await AvalaraHarness.StartAsync();

        var tax = await avalara.Provider.CalculateAsync(Invoice("INV-2026-0004", exemption: "WA-RESALE-1234"), commit: true, None);

        Assert.Equal([new ProviderLineTax("1", 0m, 0m, null), new ProviderLineTax("2", 0m, 0m, null)], tax.Lines);
        Assert.Equal(0m, tax.TotalTax);
    }

    [Fact]
    public async Task Void_CommittedInvoice_CancelledAndVoidingAgainIsHarmless()
    {
        await using var avalara = await AvalaraHarness.StartAsync();
        await avalara.Provider.CalculateAsync(Invoice("INV-2026-0005"), commit: true, None);

        await avalara.Provider.VoidAsync(Company, "INV-2026-0005", None);
        await avalara.Provider.VoidAsync(Company, "INV-2026-0005", None);

        Assert.Equal("Cancelled", Assert.Single(await avalara.TransactionsAsync()).Status);
        Assert.Equal(
            ["/api/v2/transactions/createoradjust?$include=Details",
             "/api/v2/companies/PRORATA-US/transactions/INV-2026-0005/void?documentType=SalesInvoice",
             "/api/v2/companies/PRORATA-US/transactions/INV-2026-0005/void?documentType=SalesInvoice"],
            (await avalara.RequestsAsync()).Select(r => r.Path));
    }

    [Fact]
    public async Task Void_UnknownDocument_RefusedWithAvalarasMessage()
    {
        await using var avalara = await AvalaraHarness.StartAsync();

        var error = await Assert.ThrowsAsync<TaxProviderRefusedException>(() => avalara.Provider.VoidAsync(Company, "INV-404", None));

        Assert.Equal("AvaTax refused the void of transaction INV-404: Document not found. Document with ID 'INV-404' not found. (EntityNotFoundError)", error.Message);
    }

    [Fact]
    public async Task Unavailable_TwiceThenAnswering_Retried()
    {
        await using var avalara = await AvalaraHarness.StartAsync();
        await avalara.FaultAsync("unavailable", new { requests = 2 });

        var tax = await avalara.Provider.CalculateAsync(Invoice("INV-2026-0006"), commit: true, None);

        Assert.Equal(13.67m, tax.TotalTax);
        Assert.Equal(3, (await avalara.RequestsAsync()).Count);
        Assert.Equal(1, Assert.Single(await avalara.TransactionsAsync()).Version);
    }

    [Fact]
    public async Task Unavailable_Throughout_UnavailableAfterBoundedRetries()
    {
        await using var avalara = await AvalaraHarness.StartAsync();
        await avalara.FaultAsync("unavailable", new { requests = 100 });

        var error = await Assert.ThrowsAsync<TaxProviderUnavailableException>(
            () => avalara.Provider.CalculateAsync(Invoice("INV-2026-0007"), commit: true, None));

        Assert.Equal("AvaTax failed the transaction INV-2026-0007 after retries (503).", error.Message);
        Assert.Equal(4, (await avalara.RequestsAsync()).Count);
        Assert.Empty(await avalara.TransactionsAsync());
    }

    [Fact]
    public async Task Throttled_WaitsForRetryAfter_ThenAnswers()
    {
        await using var avalara = await AvalaraHarness.StartAsync();
        await avalara.FaultAsync("throttle", new { requests = 1, retryAfterSeconds = 1 });

        var tax = await avalara.Provider.CalculateAsync(Invoice("INV-2026-0008"), commit: true, None);

        Assert.Equal(13.67m, tax.TotalTax);
        Assert.Equal(2, (await avalara.RequestsAsync()).Count);
    }

    [Fact]
    public async Task AnswerLostAfterRecording_Retried_StillOneTransaction()
    {
        await using var avalara = await AvalaraHarness.StartAsync();
        // Recorded, then the answer held back three times longer than the client waits for an attempt.
        await avalara.FaultAsync("lose-answers", new { requests = 1, milliseconds = 3000 });

        var tax = await avalara.Provider.CalculateAsync(Invoice("INV-2026-0009"), commit: true, None);

        Assert.Equal(13.67m, tax.TotalTax);
        Assert.Equal(2, (await avalara.RequestsAsync()).Count);
        Assert.Equal(
            [new RecordedTransaction(Company, "INV-2026-0009", "SalesInvoice", "Committed", 2, 13.67m, null, new DateOnly(2026, 3, 1))],
            await avalara.TransactionsAsync());
    }

    [Fact]
    public async Task SlowerThanTheClientWaits_RetriedAndRecordedOnce()
    {
        await using var avalara = await AvalaraHarness.StartAsync();
        await avalara.FaultAsync("slow", new { requests = 1, milliseconds = 3000 });

        var tax = await avalara.Provider.CalculateAsync(Invoice("INV-2026-0010"), commit: true, None);

        Assert.Equal(13.67m, tax.TotalTax);
        Assert.Equal(2, (await avalara.RequestsAsync()).Count);
        Assert.Equal(1, Assert.Single(await avalara.TransactionsAsync()).Version);
    }

    [Fact]
    public async Task UnresolvableShipTo_RefusedWithAvalarasMessage()
    {
        await using var avalara = await AvalaraHarness.StartAsync();
        var nowhere = new TaxAddress("1 Nowhere Rd", null, "Seattle", "WA", "99999", "US");

        var error = await Assert.ThrowsAsync<TaxProviderRefusedException>(
            () => avalara.Provider.CalculateAsync(Invoice("INV-2026-0011", nowhere), commit: true, None));

        Assert.Equal(
            "AvaTax refused the transaction INV-2026-0011: Unable to determine the taxing jurisdictions. "
            + "The address 1 Nowhere Rd, Seattle, WA 99999, US could not be located. (JurisdictionNotFoundError)",
            error.Message);
        Assert.Single(await avalara.RequestsAsync());
    }

    [Fact]
    public async Task BadCredentials_RefusedNamingTheSettings_NotRetried()
    {
        await using var avalara = await AvalaraHarness.StartAsync(licenseKey: "an-old-license-key");

        var error = await Assert.ThrowsAsync<TaxProviderRefusedException>(
            () => avalara.Provider.CalculateAsync(Invoice("INV-2026-0012"), commit: true, None));

        Assert.Equal(
            "AvaTax refused the credentials (Authentication failed. Missing authentication or unable to authenticate the user or the account. "
            + "(AuthenticationException)): check Prorata:Avalara:AccountId and Prorata:Avalara:LicenseKey, "
            + "and that Prorata:Avalara:BaseAddress is the environment they belong to.",
            error.Message);
        Assert.Single(await avalara.RequestsAsync());
    }

    [Fact]
    public async Task ResolveAddress_KnownPostalCode_Normalised()
    {
        await using var avalara = await AvalaraHarness.StartAsync();

        var resolution = await avalara.Provider.ResolveAddressAsync(new TaxAddress("1 Pike St", null, "Seattle", null, "98101", "US"), None);

        Assert.True(resolution.Resolved);
        Assert.Equal(new TaxAddress("1 Pike St", null, "Seattle", "WA", "98101", "US"), resolution.Address);
        Assert.Empty(resolution.Messages);
    }

    [Fact]
    public async Task ResolveAddress_UnknownPostalCode_NotResolvedWithAvalarasMessage()
    {
        await using var avalara = await AvalaraHarness.StartAsync();

        var resolution = await avalara.Provider.ResolveAddressAsync(new TaxAddress("1 Nowhere Rd", null, "Seattle", "WA", "99999", "US"), None);

        Assert.False(resolution.Resolved);
        Assert.Null(resolution.Address);
        Assert.Equal(["The address is not deliverable. The postal code 99999 was not found in WA."], resolution.Messages);
    }
}
