using System.Net;
using System.Net.Http.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class PageTests(ProrataApp app)
{
    [Fact]
    public async Task ContractForm_BillingDay31_ShowsTheRuleNextToTheFieldAndWritesNothing()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var before = await app.CountRowsAsync();

        var response = await ProrataApp.PostFormAsync(client, "/contracts/new", new()
        {
            ["Form.CustomerId"] = "",
            ["Form.Currency"] = "EUR",
            ["Form.BillingDay"] = "31",
            ["Form.LegalEntityName"] = "Northwind Cloud Services GmbH",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("billingDay must be between 1 and 28; got 31.", html);
        Assert.Contains("customerId is required.", html);
        Assert.Equal(before, await app.CountRowsAsync());
    }

    [Fact]
    public async Task ContractForm_MarkupTypedAsWords_IsNamedBackNextToTheField_NothingSaved()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var seeded = await BillingSeed.ContractAsync(app, billingDay: 4);
        var contract = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/contracts/{seeded}");
        var before = await app.CountRowsAsync();

        var response = await ProrataApp.PostFormAsync(client, "/contracts/new", new()
        {
            ["Form.CustomerId"] = contract.GetProperty("customerId").GetString()!,
            ["Form.LegalEntityId"] = contract.GetProperty("legalEntityId").GetString()!,
            ["Form.Currency"] = "USD",
            ["Form.BillingDay"] = "4",
            ["Form.PricingRules[0].ProductId"] = "*",
            ["Form.PricingRules[0].Method"] = "markupOnCost",
            ["Form.PricingRules[0].Value"] = "ten",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("value must be a number such as 10 or 7.5; got &#x27;ten&#x27;.", html);
        Assert.Contains("value=\"ten\"", html);
        Assert.Equal(before, await app.CountRowsAsync());
    }

    [Fact]
    public async Task PurchaseForm_MoreThan1000Seats_IsBoughtOnlyWithItsBoxTicked()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 5);
        var token = PageHtml.Hidden(await client.GetStringAsync("/subscriptions"), "__RequestVerificationToken");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["ContractId"] = contractId.ToString(), ["Offer"] = $"{BillingSeed.Product}|{BillingSeed.Sku}|P1Y|monthly",
            ["Quantity"] = "1001",
        };

        using var unticked = await client.PostAsync("/subscriptions/new", new FormUrlEncodedContent(fields));
        fields["ConfirmLargeChange"] = "yes";
        using var ticked = await client.PostAsync("/subscriptions/new", new FormUrlEncodedContent(fields));

        Assert.Equal("/subscriptions?error=" + Uri.EscapeDataString("LargeChangeNotConfirmed: 0 → 1,001 seats is more than ×10 or +1,000 seats: confirm it a second time (confirmLargeChange)."),
            unticked.Headers.Location!.OriginalString);
        Assert.StartsWith("/subscriptions/", ticked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("Bought 1001 × Test Basic."), ticked.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerForm_Sales_IsDenied()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);

        var response = await client.GetAsync("/customers/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/customers")]
    [InlineData("/contracts")]
    [InlineData("/subscriptions")]
    [InlineData("/receivables")]
    public async Task Pages_ReadOnly_Render(string path)
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
