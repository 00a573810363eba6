using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// The deferred revenue schedule of a fresh German entity's INV-000001 of 2026-04-14 (<see cref="InvoicingSeed"/>): its line
/// 03-14..04-13 (137.50) is all served before the invoice date, so recognised in April; its line 04-14..05-13 (137.50, 30
/// days) is earned 17 days in April (137.50 × 17 ÷ 30 = 77.916… → 77.92) and 13 in May (59.58). April: billed 275.00,
/// recognised 215.42, closing 59.58; May recognises the rest.
/// </summary>
public abstract class DeferredRevenueApiTests(InvoicingApp app)
{
    [Fact]
    public async Task DeferredRevenue_EntitysInvoice_RecognisedOverItsServiceDaysAsJsonCsvAndPage()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var entity = await InvoicedEntityAsync();
        var id = entity.GetProperty("id").GetGuid();
        var name = entity.GetProperty("name").GetString()!;

        var rows = await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/deferred-revenue?from=2026-03&to=2026-06&legalEntityId={id}");
        var csv = await client.GetStringAsync($"/api/v1/metrics/deferred-revenue.csv?from=2026-04&to=2026-05&legalEntityId={id}");
        var page = await client.GetStringAsync($"/insight/deferred-revenue?from=2026-03&to=2026-06&legalEntityId={id}");

        Assert.Equal(
            [
                (name, "EUR", "2026-03", 0.00m, 0.00m, 0.00m, 0.00m),
                (name, "EUR", "2026-04", 0.00m, 275.00m, 215.42m, 59.58m),
                (name, "EUR", "2026-05", 59.58m, 0.00m, 59.58m, 0.00m),
                (name, "EUR", "2026-06", 0.00m, 0.00m, 0.00m, 0.00m),
            ],
            rows.EnumerateArray().Select(r => (r.GetProperty("legalEntityName").GetString(), r.GetProperty("currency").GetString(), r.GetProperty("month").GetString(),
                r.GetProperty("opening").GetDecimal(), r.GetProperty("billed").GetDecimal(), r.GetProperty("recognised").GetDecimal(), r.GetProperty("closing").GetDecimal())));
        Assert.Equal($"LegalEntity,Currency,Month,Opening,Billed,Recognised,Closing\r\n{name},EUR,2026-04,0.00,275.00,215.42,59.58\r\n{name},EUR,2026-05,59.58,0.00,59.58,0.00\r\n", csv);
        Assert.Equal(["2026-04", "0.00", "275.00", "215.42", "59.58"], PageHtml.Row(page, $"deferred-{id}-EUR", "2026-04"));
        Assert.Equal(["2026-05", "59.58", "0.00", "59.58", "0.00"], PageHtml.Row(page, $"deferred-{id}-EUR", "2026-05"));
        Assert.Contains($"href=\"/api/v1/metrics/deferred-revenue.csv?from=2026-03&amp;to=2026-06&amp;legalEntityId={id}\"", page);
    }

    [Theory]
    [InlineData("from=2026-13", "from", "from must be a month written yyyy-MM, such as 2026-01; got '2026-13'.")]
    [InlineData("from=2026-05&to=2026-04", "to", "to must not be before from (2026-05); got 2026-04.")]
    [InlineData("from=2000-01&to=2026-04", "to", "a report covers at most 120 months; 2000-01 to 2026-04 is 316.")]
    public async Task DeferredRevenue_BadRange_Is400NamingTheField(string query, string field, string message)
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var response = await client.GetAsync($"/api/v1/metrics/deferred-revenue?{query}");
        var csv = await client.GetAsync($"/api/v1/metrics/deferred-revenue.csv?{query}");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (response.StatusCode, csv.StatusCode));
        Assert.Equal([message], await InvoicingSeed.ErrorsOfAsync(response, field));
    }

    /// <summary>A fresh German entity with its issued INV-000001; the invoice's lines are checked so the figures above can be trusted.</summary>
    private async Task<JsonElement> InvoicedEntityAsync()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (invoice, entity, _) = await InvoicingSeed.GermanInvoiceAsync(app, owner);
        Assert.Equal([("2026-03-14", "2026-04-13", 137.50m), ("2026-04-14", "2026-05-13", 137.50m)],
            invoice.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("periodStart").GetString(), l.GetProperty("periodEnd").GetString(), l.GetProperty("amount").GetDecimal()))
                .OrderBy(l => l.Item1));
        Assert.Equal("2026-04-14", invoice.GetProperty("billingDate").GetString());
        return entity;
    }
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteDeferredRevenueApiTests(SqliteInvoicingApp app) : DeferredRevenueApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresDeferredRevenueApiTests(PostgresInvoicingApp app) : DeferredRevenueApiTests(app);
