using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// MRR read from the stored change log of a fresh German entity's contract (<see cref="InvoicingSeed"/>): 5 seats of a P1Y
/// product billed monthly, bought on 2026-03-14, at the customer's 27.50 a seat and month (the partner's cost 22.00): MRR
/// 5 × 27.50 = 137.50, cost 110.00, margin 27.50, ARR 1,650.00 at the end of March (new) and of April (unchanged). February
/// ended before the purchase: no row.
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
        Assert.Equal(["2026-03", "1", "137.50", "137.50", "0.00", "0.00", "0.00", "0.00", "110.00", "27.50", "1,650.00"], PageHtml.Row(page, "mrr-EUR", "2026-03"));
        Assert.Equal([customer, "EUR", "137.50", "110.00", "27.50", "none"], PageHtml.Row(page, "mrr-customers", customer));
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
