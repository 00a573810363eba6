using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// A billing run over the API taxes each stored invoice per line (billing-rules §5), and issuing numbers invoices per
/// legal entity with its prefix (issue 11). Every invoice here has two lines of 137.50 (see <see cref="InvoicingSeed"/>).
/// </summary>
public abstract class InvoiceTaxApiTests(InvoicingApp app)
{
    /// <summary>
    /// A German seller: a German customer pays 19 % per line (137.50 × 19 % = 26.125 → 26.13, half away from zero; 52.26
    /// for the invoice, where 19 % of the 275.00 subtotal would be 52.25); a Dutch business with a VAT id is
    /// reverse-charged; a US customer is outside the scope of EU VAT.
    /// </summary>
    [Theory]
    [InlineData("DE", null, "DE129273398", "standard", "26.13", "19", "USt", "52.26", "327.26")]
    [InlineData("NL", null, "NL004495445B01", "reverseCharge", "0", "0", null, "0", "275.00")]
    [InlineData("US", "WA", null, "outsideScope", "0", "0", null, "0", "275.00")]
    public async Task BillingRun_GermanEntity_TaxesEachLineByTheCustomersCountry(string country, string? region, string? taxId, string treatment,
        string lineTax, string rate, string? taxName, string taxTotal, string total)
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        await InvoicingSeed.GermanRateAsync(client);
        var entity = await InvoicingSeed.LegalEntityAsync(client, InvoicingSeed.Berlin);
        var customerId = await InvoicingSeed.CustomerAsync(client, new { line1 = "Main Street 1", city = "Somewhere", postalCode = "1000", region, country }, taxId);
        var contractId = await InvoicingSeed.ContractWithSeatsAsync(app, client, customerId, entity.GetProperty("id").GetGuid());

        await InvoicingSeed.BillAsync(client);

        var invoice = await InvoicingSeed.InvoiceOfAsync(client, contractId);
        var lines = invoice.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("periodStart").GetString(), l.GetProperty("amount").GetDecimal(), l.GetProperty("tax").GetDecimal(),
                l.GetProperty("taxRate").GetDecimal(), l.GetProperty("taxName").GetString()))
            .ToList();
        var (tax, percent) = (Number(lineTax), Number(rate));
        Assert.Equal([("2026-03-14", 137.50m, tax, percent, taxName), ("2026-04-14", 137.50m, tax, percent, taxName)], lines);
        Assert.Equal(("issued", "INV-000001", treatment, 275.00m, Number(taxTotal), Number(total)),
            (invoice.GetProperty("status").GetString(), invoice.GetProperty("number").GetString(), invoice.GetProperty("taxTreatment").GetString(),
                invoice.GetProperty("subtotal").GetDecimal(), invoice.GetProperty("taxTotal").GetDecimal(), invoice.GetProperty("total").GetDecimal()));
        // The entity's default terms (30 days) from the invoice date.
        Assert.Equal("2026-05-14", invoice.GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task BillingRun_CustomerWithoutBillingAddress_NoRateAndOneWorkItem()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        await InvoicingSeed.GermanRateAsync(client);
        var entity = await InvoicingSeed.LegalEntityAsync(client, InvoicingSeed.Berlin);
        var customerId = await InvoicingSeed.CustomerAsync(client, billingAddress: null, name: "Nowhere Ltd");
        var contractId = await InvoicingSeed.ContractWithSeatsAsync(app, client, customerId, entity.GetProperty("id").GetGuid());

        await InvoicingSeed.BillAsync(client);

        var invoice = await InvoicingSeed.InvoiceOfAsync(client, contractId);
        Assert.Equal(("noRate", 275.00m, 0m, 275.00m),
            (invoice.GetProperty("taxTreatment").GetString(), invoice.GetProperty("subtotal").GetDecimal(), invoice.GetProperty("taxTotal").GetDecimal(),
                invoice.GetProperty("total").GetDecimal()));
        Assert.All(invoice.GetProperty("lines").EnumerateArray(), l => Assert.Equal((0m, 0m), (l.GetProperty("tax").GetDecimal(), l.GetProperty("taxRate").GetDecimal())));
        var items = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/work-items?kind=invoiceProblem&customerId={customerId}")).GetProperty("items");
        var item = Assert.Single(items.EnumerateArray());
        Assert.Equal(("NoTaxRate", "open", "customer", customerId.ToString(), contractId),
            (item.GetProperty("code").GetString(), item.GetProperty("state").GetString(), item.GetProperty("subjectKind").GetString(),
                item.GetProperty("subjectId").GetString(), item.GetProperty("contractId").GetGuid()));
        Assert.Contains("has no billing country", item.GetProperty("message").GetString());
    }

    [Fact]
    public async Task EntityWithoutAddress_InvoicesStayDraftsUntilItHasOne_ThenNumberedPerEntityWithItsPrefix()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        await InvoicingSeed.GermanRateAsync(client);
        var entity = await InvoicingSeed.LegalEntityAsync(client, address: null, invoicePrefix: "DE-");
        var (entityId, name) = (entity.GetProperty("id").GetGuid(), entity.GetProperty("name").GetString()!);
        var noAddress = $"Legal entity '{name}' has no address; an invoice must name the seller's address. Complete it under Legal entities.";
        Assert.Equal((false, noAddress), (entity.GetProperty("canIssue").GetBoolean(), entity.GetProperty("cannotIssueReason").GetString()));
        var customerId = await InvoicingSeed.CustomerAsync(client, InvoicingSeed.Berlin);
        var contractId = await InvoicingSeed.ContractWithSeatsAsync(app, client, customerId, entityId);

        await InvoicingSeed.BillAsync(client);
        var draft = await InvoicingSeed.InvoiceOfAsync(client, contractId);
        var id = draft.GetProperty("id").GetGuid();
        var refused = await client.PostAsync($"/api/v1/invoices/{id}/issue", JsonContent.Create(new { }));

        Assert.Equal(("draft", JsonValueKind.Null), (draft.GetProperty("status").GetString(), draft.GetProperty("number").ValueKind));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(noAddress, await InvoicingSeed.DetailOfAsync(refused));
        Assert.Equal("draft", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}")).GetProperty("status").GetString());
        var problems = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/work-items?code=SellerAddressMissing&customerId={customerId}")).GetProperty("items");
        Assert.Equal(entityId.ToString(), Assert.Single(problems.EnumerateArray()).GetProperty("subjectId").GetString());

        var completed = await client.PutAsJsonAsync($"/api/v1/legal-entities/{entityId}", new
        {
            name, address = InvoicingSeed.Berlin, taxId = "DE811569869", currency = "EUR", invoicePrefix = "DE-", version = entity.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var issued = await client.PostAsync($"/api/v1/invoices/{id}/issue", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var invoice = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        Assert.Equal(("issued", "DE-000001", "standard", 52.26m, 327.26m),
            (invoice.GetProperty("status").GetString(), invoice.GetProperty("number").GetString(), invoice.GetProperty("taxTreatment").GetString(),
                invoice.GetProperty("taxTotal").GetDecimal(), invoice.GetProperty("total").GetDecimal()));

        // The entity's next invoice continues its own sequence; another entity with the same prefix starts at 1, its numbers not shared.
        var other = await InvoicingSeed.LegalEntityAsync(client, InvoicingSeed.Berlin, invoicePrefix: "DE-");
        var secondContract = await InvoicingSeed.ContractWithSeatsAsync(app, client, customerId, entityId);
        var otherContract = await InvoicingSeed.ContractWithSeatsAsync(app, client, customerId, other.GetProperty("id").GetGuid());
        await InvoicingSeed.BillAsync(client);

        Assert.Equal(("DE-000002", "DE-000001"),
            ((await InvoicingSeed.InvoiceOfAsync(client, secondContract)).GetProperty("number").GetString(),
                (await InvoicingSeed.InvoiceOfAsync(client, otherContract)).GetProperty("number").GetString()));
    }

    [Fact]
    public async Task SecondEntity_OwnPrefix_ItsFirstInvoiceIsNumberOne()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        await InvoicingSeed.GermanRateAsync(client);
        var germany = await InvoicingSeed.LegalEntityAsync(client, InvoicingSeed.Berlin, invoicePrefix: "DE-");
        var austria = await InvoicingSeed.LegalEntityAsync(client, InvoicingSeed.Address("Kärntner Straße 1", "Wien", "1010", "AT"), invoicePrefix: "AT-",
            taxId: "ATU13585627");
        var customerId = await InvoicingSeed.CustomerAsync(client, InvoicingSeed.Berlin);
        var contracts = new List<Guid>();
        foreach (var entity in new[] { germany, germany, austria })
            contracts.Add(await InvoicingSeed.ContractWithSeatsAsync(app, client, customerId, entity.GetProperty("id").GetGuid()));

        await InvoicingSeed.BillAsync(client);

        var invoices = new List<(string?, string?)>();
        foreach (var contract in contracts)
        {
            var invoice = await InvoicingSeed.InvoiceOfAsync(client, contract);
            invoices.Add((invoice.GetProperty("number").GetString(), invoice.GetProperty("taxTreatment").GetString()));
        }
        // The two German contracts may be billed in either order (PostgreSQL stores a run's invoices in parallel). The
        // Austrian seller's German customer has no VAT id, so it is not reverse-charged: it pays the German rate.
        Assert.Equal(["DE-000001", "DE-000002"], invoices.Take(2).Select(i => i.Item1).Order());
        Assert.Equal(("AT-000001", "standard"), invoices[2]);
        Assert.All(invoices, i => Assert.Equal("standard", i.Item2));
    }

    private static decimal Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteInvoiceTaxApiTests(SqliteInvoicingApp app) : InvoiceTaxApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresInvoiceTaxApiTests(PostgresInvoicingApp app) : InvoiceTaxApiTests(app);
