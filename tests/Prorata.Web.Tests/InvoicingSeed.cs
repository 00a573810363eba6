using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Domain.Catalog;

namespace Prorata.Web.Tests;

/// <summary>
/// What the invoicing tests bill, made through the API as staff would: legal entities, customers with billing profiles,
/// EUR contracts billed on the 14th, and a P1Y monthly product at 264.00 a year (22.00 a month), +25 % for the customer:
/// 27.50 per seat and month. A purchase of 5 seats on 2026-03-14 (the app's clock, a billing day) is billed on
/// <see cref="BillingDate"/> as two whole months, 03-14..04-13 and 04-14..05-13: 5 × 27.50 = 137.50 each.
/// </summary>
public static class InvoicingSeed
{
    public const string Product = "TAX-TEST";
    public const string Sku = "0001";
    public const int BillingDay = 14;

    /// <summary>
    /// The one run date of these tests. A run bills every contract due that day; the tests of a collection run one
    /// after another and each bills what it just made, so a run finds only the current test's contracts not billed yet.
    /// </summary>
    public static readonly DateOnly BillingDate = new(2026, 4, 14);

    public static object Address(string line1, string city, string postalCode, string country, string? region = null) =>
        new { line1, city, postalCode, region, country };

    public static readonly object Berlin = Address("Friedrichstraße 68", "Berlin", "10117", "DE");

    /// <summary>A legal entity invoicing in EUR; null address makes one that cannot issue yet.</summary>
    public static async Task<JsonElement> LegalEntityAsync(HttpClient client, object? address, string invoicePrefix = "INV-", string? taxId = "DE811569869",
        int defaultPaymentTermsDays = 30)
    {
        var response = await client.PostAsJsonAsync("/api/v1/legal-entities", new
        {
            name = $"Northwind Test GmbH {Guid.NewGuid():N}", address, taxId, currency = "EUR", email = "rechnung@northwind-test.example",
            bankAccountName = "Northwind Test GmbH", iban = "DE89370400440532013000", bic = "COBADEFFXXX", invoicePrefix, defaultPaymentTermsDays,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Guid> CustomerAsync(HttpClient client, object? billingAddress, string? taxId = null, string name = "Fabrikam")
    {
        var response = await client.PostAsJsonAsync("/api/v1/customers",
            new { name = $"{name} {Guid.NewGuid():N}", currency = "EUR", billingEmail = "ap@fabrikam.example", billingAddress, taxId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The 19 % German rate from 2026-01-01, added the first time a test needs it.</summary>
    public static async Task GermanRateAsync(HttpClient client)
    {
        var rows = await client.GetFromJsonAsync<JsonElement>("/api/v1/tax-rates?country=DE");
        if (rows.GetArrayLength() > 0) return;
        var response = await client.PostAsJsonAsync("/api/v1/tax-rates", new { country = "DE", rate = 19m, name = "USt", effectiveFrom = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>A contract of the customer with the entity, billed on the 14th, and a purchase of <paramref name="seats"/> seats; returns the contract.</summary>
    public static async Task<Guid> ContractWithSeatsAsync(InvoicingApp app, HttpClient client, Guid customerId, Guid legalEntityId, int seats = 5)
    {
        await PriceListAsync(app);
        var contract = await client.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId, currency = "EUR", billingDay = BillingDay, legalEntityId,
            pricingRules = new object[] { new { productId = "*", method = "markupOnCost", value = 25m } },
        });
        Assert.Equal(HttpStatusCode.Created, contract.StatusCode);
        var contractId = (await contract.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var purchase = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = Product, skuId = Sku, term = "P1Y", billingPlan = "monthly", quantity = seats });
        Assert.True(purchase.StatusCode == HttpStatusCode.Created, await purchase.Content.ReadAsStringAsync());
        return contractId;
    }

    public static async Task BillAsync(HttpClient client)
    {
        var run = await client.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date = $"{BillingDate:yyyy-MM-dd}" });
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var result = await run.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("finished").GetBoolean() && result.GetProperty("invoiced").GetInt32() > 0, result.ToString());
    }

    /// <summary>
    /// A fresh German entity (prefixes INV- and CN-) bills a German customer at <paramref name="customerAddress"/> (Berlin
    /// when null): the issued invoice INV-000001 of two 137.50 lines taxed 26.13 each, 327.26 in all.
    /// </summary>
    public static async Task<(JsonElement Invoice, JsonElement Entity, Guid CustomerId)> GermanInvoiceAsync(InvoicingApp app, HttpClient client,
        object? customerAddress = null, string customerName = "Fabrikam")
    {
        await GermanRateAsync(client);
        var entity = await LegalEntityAsync(client, Berlin);
        var customerId = await CustomerAsync(client, customerAddress ?? Berlin, "DE129273398", customerName);
        var contractId = await ContractWithSeatsAsync(app, client, customerId, entity.GetProperty("id").GetGuid());
        await BillAsync(client);
        var invoice = await InvoiceOfAsync(client, contractId);
        Assert.Equal(("issued", "INV-000001", 327.26m), (invoice.GetProperty("status").GetString(), invoice.GetProperty("number").GetString(), invoice.GetProperty("total").GetDecimal()));
        return (invoice, entity, customerId);
    }

    /// <summary>The contract's one invoice (not its credit notes), with its lines.</summary>
    public static async Task<JsonElement> InvoiceOfAsync(HttpClient client, Guid contractId)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?contractId={contractId}");
        var invoice = Assert.Single(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "invoice");
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoice.GetProperty("id").GetGuid()}");
    }

    /// <summary>The messages of one field of a 400's ProblemDetails.</summary>
    public static async Task<string[]> ErrorsOfAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }

    public static async Task<string> DetailOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    public static async Task<int> CountAsync<T>(InvoicingApp app, Func<ProrataDbContext, IQueryable<T>> rows)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return rows(scope.ServiceProvider.GetRequiredService<ProrataDbContext>()).Count();
    }

    private static async Task PriceListAsync(InvoicingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        if (db.PriceListEntries.Any(e => e.ProductId == Product)) return;
        db.PriceListVersions.Add(new PriceListVersion
        {
            Id = Guid.NewGuid(), Name = "invoicing tests", ImportedAt = app.Time.GetUtcNow(), ImportedBy = "tests", EffectiveFrom = new DateOnly(2026, 1, 1),
            // The purchase is priced in the partner's price-list currency (USD); an EUR contract's customer price from the EUR row.
            Entries = [.. new[] { ("US", "USD"), ("DE", "EUR") }.Select(row => new PriceListEntry
            {
                ProductId = Product, SkuId = Sku, Title = "Tax Test Seat", Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = row.Item1,
                Currency = row.Item2, UnitPrice = 264m, ErpPrice = 316.8m, EffectiveFrom = new DateOnly(2026, 1, 1), Publisher = Publisher.Microsoft,
            })],
        });
        await db.SaveChangesAsync();
    }
}
