using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// MRR read from the stored change log of a fresh German entity's contract (<see cref="InvoicingSeed"/>): 5 seats of a P1Y
/// product billed monthly, bought on 2026-03-14, at the customer's 27.50 a seat and month (the partner's cost 22.00): MRR
/// 5 × 27.50 = 137.50, cost 110.00, margin 27.50, ARR 1,650.00 at the end of March (new) and of April (unchanged). February
/// ended before the purchase: no row. The rows per product and legal entity, usage and converted totals read
/// <see cref="MrrSeed"/>'s book.
/// </summary>
public abstract class MrrApiTests(InvoicingApp app)
{
    [Fact]
    public async Task Mrr_ContractsPurchase_FromItsMonthOnWithItsMovementAsJsonCsvAndPage()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (_, entity, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, owner);
        var id = entity.GetProperty("id").GetGuid();
        var customer = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}")).GetProperty("name").GetString()!;

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/mrr?from=2026-02&to=2026-04&legalEntityId={id}");
        var csv = await client.GetStringAsync($"/api/v1/metrics/mrr.csv?from=2026-03&to=2026-04&legalEntityId={id}");
        var page = await client.GetStringAsync($"/insight/mrr?from=2026-02&to=2026-04&legalEntityId={id}");

        Assert.Equal(
            [
                ("2026-03", customerId, customer, "EUR", 137.50m, 110.00m, 1650.00m, 27.50m, "new"),
                ("2026-04", customerId, customer, "EUR", 137.50m, 110.00m, 1650.00m, 27.50m, "none"),
            ],
            view.GetProperty("customers").EnumerateArray().Select(c => (c.GetProperty("month").GetString(), c.GetProperty("customerId").GetGuid(),
                c.GetProperty("customerName").GetString(), c.GetProperty("currency").GetString(), c.GetProperty("mrr").GetDecimal(), c.GetProperty("mrrCost").GetDecimal(),
                c.GetProperty("arr").GetDecimal(), c.GetProperty("margin").GetDecimal(), c.GetProperty("movement").GetString())));
        Assert.Equal(
            [("2026-03", "EUR", 1, 137.50m, 137.50m, 0m, 0m, 0m, 0m), ("2026-04", "EUR", 1, 137.50m, 0m, 0m, 0m, 0m, 0m)],
            view.GetProperty("months").EnumerateArray().Select(m => (m.GetProperty("month").GetString(), m.GetProperty("currency").GetString(),
                m.GetProperty("customers").GetInt32(), m.GetProperty("mrr").GetDecimal(), m.GetProperty("new").GetDecimal(), m.GetProperty("expansion").GetDecimal(),
                m.GetProperty("contraction").GetDecimal(), m.GetProperty("churn").GetDecimal(), m.GetProperty("reactivation").GetDecimal())));
        Assert.Equal($"Month,Customer,Currency,Mrr,MrrCost,Arr,Margin,Movement\r\n2026-03,{customer},EUR,137.50,110.00,1650.00,27.50,new\r\n"
            + $"2026-04,{customer},EUR,137.50,110.00,1650.00,27.50,none\r\n", csv);
        Assert.Equal(["2026-03", "1", "137.50", "137.50", "0.00", "0.00", "0.00", "0.00", "110.00", "27.50", "1,650.00", "0.00"], PageHtml.Row(page, "mrr-EUR", "2026-03"));
        Assert.Equal([customer, "EUR", "137.50", "110.00", "27.50", "none"], PageHtml.Row(page, "mrr-customers", customer));
    }

    [Fact]
    public async Task Mrr_ByProduct_EachProductAndCurrencyItsOwnHistoryWithUsageBesideTheMonthlyTotals()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var seed = await MrrSeed.CreateAsync(app);

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/mrr?from=2025-11&to=2026-02&legalEntityId={seed.X}&by=product");

        Assert.Equal("product", view.GetProperty("by").GetString());
        Assert.Equal(0, view.GetProperty("customers").GetArrayLength());
        // Entity X's products, by name ("Add-on" before "Seats"), then currency. Add-on: 4 × 12.50 = 50.00 (cost 4 × 10.00) from
        // December, cancelled in February: churn. Seats in EUR: 2 × 25.00 = 50.00 from December. Seats in USD: 10 × 25.00 = 250.00
        // (cost 200.00) in November, 6 × 25.00 = 150.00 (cost 120.00) from January: contraction, whatever the Add-ons did.
        Assert.Equal(
            [
                ("2025-12", "MRR-ADDON", "Mrr Test Add-on", "USD", 50.00m, 40.00m, 600.00m, 10.00m, "new"),
                ("2026-01", "MRR-ADDON", "Mrr Test Add-on", "USD", 50.00m, 40.00m, 600.00m, 10.00m, "none"),
                ("2026-02", "MRR-ADDON", "Mrr Test Add-on", "USD", 0m, 0m, 0m, 0m, "churn"),
                ("2025-12", "MRR-SEATS", "Mrr Test Seats", "EUR", 50.00m, 40.00m, 600.00m, 10.00m, "new"),
                ("2026-01", "MRR-SEATS", "Mrr Test Seats", "EUR", 50.00m, 40.00m, 600.00m, 10.00m, "none"),
                ("2026-02", "MRR-SEATS", "Mrr Test Seats", "EUR", 50.00m, 40.00m, 600.00m, 10.00m, "none"),
                ("2025-11", "MRR-SEATS", "Mrr Test Seats", "USD", 250.00m, 200.00m, 3000.00m, 50.00m, "new"),
                ("2025-12", "MRR-SEATS", "Mrr Test Seats", "USD", 250.00m, 200.00m, 3000.00m, 50.00m, "none"),
                ("2026-01", "MRR-SEATS", "Mrr Test Seats", "USD", 150.00m, 120.00m, 1800.00m, 30.00m, "contraction"),
                ("2026-02", "MRR-SEATS", "Mrr Test Seats", "USD", 150.00m, 120.00m, 1800.00m, 30.00m, "none"),
            ],
            view.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("month").GetString(), g.GetProperty("key").GetString(), g.GetProperty("name").GetString(),
                g.GetProperty("currency").GetString(), g.GetProperty("mrr").GetDecimal(), g.GetProperty("mrrCost").GetDecimal(), g.GetProperty("arr").GetDecimal(),
                g.GetProperty("margin").GetDecimal(), g.GetProperty("movement").GetString())));
        // The monthly totals are the customers' whatever the rows are per. USD (C1): 250.00 new; + 50.00 of Add-ons (expansion);
        // 6 + 4: 200.00 (contraction 100.00); Add-ons cancelled: 150.00 (contraction 50.00). EUR (C2): 50.00 from December; its
        // Azure plan's January rows cost 80.00 + 20.00 = 100.00, at cost + 25 %: usage 125.00, February's 8.00: 10.00 — beside MRR.
        Assert.Equal(
            [
                ("2025-12", "EUR", 1, 50.00m, 40.00m, 600.00m, 10.00m, 50.00m, 0m, 0m, 0m, 0m, 0m),
                ("2026-01", "EUR", 1, 50.00m, 40.00m, 600.00m, 10.00m, 0m, 0m, 0m, 0m, 0m, 125.00m),
                ("2026-02", "EUR", 1, 50.00m, 40.00m, 600.00m, 10.00m, 0m, 0m, 0m, 0m, 0m, 10.00m),
                ("2025-11", "USD", 1, 250.00m, 200.00m, 3000.00m, 50.00m, 250.00m, 0m, 0m, 0m, 0m, 0m),
                ("2025-12", "USD", 1, 300.00m, 240.00m, 3600.00m, 60.00m, 0m, 50.00m, 0m, 0m, 0m, 0m),
                ("2026-01", "USD", 1, 200.00m, 160.00m, 2400.00m, 40.00m, 0m, 0m, 100.00m, 0m, 0m, 0m),
                ("2026-02", "USD", 1, 150.00m, 120.00m, 1800.00m, 30.00m, 0m, 0m, 50.00m, 0m, 0m, 0m),
            ],
            view.GetProperty("months").EnumerateArray().Select(m => (m.GetProperty("month").GetString(), m.GetProperty("currency").GetString(),
                m.GetProperty("customers").GetInt32(), m.GetProperty("mrr").GetDecimal(), m.GetProperty("mrrCost").GetDecimal(), m.GetProperty("arr").GetDecimal(),
                m.GetProperty("margin").GetDecimal(), m.GetProperty("new").GetDecimal(), m.GetProperty("expansion").GetDecimal(), m.GetProperty("contraction").GetDecimal(),
                m.GetProperty("churn").GetDecimal(), m.GetProperty("reactivation").GetDecimal(), m.GetProperty("usage").GetDecimal())));
        Assert.False(view.TryGetProperty("converted", out _));
    }

    [Fact]
    public async Task Mrr_ByProductAndLegalEntity_AsCsvAndPage()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var seed = await MrrSeed.CreateAsync(app);

        var products = await client.GetStringAsync($"/api/v1/metrics/mrr.csv?from=2026-01&to=2026-02&legalEntityId={seed.X}&by=product");
        var entities = await client.GetStringAsync($"/api/v1/metrics/mrr.csv?from=2026-02&to=2026-02&legalEntityId={seed.X}&by=legalEntity");
        var page = await client.GetStringAsync($"/insight/mrr?from=2025-11&to=2026-02&legalEntityId={seed.X}&by=product");
        var unknown = await client.GetStringAsync("/insight/mrr?by=seller");

        // January moves against December, played though not asked for.
        Assert.Equal("Month,ProductId,Product,Currency,Mrr,MrrCost,Arr,Margin,Movement\r\n"
            + "2026-01,MRR-ADDON,Mrr Test Add-on,USD,50.00,40.00,600.00,10.00,none\r\n"
            + "2026-02,MRR-ADDON,Mrr Test Add-on,USD,0.00,0.00,0.00,0.00,churn\r\n"
            + "2026-01,MRR-SEATS,Mrr Test Seats,EUR,50.00,40.00,600.00,10.00,none\r\n"
            + "2026-02,MRR-SEATS,Mrr Test Seats,EUR,50.00,40.00,600.00,10.00,none\r\n"
            + "2026-01,MRR-SEATS,Mrr Test Seats,USD,150.00,120.00,1800.00,30.00,contraction\r\n"
            + "2026-02,MRR-SEATS,Mrr Test Seats,USD,150.00,120.00,1800.00,30.00,none\r\n", products);
        // Entity X in USD: 200.00 in January (6 Seats, 4 Add-ons), 150.00 in February.
        Assert.Equal("Month,LegalEntity,Currency,Mrr,MrrCost,Arr,Margin,Movement\r\n"
            + $"2026-02,{seed.XName},EUR,50.00,40.00,600.00,10.00,none\r\n"
            + $"2026-02,{seed.XName},USD,150.00,120.00,1800.00,30.00,contraction\r\n", entities);
        Assert.Equal(["2026-01", "1", "50.00", "0.00", "0.00", "0.00", "0.00", "0.00", "40.00", "10.00", "600.00", "125.00"], PageHtml.Row(page, "mrr-EUR", "2026-01"));
        Assert.Contains("Products at the end of 2026-02", page, StringComparison.Ordinal);
        Assert.Equal(["Mrr Test Add-on (MRR-ADDON)", "USD", "0.00", "0.00", "0.00", "churn"], PageHtml.Row(page, "mrr-groups", "MRR-ADDON"));
        Assert.Contains("by must be one of customer, product, legalEntity, salesperson; got &#x27;seller&#x27;.", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mrr_ByLegalEntity_EachEntityAndCurrencyItsOwnHistory()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var seed = await MrrSeed.CreateAsync(app);

        var view = await client.GetFromJsonAsync<JsonElement>("/api/v1/metrics/mrr?from=2025-11&to=2026-02&by=legalEntity");

        Assert.Equal("legalEntity", view.GetProperty("by").GetString());
        // Every entity of the database is there; these two by name. X in EUR is C2's 50.00 from December; X in USD is C1's; Y is
        // C3's 1 seat from January: 25.00, cost 20.00, ARR 300.00, margin 5.00.
        Assert.Equal(
            [
                ("2025-12", seed.XName, "EUR", 50.00m, 40.00m, 600.00m, 10.00m, "new"),
                ("2026-01", seed.XName, "EUR", 50.00m, 40.00m, 600.00m, 10.00m, "none"),
                ("2026-02", seed.XName, "EUR", 50.00m, 40.00m, 600.00m, 10.00m, "none"),
                ("2025-11", seed.XName, "USD", 250.00m, 200.00m, 3000.00m, 50.00m, "new"),
                ("2025-12", seed.XName, "USD", 300.00m, 240.00m, 3600.00m, 60.00m, "expansion"),
                ("2026-01", seed.XName, "USD", 200.00m, 160.00m, 2400.00m, 40.00m, "contraction"),
                ("2026-02", seed.XName, "USD", 150.00m, 120.00m, 1800.00m, 30.00m, "contraction"),
                ("2026-01", seed.YName, "USD", 25.00m, 20.00m, 300.00m, 5.00m, "new"),
                ("2026-02", seed.YName, "USD", 25.00m, 20.00m, 300.00m, 5.00m, "none"),
            ],
            view.GetProperty("groups").EnumerateArray()
                .Where(g => g.GetProperty("key").GetString() == seed.X.ToString() || g.GetProperty("key").GetString() == seed.Y.ToString())
                .Select(g => (g.GetProperty("month").GetString(), g.GetProperty("name").GetString(), g.GetProperty("currency").GetString(), g.GetProperty("mrr").GetDecimal(),
                    g.GetProperty("mrrCost").GetDecimal(), g.GetProperty("arr").GetDecimal(), g.GetProperty("margin").GetDecimal(), g.GetProperty("movement").GetString())));
    }

    [Fact]
    public async Task Mrr_BySalesperson_WhoSellsTheContractAtEachMonthEnd_AsJsonCsvAndPage()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var seed = await MrrSeed.CreateAsync(app);
        var ana = await CommissionSeed.SalespersonAsync(owner, $"Ana {Guid.NewGuid():N}");
        var ben = await CommissionSeed.SalespersonAsync(owner, $"Ben {Guid.NewGuid():N}");
        var anaName = await NameOfAsync(owner, ana);
        var benName = await NameOfAsync(owner, ben);
        // C1 (USD) is Ana's from 2025-11-01 and Ben's from 2026-01-31, the last day of January: January's month end is his.
        // C3 (entity Y, USD) is Ana's from 2026-02-01. C2 (EUR) nobody sells.
        await AssignAsync(owner, seed.C1Usd, ana, "2025-11-01");
        await AssignAsync(owner, seed.C1Usd, ben, "2026-01-31");
        await AssignAsync(owner, seed.C3Usd, ana, "2026-02-01");

        var view = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/mrr?from=2025-11&to=2026-02&by=salesperson");
        var csv = await owner.GetStringAsync($"/api/v1/metrics/mrr.csv?from=2026-02&to=2026-02&legalEntityId={seed.X}&by=salesperson");
        var page = await owner.GetStringAsync($"/insight/mrr?from=2026-01&to=2026-02&legalEntityId={seed.X}&by=salesperson");

        Assert.Equal("salesperson", view.GetProperty("by").GetString());
        // Ana: C1's 250.00 (10 seats) in November, 300.00 in December (4 add-ons more); in January the contract is Ben's, so
        // Ana churns; in February she has C3's 1 seat (25.00), a reactivation. Ben: C1 from January, 200.00 (6 seats and the
        // add-ons), then 150.00 when the add-ons are cancelled. Nobody: C2's 2 EUR seats from December, and C3's seat in January.
        var mine = new HashSet<string> { ana.ToString(), ben.ToString() };
        Assert.Equal(
            [
                ("2025-11", anaName, "USD", 250.00m, 200.00m, 50.00m, "new"),
                ("2025-12", anaName, "USD", 300.00m, 240.00m, 60.00m, "expansion"),
                ("2026-01", anaName, "USD", 0.00m, 0.00m, 0.00m, "churn"),
                ("2026-02", anaName, "USD", 25.00m, 20.00m, 5.00m, "reactivation"),
                ("2026-01", benName, "USD", 200.00m, 160.00m, 40.00m, "new"),
                ("2026-02", benName, "USD", 150.00m, 120.00m, 30.00m, "contraction"),
            ],
            view.GetProperty("groups").EnumerateArray().Where(g => mine.Contains(g.GetProperty("key").GetString()!))
                .Select(g => (g.GetProperty("month").GetString(), g.GetProperty("name").GetString(), g.GetProperty("currency").GetString(),
                    g.GetProperty("mrr").GetDecimal(), g.GetProperty("mrrCost").GetDecimal(), g.GetProperty("margin").GetDecimal(), g.GetProperty("movement").GetString())));
        Assert.Equal("No salesperson", view.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("key").GetString() == "unassigned").GetProperty("name").GetString());
        // Entity X alone in February: Ana at 0 since her churn in January, Ben's C1 in USD and the unassigned C2 in EUR.
        Assert.Equal("Month,Salesperson,Currency,Mrr,MrrCost,Arr,Margin,Movement\r\n"
            + $"2026-02,{anaName},USD,0.00,0.00,0.00,0.00,none\r\n"
            + $"2026-02,{benName},USD,150.00,120.00,1800.00,30.00,contraction\r\n"
            + "2026-02,No salesperson,EUR,50.00,40.00,600.00,10.00,none\r\n", csv);
        Assert.Contains("Salespeople at the end of 2026-02", page, StringComparison.Ordinal);
        Assert.Equal([benName, "USD", "150.00", "120.00", "30.00", "contraction"], PageHtml.Row(page, "mrr-groups", benName));
    }

    private static async Task<string> NameOfAsync(HttpClient client, Guid salespersonId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/salespeople/{salespersonId}")).GetProperty("name").GetString()!;

    private static async Task AssignAsync(HttpClient client, Guid contractId, Guid salespersonId, string from)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/contracts/{contractId}/salesperson", new { salespersonId, from });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Mrr_ConvertedToEur_OneLabelledRowPerMonthBesideThePerCurrencyTotals()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var seed = await MrrSeed.CreateAsync(app);

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/mrr?from=2025-11&to=2026-02&legalEntityId={seed.X}&convertTo=EUR&rates=USD:0.92,GBP:1.17");

        // November: USD only, 250.00 × 0.92 = 230.00, cost 200.00 × 0.92 = 184.00. December: 300.00 × 0.92 + 50.00 = 326.00, cost
        // 240.00 × 0.92 + 40.00 = 260.80. January: 200.00 × 0.92 + 50.00 = 234.00, cost 147.20 + 40.00 = 187.20, usage 125.00 (EUR).
        // February: 150.00 × 0.92 + 50.00 = 188.00, cost 110.40 + 40.00 = 150.40, usage 10.00. ARR = 12 × MRR, margin = MRR − cost.
        Assert.Equal(
            [
                ("2025-11", "EUR", "USD 0.92", 230.00m, 184.00m, 2760.00m, 46.00m, 0m),
                ("2025-12", "EUR", "EUR 1, USD 0.92", 326.00m, 260.80m, 3912.00m, 65.20m, 0m),
                ("2026-01", "EUR", "EUR 1, USD 0.92", 234.00m, 187.20m, 2808.00m, 46.80m, 125.00m),
                ("2026-02", "EUR", "EUR 1, USD 0.92", 188.00m, 150.40m, 2256.00m, 37.60m, 10.00m),
            ],
            view.GetProperty("converted").EnumerateArray().Select(c => (c.GetProperty("month").GetString(), c.GetProperty("currency").GetString(),
                string.Join(", ", c.GetProperty("rates").EnumerateObject().Select(r => $"{r.Name} {r.Value.GetDecimal()}")), c.GetProperty("mrr").GetDecimal(),
                c.GetProperty("mrrCost").GetDecimal(), c.GetProperty("arr").GetDecimal(), c.GetProperty("margin").GetDecimal(), c.GetProperty("usage").GetDecimal())));
        // The per-currency totals are still there, unchanged: 3 EUR months and 4 USD months.
        Assert.Equal([("EUR", 50.00m), ("EUR", 50.00m), ("EUR", 50.00m), ("USD", 250.00m), ("USD", 300.00m), ("USD", 200.00m), ("USD", 150.00m)],
            view.GetProperty("months").EnumerateArray().Select(m => (m.GetProperty("currency").GetString(), m.GetProperty("mrr").GetDecimal())));
    }

    [Fact]
    public async Task Mrr_ConvertToWithoutTheRateOfACurrencyPresent_Is422NamingIt()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var seed = await MrrSeed.CreateAsync(app);

        var response = await client.GetAsync($"/api/v1/metrics/mrr?from=2025-11&to=2026-02&legalEntityId={seed.X}&convertTo=EUR&rates=GBP:1.17");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("missingRate", "No rate to EUR was stated for USD, which these months have: add USD:RATE to rates."),
            (problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("by=seller", "by", "by must be one of customer, product, legalEntity, salesperson; got 'seller'.")]
    [InlineData("convertTo=EUR&rates=USD:abc", "rates", "rates must be written CODE:RATE,…, such as USD:0.92,GBP:1.17 (units of EUR per 1 unit of CODE); got 'USD:abc'.")]
    [InlineData("convertTo=EUR&rates=USD:0", "rates", "rates: the rate of USD must be above 0; got 0.")]
    [InlineData("convertTo=XYZ&rates=USD:0.92", "convertTo", "convertTo must be an ISO 4217 currency code, such as EUR; got 'XYZ'.")]
    [InlineData("rates=USD:0.92", "convertTo", "convertTo must name the currency the rates convert to; got rates 'USD:0.92' without it.")]
    public async Task Mrr_UnknownByOrBadRates_Is400NamingTheField(string query, string field, string message)
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var response = await client.GetAsync($"/api/v1/metrics/mrr?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await InvoicingSeed.ErrorsOfAsync(response, field));
    }

    [Fact]
    public async Task Mrr_BadMonth_Is400NamingTheField()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var response = await client.GetAsync("/api/v1/metrics/mrr?from=March");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["from must be a month written yyyy-MM, such as 2026-01; got 'March'."], await InvoicingSeed.ErrorsOfAsync(response, "from"));
    }
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteMrrApiTests(SqliteInvoicingApp app) : MrrApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresMrrApiTests(PostgresInvoicingApp app) : MrrApiTests(app);
