using System.Net;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// The checks of a price-list import against the list it replaces, the subscriptions running and the app's day
/// (2026-03-14): warnings that hold the import until confirmed, warnings shown with the imported list, the sample file,
/// and a version's rows paged, filtered and exported. Each test imports its own baseline first (confirmed, since it
/// replaces whatever list the test before left).
/// </summary>
public abstract class PriceListImportApiTests(InvoicingApp app)
{
    private const string Header = "ProductId,SkuId,ProductTitle,SkuTitle,Publisher,TermDuration,BillingPlan,Market,Currency,UnitPrice,EffectiveStartDate,EffectiveEndDate,ERP Price";

    [Fact]
    public async Task Import_PartialListDroppingAnOfferInUse_Held422UntilConfirmed_ThenKeptWithItsWarnings()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Owner);
        var (kept, dropped) = (Product("GRD"), Product("GRD"));
        var baseline = await ImportAsync(finance, Csv(
            Row(kept, "P1Y", "Annual", "US", "USD", 120m), Row(kept, "P1Y", "Annual", "DE", "EUR", 110m),
            Row(kept, "P1Y", "Monthly", "US", "USD", 126m), Row(kept, "P1Y", "Monthly", "DE", "EUR", 115.5m),
            Row(dropped, "P1Y", "Annual", "US", "USD", 120m), Row(dropped, "P1Y", "Annual", "DE", "EUR", 110m),
            Row(dropped, "P1Y", "Monthly", "US", "USD", 126m), Row(dropped, "P1Y", "Monthly", "DE", "EUR", 115.5m)), confirm: true);
        Assert.Equal(HttpStatusCode.Created, baseline.StatusCode);
        await BuyAsync(finance, dropped, seats: 3);
        var versions = (await finance.GetFromJsonAsync<JsonElement>("/api/v1/price-lists")).GetArrayLength();
        var partial = Csv(Row(kept, "P1Y", "Annual", "US", "USD", 120m), Row(kept, "P1Y", "Annual", "DE", "EUR", 110m));

        var held = await ImportAsync(finance, partial, confirm: false);
        var versionsAfterHeld = (await finance.GetFromJsonAsync<JsonElement>("/api/v1/price-lists")).GetArrayLength();
        var confirmed = await ImportAsync(finance, partial, confirm: true);

        var expected = new[]
        {
            ("partialList", true, "The file has 1 offers of 1 products; the list it replaces had 4 offers of 2 products, and 1 of those products are missing entirely. "
                + "Is the file complete?", $"{dropped} Guard Test Plan: 2 offers missing"),
            ("removedOfferInUse", true, "1 offers of the list it replaces are not in the file while 1 running subscriptions use them: Microsoft may have ended their sale, "
                + "or the file is cut.", $"{dropped}/0001 Guard Test Plan P1Y monthly: 1 subscriptions"),
        };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, held.StatusCode);
        var problem = await held.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("priceListWarningsUnconfirmed", problem.GetProperty("code").GetString());
        Assert.Equal(expected, Warnings(problem.GetProperty("warnings")));
        Assert.Equal($"Not imported: partialList: {expected[0].Item3} removedOfferInUse: {expected[1].Item3} "
            + "If the file is right, import it again confirming the warnings (confirmWarnings=true).", problem.GetProperty("detail").GetString());
        Assert.Equal(versions, versionsAfterHeld);

        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var result = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, Warnings(result.GetProperty("warnings")));
        var id = result.GetProperty("version").GetProperty("id").GetGuid();
        var listed = (await finance.GetFromJsonAsync<JsonElement>("/api/v1/price-lists")).EnumerateArray().Single(v => v.GetProperty("id").GetGuid() == id);
        Assert.Equal(expected, Warnings(listed.GetProperty("warnings")));
        var page = await finance.GetStringAsync($"/catalog/price-lists/{id}");
        Assert.Contains($"<li>{dropped}/0001 Guard Test Plan P1Y monthly: 1 subscriptions</li>", page);
        Assert.Contains("<strong>partialList (confirmed at import)</strong>", page);
    }

    [Fact]
    public async Task Import_CostMovesFarDateAndMonthlyPricedP1Y_ImportedWithTheWarnings()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var (offer, later) = (Product("MOV"), Product("MOV"));
        Assert.Equal(HttpStatusCode.Created, (await ImportAsync(finance, Csv(
            Row(offer, "P1Y", "Annual", "US", "USD", 120m), Row(offer, "P1Y", "Monthly", "US", "USD", 126m), Row(offer, "P1M", "Monthly", "US", "USD", 12m)), confirm: true)).StatusCode);

        // The P1Y monthly row carries a month's price (10.50) instead of the year's; the annual row moves 8 %, P1M a third.
        var response = await ImportAsync(finance, Csv(
            Row(offer, "P1Y", "Annual", "US", "USD", 130m), Row(offer, "P1Y", "Monthly", "US", "USD", 10.5m), Row(offer, "P1M", "Monthly", "US", "USD", 16m),
            Row(later, "P1M", "Monthly", "US", "USD", 16m, "2027-06-01")), confirm: false);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var warnings = Warnings((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings"), allRows: true);
        Assert.Equal(
            [
                ("costChange", false, "2 offers cost more than 25 % more or less than in the list it replaces.",
                    $"{offer}/0001 Guard Test Plan P1Y monthly USD: 126.00 → 10.50 (-91.7 %)|{offer}/0001 Guard Test Plan P1M monthly USD: 12.00 → 16.00 (+33.3 %)"),
                ("effectiveDate", false, "1 rows take effect far from the import day 2026-03-14: 1 after 2027-03-14 (more than 12 months ahead), 0 before 2026-02-14 "
                    + "(more than 1 month back). Check the start dates.", $"{later}/0001 Guard Test Plan P1M monthly USD: from 2027-06-01"),
                ("termPriceLooksPerCycle", false, "1 rows billed in several cycles carry what looks like one cycle's price; a price list gives the whole term's price "
                    + "(a P1Y row billed monthly holds the year's price, charged a twelfth a month), so these would bill a fraction of the cost.",
                    $"{offer}/0001 Guard Test Plan P1Y monthly USD: 10.50 × 12 cycles = 126.00, close to the P1Y annual price 130.00"),
            ],
            warnings);
    }

    [Fact]
    public async Task Sample_ImportsItsRows_AndAgainWithoutAnyWarning()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var catalog = await finance.GetStringAsync("/catalog");
        var sample = await finance.GetByteArrayAsync("/samples/price-list-sample.csv");

        var first = await ImportAsync(finance, Encoding.UTF8.GetString(sample), confirm: true);
        var again = await ImportAsync(finance, Encoding.UTF8.GetString(sample), confirm: false);

        Assert.Contains("href=\"/samples/price-list-sample.csv\"", catalog);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var result = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((18, 1, 0), (result.GetProperty("version").GetProperty("rowCount").GetInt32(), result.GetProperty("skipped").GetInt32(),
            result.GetProperty("warnings").GetArrayLength()));
    }

    [Fact]
    public async Task Rows_PagedFilteredAndExported()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var sample = Encoding.UTF8.GetString(await finance.GetByteArrayAsync("/samples/price-list-sample.csv"));
        var id = (await (await ImportAsync(finance, sample, confirm: true)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetProperty("id").GetGuid();

        var page = await finance.GetFromJsonAsync<JsonElement>($"/api/v1/price-lists/{id}/rows?q=lchc&page=2&pageSize=4");
        var all = await finance.GetFromJsonAsync<JsonElement>($"/api/v1/price-lists/{id}/rows");
        var badPage = await finance.GetAsync($"/api/v1/price-lists/{id}/rows?page=0&pageSize=1001");
        var unknown = await finance.GetAsync($"/api/v1/price-lists/{Guid.NewGuid()}/rows");
        var csv = await finance.GetStringAsync($"/api/v1/price-lists/{id}/rows.csv?q=CFQ7TTC0LFLZ/0001");
        var html = await finance.GetStringAsync($"/catalog/price-lists/{id}?q=Premium");

        Assert.Equal((6, 2, 4), (page.GetProperty("total").GetInt32(), page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()));
        Assert.Equal([("DE", "EUR", "P1Y", "monthly", 255.02m, 21.251667m), ("DE", "EUR", "P1M", "monthly", 24.29m, 24.29m)],
            page.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("market").GetString(), r.GetProperty("currency").GetString(), r.GetProperty("term").GetString(),
                r.GetProperty("billingPlan").GetString(), r.GetProperty("unitPrice").GetDecimal(), Math.Round(r.GetProperty("cyclePrice").GetDecimal(), 6))));
        Assert.Equal((18, 1, 100, 18), (all.GetProperty("total").GetInt32(), all.GetProperty("page").GetInt32(), all.GetProperty("pageSize").GetInt32(),
            all.GetProperty("items").GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        var errors = (await badPage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(("page must be 1 or more; got 0.", "pageSize must be between 1 and 1000; got 1001."),
            (errors.GetProperty("page")[0].GetString(), errors.GetProperty("pageSize")[0].GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("ProductId,SkuId,ProductTitle,TermDuration,BillingPlan,Market,Currency,UnitPrice,ERP Price,EffectiveStartDate,EffectiveEndDate\r\n"
            + "CFQ7TTC0LFLZ,0001,Microsoft 365 E3,P1Y,Annual,US,USD,432.00,518.40,2026-03-01,\r\n"
            + "CFQ7TTC0LFLZ,0001,Microsoft 365 E3,P1Y,Monthly,US,USD,453.60,544.32,2026-03-01,\r\n"
            + "CFQ7TTC0LFLZ,0001,Microsoft 365 E3,P1M,Monthly,US,USD,43.20,51.84,2026-03-01,\r\n"
            + "CFQ7TTC0LFLZ,0001,Microsoft 365 E3,P1Y,Annual,DE,EUR,397.44,476.93,2026-03-01,\r\n"
            + "CFQ7TTC0LFLZ,0001,Microsoft 365 E3,P1Y,Monthly,DE,EUR,417.31,500.77,2026-03-01,\r\n"
            + "CFQ7TTC0LFLZ,0001,Microsoft 365 E3,P1M,Monthly,DE,EUR,39.74,47.69,2026-03-01,\r\n", csv);
        Assert.Equal("1–6 of 6", PageHtml.Text(html, "rows-pager"));
        Assert.Equal(6, PageHtml.RowCount(html, "price-rows"));
        Assert.Equal(["Microsoft 365 Business Premium CFQ7TTC0LCHC/0002", "P1Y", "monthly", "DE", "EUR", "255.02", "21.2517", "306.02", "2026-03-01", ""],
            PageHtml.Row(html, "price-rows", "255.02"));
    }

    [Fact]
    public async Task ImportForm_PartialList_BackOnTheCatalogWithItsWarnings_ThenTheTickedBoxImportsIt()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var (kept, dropped) = (Product("FRM"), Product("FRM"));
        Assert.Equal(HttpStatusCode.Created, (await ImportAsync(finance, Csv(Row(kept, "P1Y", "Annual", "US", "USD", 120m), Row(dropped, "P1Y", "Annual", "US", "USD", 120m)),
            confirm: true)).StatusCode);
        var partial = Csv(Row(kept, "P1Y", "Annual", "US", "USD", 120m));

        var held = await PostFormAsync(finance, partial, confirm: false);
        var heldPage = await finance.GetStringAsync(held.Headers.Location!.OriginalString);
        var imported = await PostFormAsync(finance, partial, confirm: true);

        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.StartsWith("/catalog?error=", held.Headers.Location!.OriginalString);
        Assert.Contains("Not imported: partialList: The file has 1 offers of 1 products; the list it replaces had 2 offers of 2 products", WebUtility.HtmlDecode(heldPage));
        Assert.Equal($"{dropped} Guard Test Plan: 1 offers missing", PageHtml.Text(heldPage, "held-rows"));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.StartsWith("/catalog/price-lists/", imported.Headers.Location!.OriginalString);
        Assert.Contains("<strong>partialList (confirmed at import)</strong>", await finance.GetStringAsync(imported.Headers.Location!.OriginalString));
    }

    /// <summary>The catalog page's import form, with its antiforgery token, the file and the box ticked or not.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string csv, bool confirm)
    {
        var page = await client.GetStringAsync("/catalog");
        var form = page[page.IndexOf("action=\"/catalog/import\"", StringComparison.Ordinal)..];
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"").Groups["value"].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("atRenewal"), "rollout" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "partial.csv" },
        };
        if (confirm) content.Add(new StringContent("true"), "confirmWarnings");
        return await client.PostAsync("/catalog/import", content);
    }

    private static string Product(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..12].ToUpperInvariant();

    private static string Row(string product, string term, string plan, string market, string currency, decimal price, string from = "2026-03-01") =>
        $"{product},0001,Guard Test,Plan,Microsoft,{term},{plan},{market},{currency},{price},{from}T00:00:00Z,,";

    private static string Csv(params string[] rows) => $"{Header}\n{string.Join("\n", rows)}\n";

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv, bool confirm) =>
        client.PostAsync($"/api/v1/price-lists?name=guard.csv{(confirm ? "&confirmWarnings=true" : "")}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>An EUR contract of a fresh customer buying the offer's P1Y monthly term.</summary>
    private static async Task BuyAsync(HttpClient client, string product, int seats)
    {
        var entity = await InvoicingSeed.LegalEntityAsync(client, InvoicingSeed.Berlin);
        var customerId = await InvoicingSeed.CustomerAsync(client, InvoicingSeed.Berlin, "DE129273398");
        var contract = await client.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId, currency = "EUR", billingDay = InvoicingSeed.BillingDay, legalEntityId = entity.GetProperty("id").GetGuid(),
            pricingRules = new object[] { new { productId = "*", method = "markupOnCost", value = 25m } },
        });
        var contractId = (await contract.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var purchase = await client.PostAsJsonAsync("/api/v1/subscriptions", new { contractId, productId = product, skuId = "0001", term = "P1Y", billingPlan = "monthly", quantity = seats });
        Assert.True(purchase.StatusCode == HttpStatusCode.Created, await purchase.Content.ReadAsStringAsync());
    }

    private static List<(string, bool, string, string)> Warnings(JsonElement warnings, bool allRows = false) =>
        [.. warnings.EnumerateArray().Select(w => (w.GetProperty("kind").GetString()!, w.GetProperty("needsConfirmation").GetBoolean(), w.GetProperty("message").GetString()!,
            string.Join("|", w.GetProperty("rows").EnumerateArray().Select(r => r.GetString()).Take(allRows ? int.MaxValue : 1))))];
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqlitePriceListImportApiTests(SqliteInvoicingApp app) : PriceListImportApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresPriceListImportApiTests(PostgresInvoicingApp app) : PriceListImportApiTests(app);
