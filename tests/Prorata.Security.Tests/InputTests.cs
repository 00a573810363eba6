using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Prorata.Data.Identity;
using Prorata.Data.Invoices;
using Prorata.Domain.Billing;
using Prorata.Web.Features.Account;
using Prorata.Web.Features.Invoices;

namespace Prorata.Security.Tests;

/// <summary>
/// Issue 18: every field has a range, a length and a character set; a value outside them is a 400 naming the field and
/// the value, and nothing is written. Pages posted without fields, odd return URLs and a simulation to 2525 get a clear
/// answer, never a 500.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InputTests(SecurityApp app)
{
    private static readonly Guid SomeContract = Guid.Parse("0197a3c2-0000-7000-8000-000000000001");

    [Theory]
    [InlineData("Contoso\u202Egnp.exe", "U+202E")]
    [InlineData("Contoso\tLtd", "U+0009")]
    [InlineData("Contoso\u0000", "U+0000")]
    [InlineData("Contoso\u200BLtd", "U+200B")]
    public async Task CustomerNameWithHiddenCharacters_Is400NamingTheCharacter(string name, string named)
    {
        var admin = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var before = await app.WithDbAsync(db => Task.FromResult(db.Customers.Count()));

        var response = await admin.PostAsJsonAsync("/api/v1/customers", new { name, currency = "USD", billingEmail = "ap@contoso.example" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await ErrorAsync(response, "name"));
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.Customers.Count())));
    }

    [Fact]
    public async Task ContractWithAnAbsurdFixedPriceOrAMillionCharacterProduct_Is400NamingEach()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var before = await app.WithDbAsync(db => Task.FromResult(db.BillingContracts.Count()));

        var response = await finance.PostAsync("/api/v1/contracts", new StringContent(
            $$"""{"customerId":"{{SomeContract}}","currency":"USD","billingDay":1,"legalEntityName":"Northwind","pricingRules":[{"productId":"*","method":"fixedPrice","value":7.9e28},{"productId":"{{new string('P', 100_000)}}","method":"markupOnCost","value":10}]}""",
            Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 0 and 100,000,000", await ErrorAsync(response, "pricingRules[0].value"));
        Assert.Contains("at most 100 characters; got 100,000", await ErrorAsync(response, "pricingRules[1].productId"));
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.BillingContracts.Count())));
    }

    [Fact]
    public async Task ContractWithSixHundredPricingRules_Is400NamingTheLimit()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var rules = Enumerable.Range(0, 600).Select(i => new { productId = $"P{i}", method = "markupOnCost", value = 10 });

        var response = await finance.PostAsJsonAsync("/api/v1/contracts",
            new { customerId = SomeContract, currency = "USD", billingDay = 1, legalEntityName = "Northwind", pricingRules = rules });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 500 pricing rules; got 600", await ErrorAsync(response, "pricingRules"));
    }

    [Fact]
    public async Task PurchaseOfIntMaxSeatsOrAMillionCharacterProduct_Is400NamingEach()
    {
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);

        var response = await sales.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId = SomeContract, productId = new string('P', 1_000_000 / 2), skuId = "0001", quantity = int.MaxValue });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 1 and 100,000; got 2147483647", await ErrorAsync(response, "quantity"));
        Assert.Contains("at most 64 characters", await ErrorAsync(response, "productId"));
    }

    [Fact]
    public async Task SeatChangeToIntMax_Is400()
    {
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);

        var response = await sales.PostAsJsonAsync($"/api/v1/subscriptions/{Guid.NewGuid()}/changes", new { type = "setQuantity", quantity = int.MaxValue });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 0 and 100,000", await ErrorAsync(response, "quantity"));
    }

    [Fact]
    public async Task CatalogProductPricedPastDecimal_Is400()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);

        var response = await finance.PostAsync("/api/v1/catalog/products", new StringContent(
            """{"productId":"SVC-1","title":"Managed backup","kind":"service","currency":"USD","pricePerCycle":79228162514264337593543950335}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 100,000,000", await ErrorAsync(response, "pricePerCycle"));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task BillingRunDatedCenturiesAway_Is400NamingTheWindow(string date)
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);

        var response = await finance.PostAsJsonAsync("/api/v1/billing-runs", new { date });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"got '{date}'", await ErrorAsync(response, "date"));
    }

    [Theory]
    [InlineData("/subscriptions/new")]
    [InlineData("/subscriptions/0197a3c2-0000-7000-8000-000000000000/change")]
    public async Task SubscriptionFormPostedWithoutFields_IsSentBackWithAMessage(string path)
    {
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);
        var token = await SecurityApp.TokenAsync(sales);

        var response = await sales.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("error=", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    public void ReturnUrlThatIsNotALocalPath_GoesHome(string returnUrl) => Assert.Equal("/", AccountEndpoints.SafeReturnUrl(returnUrl));

    [Fact]
    public async Task SignInWithATabInTheReturnUrl_RedirectsHome()
    {
        var client = app.Anonymous();

        var response = await SecurityApp.PostFormAsync(client, "/signin?ReturnUrl=%2F%09%2Fevil.example",
            new() { ["Form.Email"] = SecurityApp.EmailOf(StaffRoles.ReadOnly), ["Form.Password"] = SecurityApp.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("evil", response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task EntraSignInWhenNotConfigured_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/signin/entra-id?returnUrl=%2F")).StatusCode);
    }

    [Fact]
    public async Task ReadOnlySimulationTo2525_IsRefusedFastNamingTheHorizon()
    {
        var readOnly = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var scenario = Prorata.Web.Features.Simulations.SampleScenario.Json.Replace("\"billUntil\": \"2025-04-01\"", "\"billUntil\": \"2525-04-01\"");
        var watch = Stopwatch.StartNew();

        var response = await readOnly.PostAsync("/api/v1/simulations", new StringContent(scenario, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("10 years after the first event", await ErrorAsync(response, "billUntil"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task SimulationToTheLastDayOfTheCalendar_Is422()
    {
        var readOnly = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var scenario = Prorata.Web.Features.Simulations.SampleScenario.Json.Replace("\"billUntil\": \"2025-04-01\"", "\"billUntil\": \"9999-12-31\"");

        var response = await readOnly.PostAsync("/api/v1/simulations", new StringContent(scenario, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task InvoiceExport_FormulaLookingText_IsNeutralised()
    {
        var invoice = new CustomerInvoice { Id = Guid.NewGuid(), ContractId = SomeContract, LegalEntityName = "@SUM(A1:A9)", Currency = "USD", Total = -12.5m };
        invoice.Lines.Add(new CustomerInvoiceLine { ProductId = "=HYPERLINK(\"http://evil.example\",\"x\")", SkuId = "+0001", Origin = "\tnote", Amount = -12.5m, Kind = InvoiceLineKind.Adjustment });
        using var output = new MemoryStream();

        await InvoiceCsv.WriteAsync(output, [invoice], new Dictionary<Guid, string> { [SomeContract] = "-Contoso" }, CancellationToken.None);

        var csv = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("'@SUM(A1:A9)", csv);
        Assert.Contains("'-Contoso", csv);
        Assert.Contains("'+0001", csv);
        Assert.Contains("'\tnote", csv);
        Assert.Contains("'=HYPERLINK(", csv);
        Assert.Contains(",-12.5,", csv);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        // Buffered once, so that several fields can be read from one answer.
        await response.Content.LoadIntoBufferAsync();
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("errors").TryGetProperty(field, out var messages) ? string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()))
            : throw new Xunit.Sdk.XunitException($"no error for '{field}' in {body}");
    }
}
