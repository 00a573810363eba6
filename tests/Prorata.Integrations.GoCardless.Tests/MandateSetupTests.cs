using System.Net;
using System.Text.Json;

namespace Prorata.Integrations.GoCardless.Tests;

public sealed class MandateSetupTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task HostedPage_UkAccount_ActiveBacsMandateWithTheAccountsLastDigits()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();

        var setup = await gocardless.Gateway.StartMandateSetupAsync(new MandateSetupRequest(
            "cust-42", "Contoso Ltd", "billing@contoso.example", "GBP",
            new Uri("https://prorata.example/direct-debit/done"), new Uri("https://prorata.example/direct-debit/left")), None);

        Assert.Equal("BRQ000000000001", setup.BillingRequestId);
        Assert.Equal(new Uri(gocardless.Admin.BaseAddress!, "flow/BRF000000000001"), setup.AuthorisationUrl);
        Assert.Null(await gocardless.Gateway.CompleteMandateSetupAsync(setup.BillingRequestId, None));

        var returnedTo = await gocardless.CompleteHostedPageAsync(setup.AuthorisationUrl, new Dictionary<string, string>
        {
            ["account_holder_name"] = "Contoso Ltd", ["branch_code"] = "20-00-00", ["account_number"] = "55779911",
        });
        var mandate = await gocardless.Gateway.CompleteMandateSetupAsync(setup.BillingRequestId, None);

        Assert.Equal(new Uri("https://prorata.example/direct-debit/done"), returnedTo);
        // Three working days after Monday 2 March 2026.
        Assert.Equal(new GoCardlessMandate("MD000000000001", "active", "bacs", "CU000000000001", "11", new DateOnly(2026, 3, 5)), mandate);
        var events = await gocardless.EventsAsync(e => e.Count >= 3);
        Assert.Equal(
            [
                ("billing_requests", "fulfilled", (string?)null, "billing_request_fulfilled"),
                ("mandates", "created", "MD000000000001", "mandate_created"),
                ("mandates", "active", "MD000000000001", "mandate_activated"),
            ],
            events.Select(e => (e.ResourceType, e.Action, e.MandateId, e.Cause)));
        var posts = (await gocardless.RequestsAsync()).Where(r => r.Method == "POST").ToList();
        Assert.Equal(["/billing_requests", "/billing_request_flows"], posts.Select(p => p.Path));
        Assert.All(posts, p => Assert.StartsWith("prorata-", p.IdempotencyKey));
    }

    [Fact]
    public async Task HostedPage_SepaIban_SepaCoreMandateAndTheBillingRequestKeepsProratasCustomer()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();

        var setup = await gocardless.Gateway.StartMandateSetupAsync(new MandateSetupRequest(
            "cust-7", "Fabrikam GmbH", "buchhaltung@fabrikam.example", "EUR",
            new Uri("https://prorata.example/done"), new Uri("https://prorata.example/left")), None);
        await gocardless.CompleteHostedPageAsync(setup.AuthorisationUrl, new Dictionary<string, string>
        {
            ["account_holder_name"] = "Fabrikam GmbH", ["iban"] = "DE89 3704 0044 0532 0130 00",
        });
        var mandate = await gocardless.Gateway.CompleteMandateSetupAsync(setup.BillingRequestId, None);

        Assert.Equal(new GoCardlessMandate("MD000000000001", "active", "sepa_core", "CU000000000001", "00", new DateOnly(2026, 3, 5)), mandate);
        using var request = new HttpRequestMessage(HttpMethod.Get, "billing_requests/BRQ000000000001");
        request.Headers.Add("Authorization", $"Bearer {GoCardlessSimulator.SimulatorApp.DefaultAccessToken}");
        request.Headers.Add("GoCardless-Version", "2015-07-06");
        using var answer = await gocardless.Admin.SendAsync(request);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var billingRequest = json.RootElement.GetProperty("billing_requests");
        Assert.Equal("fulfilled", billingRequest.GetProperty("status").GetString());
        Assert.Equal("cust-7", billingRequest.GetProperty("metadata").GetProperty("prorata_customer").GetString());
        Assert.Equal("EUR", billingRequest.GetProperty("mandate_request").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task HostedPage_InvalidIban_FormShownAgainWithTheErrorAndNothingFulfilled()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();
        var setup = await gocardless.Gateway.StartMandateSetupAsync(new MandateSetupRequest(
            "cust-7", "Fabrikam GmbH", "buchhaltung@fabrikam.example", "EUR",
            new Uri("https://prorata.example/done"), new Uri("https://prorata.example/left")), None);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await browser.PostAsync(setup.AuthorisationUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["account_holder_name"] = "Fabrikam GmbH", ["iban"] = "DE89370400440532013001",
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Contains("<p id=\"error\" role=\"alert\">Enter a valid IBAN.</p>", await answer.Content.ReadAsStringAsync());
        Assert.Null(await gocardless.Gateway.CompleteMandateSetupAsync(setup.BillingRequestId, None));
    }

    [Fact]
    public async Task HostedPage_AccountEnding44_MandateFailsAndCannotBeCollectedFrom()
    {
        await using var gocardless = await GoCardlessHarness.StartAsync();

        var mandate = await gocardless.SetUpMandateAsync("55779944");
        var refused = await Assert.ThrowsAsync<GoCardlessRefusedException>(() => gocardless.Gateway.CollectAsync(
            new CollectRequest(mandate.Id, 1000, "GBP", "inv-1-1", "INV-1", 1), None));

        Assert.Equal(new GoCardlessMandate("MD000000000001", "failed", "bacs", "CU000000000001", "44", null), mandate);
        var failed = (await gocardless.EventsAsync(e => e.Count >= 3)).Last();
        Assert.Equal(("mandates", "failed", "bank_account_closed", "ADDACS-B"), (failed.ResourceType, failed.Action, failed.Cause, failed.ReasonCode));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "invalid_state"), (refused.Status, refused.ErrorType));
        Assert.Equal(["mandate_is_inactive"], refused.Reasons);
        Assert.Empty(await gocardless.PaymentsAsync());
    }
}
