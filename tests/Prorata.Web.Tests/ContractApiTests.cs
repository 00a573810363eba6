using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class ContractApiTests(ProrataApp app)
{
    [Theory]
    [InlineData(31, "USD", "billingDay", "billingDay must be between 1 and 28; got 31.")]
    [InlineData(0, "USD", "billingDay", "billingDay must be between 1 and 28; got 0.")]
    [InlineData(1, "XYZ", "currency", "currency must be a known ISO 4217 code; got 'XYZ'.")]
    public async Task Create_InvalidField_Returns400NamingFieldAndValueAndWritesNothing(int billingDay, string currency, string field, string message)
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var customerId = await AnyCustomerIdAsync(client);
        var before = await app.CountRowsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/contracts",
            new { customerId, currency, billingDay, legalEntityName = "Northwind Cloud Services Inc." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await CustomerApiTests.ProblemErrorsAsync(response, field));
        Assert.Equal(before, await app.CountRowsAsync());
    }

    [Fact]
    public async Task Create_BadPricingRule_NamesTheRuleAndField()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var customerId = await AnyCustomerIdAsync(client);

        var response = await client.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId, currency = "EUR", billingDay = 15, legalEntityName = "Northwind Cloud Services GmbH",
            pricingRules = new object[]
            {
                new { productId = "*", method = "markupOnCost", value = 10m },
                new { productId = "CFQ7TTC0LH18", method = "discountOffErp", value = 120m },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["a discount off ERP must be between 0 and 100 percent; got 120."],
            await CustomerApiTests.ProblemErrorsAsync(response, "pricingRules[1].value"));
    }

    [Fact]
    public async Task Create_ThenFinanceUpdates_KeepsRulesInOrderAndBumpsVersion()
    {
        var admin = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var customerId = await AnyCustomerIdAsync(admin);
        var created = await admin.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId, currency = "USD", billingDay = 5, invoiceCadence = "quarterly", legalEntityName = "Northwind Cloud Services Inc.",
            pricingRules = new object[] { new { productId = "*", method = "markupOnCost", value = 12.5m } }, confirmCurrency = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);

        var updated = await finance.PutAsJsonAsync($"/api/v1/contracts/{id}", new
        {
            currency = "USD", billingDay = 6, invoiceCadence = "annual", refundPolicy = "none", legalEntityName = "Northwind Cloud Services Inc.",
            pricingRules = new object[]
            {
                new { productId = "*", method = "discountOffErp", value = 3m },
                new { productId = "CFQ7TTC0LFLZ", skuId = "0002", method = "fixedPrice", value = 31.25m },
            },
            version = 1,
        });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((6, "annual", "none", 2), (body.GetProperty("billingDay").GetInt32(), body.GetProperty("invoiceCadence").GetString(),
            body.GetProperty("refundPolicy").GetString(), body.GetProperty("version").GetInt32()));
        var rules = body.GetProperty("pricingRules").EnumerateArray()
            .Select(r => (r.GetProperty("productId").GetString(), r.GetProperty("method").GetString(), r.GetProperty("value").GetDecimal())).ToList();
        Assert.Equal([("*", "discountOffErp", 3m), ("CFQ7TTC0LFLZ", "fixedPrice", 31.25m)], rules);
    }

    [Fact]
    public async Task Create_UnknownCustomer_Returns400OnCustomerId()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var unknown = Guid.NewGuid();

        var response = await client.PostAsJsonAsync("/api/v1/contracts",
            new { customerId = unknown, currency = "USD", billingDay = 1, legalEntityName = "Northwind Cloud Services Inc." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"customerId must be an existing customer; got '{unknown}'."], await CustomerApiTests.ProblemErrorsAsync(response, "customerId"));
    }

    [Fact]
    public async Task Get_UnknownId_Returns404()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);

        var response = await client.GetAsync($"/api/v1/contracts/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Update_StaleVersion_Returns409AndKeepsTheStoredTerms()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var contract = (await client.GetFromJsonAsync<JsonElement>("/api/v1/contracts")).GetProperty("items").EnumerateArray().First();
        var id = contract.GetProperty("id").GetGuid();
        var version = contract.GetProperty("version").GetInt32();
        var terms = new { currency = contract.GetProperty("currency").GetString(), billingDay = 3, legalEntityName = "Northwind Cloud Services Inc." };

        var response = await client.PutAsJsonAsync($"/api/v1/contracts/{id}", new { terms.currency, terms.billingDay, terms.legalEntityName, version = version + 7 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}");
        Assert.Equal(contract.GetProperty("billingDay").GetInt32(), stored.GetProperty("billingDay").GetInt32());
        Assert.Equal(version, stored.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Create_CurrencyOtherThanTheCustomers_RefusedUntilConfirmed()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var created = await client.PostAsJsonAsync("/api/v1/customers",
            new { name = $"Currency Check {Guid.NewGuid():N}", currency = "EUR", billingEmail = "ap@currency-check.example" });
        var customerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var terms = new { customerId, currency = "JPY", billingDay = 1, legalEntityName = "Northwind Cloud Services Inc." };
        var before = await app.CountRowsAsync();

        var refused = await client.PostAsJsonAsync("/api/v1/contracts", terms);
        var unchanged = await app.CountRowsAsync();
        var confirmed = await client.PostAsJsonAsync("/api/v1/contracts", new { terms.customerId, terms.currency, terms.billingDay, terms.legalEntityName, confirmCurrency = true });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["currency JPY is not the customer's currency (EUR): its invoices would be in JPY. Confirm it (confirmCurrency: true; on the form, "
            + "the box under the currency) if this customer is billed in JPY on purpose; got 'JPY'."], await CustomerApiTests.ProblemErrorsAsync(refused, "currency"));
        Assert.Equal(before, unchanged);
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal("JPY", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currency").GetString());
    }

    private static async Task<Guid> AnyCustomerIdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/customers")).GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();
}
