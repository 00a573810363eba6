using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Prorata.Integrations.Stripe.Tests;

public sealed class SetupAndCustomerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task EnsureCustomer_SameProrataIdTwice_OneStripeCustomerUnderOneKey()
    {
        await using var stripe = await StripeHarness.StartAsync();

        var first = await stripe.Gateway.EnsureCustomerAsync("CUST-7", "Contoso GmbH", "billing@contoso.example", null, None);
        var second = await stripe.Gateway.EnsureCustomerAsync("CUST-7", "Contoso GmbH", "billing@contoso.example", null, None);
        var kept = await stripe.Gateway.EnsureCustomerAsync("CUST-7", "Contoso GmbH", "billing@contoso.example", first, None);

        Assert.StartsWith("cus_", first);
        Assert.Equal((first, first), (second, kept));
        var customer = (await stripe.Api.GetFromJsonAsync<JsonObject>($"v1/customers/{first}"))!;
        Assert.Equal(("Contoso GmbH", "billing@contoso.example", "CUST-7"),
            ((string?)customer["name"], (string?)customer["email"], (string?)customer["metadata"]!["prorata_customer"]));
        var posts = (await stripe.RequestsAsync()).Where(r => (string?)r!["path"] == "/v1/customers").ToList();
        Assert.Equal(["prorata-customer-CUST-7", "prorata-customer-CUST-7"], posts.Select(r => (string?)r!["idempotencyKey"]));
    }

    [Fact]
    public async Task Setup_Card4242OnTheHostedPage_SavedVisaEndingIn4242()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var customer = await stripe.CustomerAsync();

        var session = await stripe.Gateway.StartSetupAsync(customer, StripeHarness.SuccessUrl, StripeHarness.CancelUrl, ["card", "sepa_debit"], "EUR", None);
        var beforeTheCustomerPaid = await stripe.Gateway.CompleteSetupAsync(session.Id, None);
        var page = await stripe.Browser.GetStringAsync(session.Url);
        using var posted = await stripe.SubmitHostedFormAsync(session, StripeHarness.Card("4242 4242 4242 4242"));
        var saved = await stripe.Gateway.CompleteSetupAsync(session.Id, None);

        Assert.StartsWith("cs_test_", session.Id);
        Assert.Equal(new Uri(stripe.Admin.BaseAddress!, $"/checkout/{session.Id}"), session.Url);
        Assert.Null(beforeTheCustomerPaid);
        foreach (var field in new[] { "id=\"cardNumber\"", "id=\"cardExpiry\"", "id=\"cardCvc\"", "id=\"billingName\"", "id=\"iban\"", "<label for=\"cardNumber\">Card number</label>" })
        {
            Assert.Contains(field, page);
        }
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal($"https://prorata.test/payments/saved?session={session.Id}", posted.Headers.Location!.ToString());
        var method = Assert.IsType<SavedPaymentMethod>(saved);
        Assert.StartsWith("pm_", method.Id);
        Assert.Equal(new SavedPaymentMethod(method.Id, "card", customer, "4242", "visa", 12, 2034), method);
        var completed = Assert.Single(await stripe.WebhooksAsync("checkout.session.completed"));
        Assert.Equal(new Webhooks.CheckoutSessionSnapshot(session.Id, "complete", "setup", customer, completed.CheckoutSession!.SetupIntentId), completed.CheckoutSession);
        Assert.StartsWith("seti_", completed.CheckoutSession.SetupIntentId);
        Assert.Single(await stripe.WebhooksAsync("setup_intent.succeeded"));
    }

    [Fact]
    public async Task Setup_Iban_SavedSepaDebitEndingIn3000()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var customer = await stripe.CustomerAsync();
        var session = await stripe.Gateway.StartSetupAsync(customer, StripeHarness.SuccessUrl, StripeHarness.CancelUrl, ["sepa_debit"], "EUR", None);

        using var posted = await stripe.SubmitHostedFormAsync(session, StripeHarness.Iban("DE89 3704 0044 0532 0130 00"));
        var method = Assert.IsType<SavedPaymentMethod>(await stripe.Gateway.CompleteSetupAsync(session.Id, None));

        Assert.Equal(new SavedPaymentMethod(method.Id, "sepa_debit", customer, "3000", null, null, null), method);
    }

    [Theory]
    [InlineData("4000000000000002", "Your card was declined.")]
    [InlineData("4000000000009995", "Your card has insufficient funds.")]
    [InlineData("4242424242424241", "Your card number is invalid.")]
    public async Task Setup_CardRefusedOnThePage_ReasonShownAndNothingSaved(string number, string reason)
    {
        await using var stripe = await StripeHarness.StartAsync();
        var customer = await stripe.CustomerAsync();
        var session = await stripe.Gateway.StartSetupAsync(customer, StripeHarness.SuccessUrl, StripeHarness.CancelUrl, ["card"], "EUR", None);

        using var posted = await stripe.SubmitHostedFormAsync(session, StripeHarness.Card(number));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains($"<p id=\"error\" role=\"alert\">{WebUtility.HtmlEncode(reason)}</p>", await posted.Content.ReadAsStringAsync());
        Assert.Null(await stripe.Gateway.CompleteSetupAsync(session.Id, None));
    }

    [Fact]
    public async Task Setup_SepaInDollars_PageOffersCardsOnly()
    {
        await using var stripe = await StripeHarness.StartAsync();
        var customer = await stripe.CustomerAsync();

        var session = await stripe.Gateway.StartSetupAsync(customer, StripeHarness.SuccessUrl, StripeHarness.CancelUrl, ["card", "sepa_debit"], "USD", None);
        var page = await stripe.Browser.GetStringAsync(session.Url);

        Assert.Contains("id=\"cardNumber\"", page);
        Assert.DoesNotContain("id=\"iban\"", page);
    }

    [Fact]
    public async Task WrongSecretKey_RefusedWith401NamingTheSetting()
    {
        await using var stripe = await StripeHarness.StartAsync(secretKey: "sk_test_not_the_right_one");

        var refused = await Assert.ThrowsAsync<StripeRefusedException>(() => stripe.CustomerAsync());

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_request_error"), (refused.Status, refused.ErrorType));
        Assert.Contains("Invalid API Key provided: sk_test_*************_one", refused.Message);
        Assert.Contains("Prorata:Stripe:SecretKey", refused.Message);
    }
}
