using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class InvoiceApiTests(ProrataApp app)
{
    [Fact]
    public async Task BillingRun_ThenInvoice_PdfCsvAndCreditNote()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 23);
        await sales.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = 5 });
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var date = new DateOnly(today.Year, today.Month, 23).AddMonths(2).ToString("yyyy-MM-dd");

        var run = await client.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date });
        var rerun = await client.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date });

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var result = await run.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, true), (result.GetProperty("invoiced").GetInt32(), result.GetProperty("finished").GetBoolean()));
        Assert.Equal(0, (await rerun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoiced").GetInt32());
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?contractId={contractId}");
        var summary = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("issued", "INV-000001"), (summary.GetProperty("status").GetString(), summary.GetProperty("number").GetString()));
        var id = summary.GetProperty("id").GetGuid();

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        var lines = detail.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(detail.GetProperty("total").GetDecimal(), lines.Sum(l => l.GetProperty("amount").GetDecimal()));
        Assert.All(lines, l => Assert.Equal(6.60m, l.GetProperty("unitPrice").GetDecimal()));

        var pdf = await client.GetAsync($"/invoices/{id}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        var csv = (await client.GetStringAsync($"/invoices/export.csv?contractId={contractId}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("InvoiceNumber,Kind,Status,", csv[0]);
        Assert.Equal(lines.Count, csv.Length - 1);

        var credit = await client.PostAsync($"/api/v1/invoices/{id}/credit", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, credit.StatusCode);
        var note = await credit.Content.ReadFromJsonAsync<JsonElement>();
        // Credit notes are numbered in their legal entity's own credit-note sequence.
        Assert.Equal(("creditNote", "CN-000001", -detail.GetProperty("total").GetDecimal()),
            (note.GetProperty("kind").GetString(), note.GetProperty("number").GetString(), note.GetProperty("total").GetDecimal()));
        var again = await client.PostAsync($"/api/v1/invoices/{id}/credit", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task BillingRunPage_ListsItsInvoicesAndTheirTotalsPerCurrencyAndStatus()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);
        // Billing day 17, five months ahead: a date no other test bills.
        var first = await BillingSeed.ContractAsync(app, billingDay: 17);
        var second = await BillingSeed.ContractAsync(app, billingDay: 17);
        foreach (var (contractId, seats) in new[] { (first, 5), (second, 2) })
            await sales.PostAsJsonAsync("/api/v1/subscriptions",
                new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = seats });
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var date = new DateOnly(today.Year, today.Month, 17).AddMonths(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var run = await (await client.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date, issue = false })).Content.ReadFromJsonAsync<JsonElement>();
        var page = await client.GetStringAsync($"/billing/runs/{run.GetProperty("id").GetGuid()}");

        var invoices = new List<JsonElement>();
        foreach (var contractId in new[] { first, second })
            invoices.Add(Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?contractId={contractId}")).GetProperty("items").EnumerateArray()));
        var total = invoices.Sum(i => i.GetProperty("total").GetDecimal());
        Assert.Equal(["USD", "draft", "2", total.ToString("N2", CultureInfo.InvariantCulture), "0.00", total.ToString("N2", CultureInfo.InvariantCulture)],
            PageHtml.Row(page, "run-totals", "USD"));
        // Largest first: the 5 seats' invoice, then the 2 seats'.
        var row = PageHtml.Row(page, "run-invoices", invoices[0].GetProperty("id").GetGuid().ToString());
        Assert.Equal(("draft", "draft", $"{invoices[0].GetProperty("total").GetDecimal():N2} USD"), (row[0], row[2], row[3]));
        Assert.Equal("All 2; every invoice of " + date, PageHtml.Text(page, "run-invoices-count"));
        Assert.True(page.IndexOf(invoices[0].GetProperty("id").GetGuid().ToString(), StringComparison.Ordinal)
            < page.IndexOf(invoices[1].GetProperty("id").GetGuid().ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_AYearOfHistory_IssuedInvoicesNumberedWithoutGapsPerLegalEntity()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var invoices = (await client.GetFromJsonAsync<JsonElement>("/api/v1/invoices?status=issued")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("legalEntityName").GetString()!.StartsWith("Northwind Cloud Services", StringComparison.Ordinal))
            .ToList();

        // Five contracts billed monthly for a year: at least ten invoices each for the US entity (Contoso, Adatum) and the others.
        Assert.True(invoices.Count >= 40, $"{invoices.Count} demo invoices");
        // Each entity's invoices and credit notes count from 1 in sequences of their own, under the entity's prefixes (UK-INV-…).
        foreach (var sequence in invoices.GroupBy(i => (i.GetProperty("legalEntityName").GetString(), i.GetProperty("kind").GetString())))
        {
            var numbers = sequence.Select(i => int.Parse(i.GetProperty("number").GetString()!.Split('-')[^1], CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        }
        Assert.Contains(invoices, i => i.GetProperty("number").GetString()!.StartsWith("UK-INV-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BillingRun_BadDate_Returns400NamingIt()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);

        var response = await client.PostAsJsonAsync("/api/v1/billing-runs", new { date = "2026-02-30" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["date must be a date as yyyy-MM-dd; got '2026-02-30'."], await CustomerApiTests.ProblemErrorsAsync(response, "date"));
    }

    [Theory]
    [InlineData("/subscriptions", "Subscriptions")]
    [InlineData("/invoices", "Invoices")]
    [InlineData("/billing", "Billing runs")]
    public async Task Page_SignedIn_Renders(string path, string heading)
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var html = await client.GetStringAsync(path);

        Assert.Contains($"<h1>{heading}</h1>", html);
    }
}
