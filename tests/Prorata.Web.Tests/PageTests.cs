using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
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
        // Buy opens the purchase's preview, whose Confirm form carries the purchase and its security token.
        var preview = await client.GetStringAsync($"/subscriptions/purchase-preview?contractId={contractId}&offer={BillingSeed.Product}|{BillingSeed.Sku}|P1Y|monthly&quantity=1001");
        var token = PageHtml.Hidden(preview, "__RequestVerificationToken");
        Assert.Equal($"{contractId}", PageHtml.Hidden(preview, "ContractId"));
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
    public async Task InvoiceAndSubscriptionLists_SayWhereTheyAreInTheWholeList_AndPageThroughIt()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        // 101 subscriptions under one contract: one more than a page.
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 6);
        int invoices;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Prorata.Data.ProrataDbContext>();
            var now = app.Time.GetUtcNow();
            db.Subscriptions.AddRange(Enumerable.Range(1, 101).Select(i => new Prorata.Data.Subscriptions.CustomerSubscription
            {
                Id = Guid.NewGuid(), ContractId = contractId, ProductId = BillingSeed.Product, SkuId = BillingSeed.Sku, Title = $"Paged {i:000}", Quantity = 1,
                CreatedAt = now.AddSeconds(i), UpdatedAt = now.AddSeconds(i),
            }));
            await db.SaveChangesAsync();
            invoices = await db.Invoices.CountAsync();
        }

        var first = await client.GetStringAsync($"/subscriptions?contractId={contractId}");
        var second = await client.GetStringAsync($"/subscriptions?contractId={contractId}&page=2");
        var past = await client.GetStringAsync($"/subscriptions?contractId={contractId}&page=9");
        var invoiceList = await client.GetStringAsync("/invoices");

        Assert.Equal("1–100 of 101 Next", PageHtml.Text(first, "subscriptions-pager"));
        Assert.Equal($"/subscriptions?contractId={contractId}&amp;page=2", System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\" rel=\"next\"").Groups[1].Value);
        // Newest first: 101 down to 2 on the first page, the oldest alone on the second.
        Assert.Contains("Paged 002", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Paged 001", first, StringComparison.Ordinal);
        Assert.Equal("101–101 of 101 Previous", PageHtml.Text(second, "subscriptions-pager"));
        Assert.Contains("Paged 001", second, StringComparison.Ordinal);
        // A page past the end shows the last one.
        Assert.Equal("101–101 of 101 Previous", PageHtml.Text(past, "subscriptions-pager"));
        Assert.StartsWith($"1–{Math.Min(100, invoices)} of {invoices:N0}", PageHtml.Text(invoiceList, "invoices-pager"), StringComparison.Ordinal);
        Assert.Equal(Math.Min(100, invoices), PageHtml.RowCount(invoiceList, "invoices"));
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
