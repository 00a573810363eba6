using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>/api/v1/tax-rates, the built-in rate table (billing-rules §5). Each test keeps to countries no other test uses.</summary>
public abstract class TaxRateApiTests(InvoicingApp app)
{
    [Fact]
    public async Task Create_Valid_Returns201AndListsIt()
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);

        var response = await client.PostAsJsonAsync("/api/v1/tax-rates",
            new { country = "at", rate = 20m, name = "USt", effectiveFrom = "2026-01-01", effectiveTo = "2026-12-31" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/tax-rates?country=AT")).EnumerateArray());
        Assert.Equal(created.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        Assert.Equal(("AT", 20m, "USt", "2026-01-01", "2026-12-31"),
            (listed.GetProperty("country").GetString(), listed.GetProperty("rate").GetDecimal(), listed.GetProperty("name").GetString(),
                listed.GetProperty("effectiveFrom").GetString(), listed.GetProperty("effectiveTo").GetString()));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("region").ValueKind);
    }

    [Fact]
    public async Task Create_Rate150_Returns400NamingRateAndWritesNothing()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var before = await InvoicingSeed.CountAsync(app, db => db.TaxRates);

        var response = await client.PostAsJsonAsync("/api/v1/tax-rates", new { country = "PT", rate = 150m, name = "IVA", effectiveFrom = "2026-01-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["rate must be between 0 and 100; got 150."], await InvoicingSeed.ErrorsOfAsync(response, "rate"));
        Assert.Equal(before, await InvoicingSeed.CountAsync(app, db => db.TaxRates));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/tax-rates?country=PT")).GetArrayLength());
    }

    [Fact]
    public async Task Create_OverlappingRowOfTheSameCountry_Returns409NamingTheRowItOverlaps()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var first = await client.PostAsJsonAsync("/api/v1/tax-rates", new { country = "BE", rate = 21m, name = "BTW", effectiveFrom = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var overlapping = await client.PostAsJsonAsync("/api/v1/tax-rates", new { country = "BE", rate = 17m, name = "BTW", effectiveFrom = "2026-07-01" });
        var otherRegion = await client.PostAsJsonAsync("/api/v1/tax-rates", new { country = "BE", region = "BRU", rate = 17m, name = "BTW", effectiveFrom = "2026-07-01" });

        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
        Assert.Equal("The BE rate from 2026-07-01 overlaps the 21 % row in force from 2026-01-01: end that row first (effectiveTo), so each date finds one rate.",
            await InvoicingSeed.DetailOfAsync(overlapping));
        // A region's row is a place of its own: it does not overlap the country's.
        Assert.Equal(HttpStatusCode.Created, otherRegion.StatusCode);
        var rows = (await client.GetFromJsonAsync<JsonElement>("/api/v1/tax-rates?country=BE")).EnumerateArray()
            .Select(r => (r.GetProperty("region").GetString() ?? "", r.GetProperty("rate").GetDecimal())).Order().ToList();
        Assert.Equal([("", 21m), ("BRU", 17m)], rows);
    }

    [Fact]
    public async Task Create_AfterTheEarlierRowEnds_NoOverlap()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var first = await client.PostAsJsonAsync("/api/v1/tax-rates", new { country = "LU", rate = 17m, name = "TVA", effectiveFrom = "2026-01-01", effectiveTo = "2026-06-30" });

        var next = await client.PostAsJsonAsync("/api/v1/tax-rates", new { country = "LU", rate = 16m, name = "TVA", effectiveFrom = "2026-07-01" });
        var dayTooEarly = await client.PostAsJsonAsync("/api/v1/tax-rates", new { country = "LU", rate = 15m, name = "TVA", effectiveFrom = "2025-01-01", effectiveTo = "2026-01-01" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict), (first.StatusCode, next.StatusCode, dayTooEarly.StatusCode));
        Assert.Equal("The LU rate from 2025-01-01 overlaps the 17 % row in force from 2026-01-01 to 2026-06-30: end that row first (effectiveTo), so each date finds one rate.",
            await InvoicingSeed.DetailOfAsync(dayTooEarly));
    }

    [Fact]
    public async Task List_FilteredByCountry_OnlyThatCountrysRowsInDateOrder()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        foreach (var row in new object[]
                 {
                     new { country = "IT", rate = 22m, name = "IVA", effectiveFrom = "2026-01-01" },
                     new { country = "ES", rate = 21m, name = "IVA", effectiveFrom = "2026-01-01" },
                     new { country = "IT", rate = 20m, name = "IVA", effectiveFrom = "2025-01-01", effectiveTo = "2025-12-31" },
                 })
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/tax-rates", row)).StatusCode);
        }
        var reader = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var italy = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/tax-rates?country=it")).EnumerateArray()
            .Select(r => (r.GetProperty("country").GetString(), r.GetProperty("rate").GetDecimal(), r.GetProperty("effectiveFrom").GetString())).ToList();

        Assert.Equal([("IT", 20m, "2025-01-01"), ("IT", 22m, "2026-01-01")], italy);
    }
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteTaxRateApiTests(SqliteInvoicingApp app) : TaxRateApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresTaxRateApiTests(PostgresInvoicingApp app) : TaxRateApiTests(app);
