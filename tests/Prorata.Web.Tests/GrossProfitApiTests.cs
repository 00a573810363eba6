using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Identity;
using Prorata.Data.Reconciliation;

namespace Prorata.Web.Tests;

/// <summary>
/// Gross profit of a fresh German entity's invoice (<see cref="InvoicingSeed"/>): INV-000001 of 2026-04-14 bills 5 seats at
/// the customer's 27.50 for two months (137.50 a line) against the partner's cost of 22.00 a seat and month (110.00 a line):
/// gross profit 27.50 a line, 55.00 in all, margin 55.00 ÷ 275.00 = 20.00 %.
/// </summary>
public abstract class GrossProfitApiTests(InvoicingApp app)
{
    [Fact]
    public async Task GrossProfit_ByProductCustomerMonthAndLine_FromTheCostStoredWithEachLine()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (invoice, entity, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, owner, customerName: "Gross Profit GmbH");
        var id = entity.GetProperty("id").GetGuid();
        var customer = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}")).GetProperty("name").GetString()!;
        var query = $"from=2026-04&to=2026-04&legalEntityId={id}";

        var byProduct = await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/gross-profit?by=product&{query}");
        var byCustomer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/gross-profit?by=customer&{query}");
        var byMonth = await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/gross-profit?by=month&from=2026-03&to=2026-05&legalEntityId={id}");
        var byLine = await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/gross-profit?by=line&{query}");
        var csv = await client.GetStringAsync($"/api/v1/metrics/gross-profit.csv?by=product&{query}");
        var page = await client.GetStringAsync($"/insight/gross-profit?by=customer&{query}");

        Assert.Equal([(InvoicingSeed.Product, "Tax Test Seat", "EUR", 2, 275.00m, 220.00m, 55.00m, (decimal?)20.00m, 0m, (decimal?)null)], Groups(byProduct));
        Assert.Equal([(customerId.ToString(), customer, "EUR", 2, 275.00m, 220.00m, 55.00m, (decimal?)20.00m, 0m, (decimal?)null)], Groups(byCustomer));
        // Months by invoice date: nothing was issued in March or May.
        Assert.Equal([("2026-04", "2026-04", "EUR", 2, 275.00m, 220.00m, 55.00m, (decimal?)20.00m, 0m, (decimal?)null)], Groups(byMonth));
        var number = invoice.GetProperty("number").GetString();
        Assert.Equal(
            [
                (number, 1, "2026-03-14", "2026-04-13", 137.50m, (decimal?)110.00m, (decimal?)27.50m, (decimal?)20.00m, (decimal?)null),
                (number, 2, "2026-04-14", "2026-05-13", 137.50m, (decimal?)110.00m, (decimal?)27.50m, (decimal?)20.00m, (decimal?)null),
            ],
            byLine.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("invoiceNumber").GetString(), l.GetProperty("position").GetInt32(),
                l.GetProperty("periodStart").GetString(), l.GetProperty("periodEnd").GetString(), l.GetProperty("amount").GetDecimal(), Decimal(l, "cost"),
                Decimal(l, "grossProfit"), Decimal(l, "marginPercent"), Decimal(l, "floorShortfall"))));
        Assert.False(byLine.GetProperty("truncated").GetBoolean());
        Assert.Equal("Key,Name,Currency,Lines,Amount,Cost,GrossProfit,MarginPercent,AmountWithoutCost,MicrosoftDifference,ReconciledCost,ReconciledGrossProfit\r\n"
            + $"{InvoicingSeed.Product},Tax Test Seat,EUR,2,275.00,220.00,55.00,20.00,0.00,,,\r\n", csv);
        Assert.Equal([customer, "EUR", "2", "275.00", "220.00", "55.00", "20.00", "", "", ""], PageHtml.Row(page, "gross-profit", customer));
    }

    [Fact]
    public async Task GrossProfit_MicrosoftChargedMoreThanExpected_ReconciledFiguresTakeTheDifference()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (invoice, entity, _) = await InvoicingSeed.GermanInvoiceAsync(app, owner, customerName: "Recon Margin AG");
        var subscription = invoice.GetProperty("lines")[0].GetProperty("subscriptionId").GetGuid();
        // Microsoft's file: the April charge expected at 110.00 was billed at 115.00 (+5.00), and a charge of 3.00 nobody expected.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            var import = new ReconImport
            {
                Id = Guid.NewGuid(), FileName = "recon-april.csv", Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), ReceivedAt = app.Time.GetUtcNow(),
                FinishedAt = app.Time.GetUtcNow(), Rows = 2,
            };
            db.ReconImports.Add(import);
            db.ReconImportLines.AddRange(
                ReconLine(import.Id, 1, subscription, new DateOnly(2026, 4, 14), 115.00m, 110.00m, "AmountMismatch"),
                ReconLine(import.Id, 2, subscription, new DateOnly(2026, 4, 20), 3.00m, null, "UnexpectedCharge"));
            await db.SaveChangesAsync();
        }

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/gross-profit?by=product&from=2026-04&to=2026-04&legalEntityId={entity.GetProperty("id").GetGuid()}");

        // Cost 220.00 + (115.00 − 110.00) + 3.00 = 228.00; gross profit 275.00 − 228.00 = 47.00.
        var row = Assert.Single(view.GetProperty("groups").EnumerateArray());
        Assert.Equal((220.00m, 55.00m, (decimal?)8.00m, (decimal?)228.00m, (decimal?)47.00m),
            (row.GetProperty("cost").GetDecimal(), row.GetProperty("grossProfit").GetDecimal(), Decimal(row, "microsoftDifference"), Decimal(row, "reconciledCost"),
                Decimal(row, "reconciledGrossProfit")));
    }

    [Fact]
    public async Task MarginFloor_LineUnderCostPlusFloor_IsAWorkItemAndShowsItsShortfall()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        // 30 % over cost: each 110.00 line must bill at least 143.00; 137.50 is 5.50 short.
        var set = await owner.PutAsJsonAsync($"/api/v1/margin-floors/{InvoicingSeed.Product}", new { percent = 30m });
        Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        try
        {
            var floors = await owner.GetFromJsonAsync<JsonElement>("/api/v1/margin-floors");
            Assert.Equal([(InvoicingSeed.Product, 30m)], floors.EnumerateArray().Select(f => (f.GetProperty("productId").GetString(), f.GetProperty("percent").GetDecimal())));

            var (invoice, entity, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, owner, customerName: "Thin Margin KG");
            var subscription = invoice.GetProperty("lines")[0].GetProperty("subscriptionId").GetGuid();

            var items = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/work-items?kind=marginBelowFloor&customerId={customerId}")).GetProperty("items");
            var item = Assert.Single(items.EnumerateArray());
            Assert.Equal(("BelowFloor", "subscription", subscription.ToString(), (decimal?)5.50m, "EUR"),
                (item.GetProperty("code").GetString(), item.GetProperty("subjectKind").GetString(), item.GetProperty("subjectId").GetString(), Decimal(item, "amountAtStake"),
                    item.GetProperty("currency").GetString()));
            Assert.Equal($"{InvoicingSeed.Sku} ({InvoicingSeed.Product}) billed 137.50 EUR (5 × 27.50 for 30 of 30 days) against a provider cost of 110.00: under cost + 30 % "
                + $"({InvoicingSeed.Product}'s floor) = 143.00, 5.50 short. A stacked promotion, or a Microsoft price rise not yet passed on?", item.GetProperty("message").GetString());
            var lines = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/gross-profit?by=line&from=2026-04&to=2026-04&legalEntityId={entity.GetProperty("id").GetGuid()}");
            Assert.Equal([5.50m, 5.50m], lines.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("floorShortfall").GetDecimal()));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await RemoveFloorAsync(owner)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await RemoveFloorAsync(owner)).StatusCode);
    }

    [Fact]
    public async Task MarginFloor_BadInput_Is400NamingTheFieldAndSavesNothing()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var reader = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var negative = await owner.PutAsJsonAsync("/api/v1/margin-floors/*", new { percent = -1m });
        var unknown = await owner.PutAsJsonAsync("/api/v1/margin-floors/NOPE-0001", new { percent = 5m });
        var forbidden = await reader.PutAsJsonAsync("/api/v1/margin-floors/*", new { percent = 5m });
        var badBy = await reader.GetAsync("/api/v1/metrics/gross-profit?by=weekly");

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(["percent must be a percentage of the provider cost from 0 to 1000; got -1."], await InvoicingSeed.ErrorsOfAsync(negative, "percent"));
        Assert.Equal(["productId must be a product of the catalog or a price list, or * for the partner's floor; got 'NOPE-0001'."],
            await InvoicingSeed.ErrorsOfAsync(unknown, "productId"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(["by must be one of line, customer, product, contract, month; got 'weekly'."], await InvoicingSeed.ErrorsOfAsync(badBy, "by"));
        Assert.Equal(0, await InvoicingSeed.CountAsync(app, db => db.MarginFloors));
    }

    private static List<(string?, string?, string?, int, decimal, decimal, decimal, decimal?, decimal, decimal?)> Groups(JsonElement view) =>
        view.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("key").GetString(), g.GetProperty("name").GetString(), g.GetProperty("currency").GetString(),
            g.GetProperty("lines").GetInt32(), g.GetProperty("amount").GetDecimal(), g.GetProperty("cost").GetDecimal(), g.GetProperty("grossProfit").GetDecimal(),
            Decimal(g, "marginPercent"), g.GetProperty("amountWithoutCost").GetDecimal(), Decimal(g, "microsoftDifference"))).ToList();

    private static Task<HttpResponseMessage> RemoveFloorAsync(HttpClient client) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/margin-floors/{InvoicingSeed.Product}") { Content = JsonContent.Create(new { }) });

    private static decimal? Decimal(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();

    private static ReconImportLine ReconLine(Guid import, long row, Guid subscription, DateOnly start, decimal total, decimal? expected, string state) => new()
    {
        ImportId = import, Row = row, CustomerId = "tenant", SubscriptionId = subscription.ToString(), ProductId = InvoicingSeed.Product, SkuId = InvoicingSeed.Sku,
        ChargeType = "cycleCharge", ChargeStart = start, ChargeEnd = start.AddMonths(1).AddDays(-1), UnitPrice = 22m, EffectiveUnitPrice = 22m, BillableQuantity = 5m,
        Subtotal = total, Total = total, Currency = "EUR", ReferenceId = "", PromotionId = "", State = state, ExpectedTotal = expected, MoneyAtStake = total - (expected ?? 0m),
        RootCause = "None",
    };
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteGrossProfitApiTests(SqliteInvoicingApp app) : GrossProfitApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresGrossProfitApiTests(PostgresInvoicingApp app) : GrossProfitApiTests(app);
