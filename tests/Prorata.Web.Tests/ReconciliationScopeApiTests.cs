using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Identity;
using Prorata.Data.WorkItems;
using Prorata.Web.Features.Reconciliation;

namespace Prorata.Web.Tests;

/// <summary>
/// A recon file matched for the months it covers, its totals per currency, its rows by name and paged, and an import
/// withdrawn: listed for audit, counted nowhere, its work items resolved. Files are built from the what-if March file
/// (scenario-02): its header, and its lines re-dated, re-priced or pointed at another subscription.
/// </summary>
public abstract class ReconciliationScopeApiTests(InvoicingApp app)
{
    private static readonly string[] File = System.IO.File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Files", "scenario-02-march.csv"));

    [Fact]
    public async Task OneMonthFileInUsdAndEur_NothingOfOtherMonthsMissing_TotalsPerCurrency()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var scenario = await System.IO.File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Files", "scenario-02.json"));
        // March's lines of S1 (the raised cycle charge and the seat-change pair), and a 50.00 EUR line of a subscription nobody knows.
        var eur = File[3].Replace("\"S1\"", "\"S9\"").Replace("\"USD\"", "\"EUR\"").Replace("\"132.00\"", "\"50.00\"");
        var csv = string.Join("\n", [File[0], File[3], File[4], File[5], eur]);

        var id = await ImportAsync(csv, scenario);
        var import = await CompletedAsync(client, id);
        var missing = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}/missing");

        var summary = import.GetProperty("summary");
        // The scenario's January, February and April charges are not this file's: only March's are expected (120.00 − 69.67 + 104.51);
        // the seat-change pair matches, the cycle charge is 13.20 a seat instead of 12.00.
        Assert.Equal((2, 1, 1, 0), (summary.GetProperty("matched").GetInt32(), summary.GetProperty("priceMismatch").GetInt32(),
            summary.GetProperty("unknownSubscription").GetInt32(), summary.GetProperty("missingCharge").GetInt32()));
        // No customer invoice covers the unknown EUR line: its 50.00 is unbilled revenue in EUR; the scenario's invoices cover S1.
        Assert.Equal([("EUR", 50.00m, 0m, 50.00m, 50.00m), ("USD", 166.84m, 154.84m, 12.00m, 0m)],
            summary.GetProperty("currencies").EnumerateArray().Select(c => (c.GetProperty("currency").GetString(), c.GetProperty("actualTotal").GetDecimal(),
                c.GetProperty("expectedTotal").GetDecimal(), c.GetProperty("moneyAtStake").GetDecimal(), c.GetProperty("unbilled").GetDecimal())));
        Assert.Equal((0, 1, 100), (missing.GetProperty("total").GetInt32(), missing.GetProperty("page").GetInt32(), missing.GetProperty("pageSize").GetInt32()));
        var page = await client.GetStringAsync($"/reconciliation/{id}");
        Assert.Equal(["EUR", "50.00", "0.00", "50.00", "50.00"], PageHtml.Row(page, "currency-totals", "EUR"));
        Assert.Equal(["USD", "166.84", "154.84", "12.00", "0.00"], PageHtml.Row(page, "currency-totals", "USD"));
    }

    [Fact]
    public async Task StoredFile_RowsByNamePaged_ThenWithdrawn_ListedButCountedNowhere()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customer, subscription) = await SubscriptionAsync(owner);
        // The subscription's month charged at 999.00, which Prorata did not expect, and two lines of subscriptions nobody knows.
        var lines = new[]
        {
            Line(subscription, "cycleCharge", "999.00", "Whatever The File Says"),
            Line(Guid.NewGuid().ToString(), "cycleCharge", "10.00", "Fabrikam File Name"),
            Line(Guid.NewGuid().ToString(), "cycleCharge", "20.00", "Fabrikam File Name"),
        };
        var id = await PostAsync(owner, string.Join("\n", [File[0], .. lines]));
        await CompletedAsync(owner, id);

        var all = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}/discrepancies");
        var second = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}/discrepancies?page=2&pageSize=2");
        var fabrikam = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}/discrepancies?q=fabrikam%20file");
        var missing = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}/missing?q={Uri.EscapeDataString(customer)}");
        var badPage = await owner.GetAsync($"/api/v1/reconciliations/{id}/unbilled?page=0");

        Assert.Equal((3, 1, 2, 1), (all.GetProperty("total").GetInt32(), second.GetProperty("items").GetArrayLength(), fabrikam.GetProperty("total").GetInt32(),
            second.GetProperty("total").GetInt32() - 2));
        var mine = all.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("subscription").GetString() == subscription);
        // Prorata's names for its own subscription, not the file's; the file's name for a subscription Prorata does not know.
        Assert.Equal((customer, "Guard Test Plan", "EUR"), (mine.GetProperty("customer").GetString(), mine.GetProperty("offer").GetString(), mine.GetProperty("currency").GetString()));
        Assert.Equal(["Fabrikam File Name", "Fabrikam File Name"], fabrikam.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("customer").GetString()));
        var expected = Assert.Single(missing.GetProperty("items").EnumerateArray());
        Assert.Equal((customer, "Guard Test Plan", "new", "2026-03-14"), (expected.GetProperty("customer").GetString(), expected.GetProperty("offer").GetString(),
            expected.GetProperty("chargeType").GetString(), expected.GetProperty("chargeStart").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        var page = await owner.GetStringAsync($"/reconciliation/{id}?q={Uri.EscapeDataString(customer)}");
        Assert.Contains($"Guard Test Plan", PageHtml.Row(page, "discrepancies", customer)[2]);

        Assert.True(await OpenItemsAsync(id) > 0);
        var noReason = await owner.PostAsJsonAsync($"/api/v1/reconciliations/{id}/withdraw", new { reason = " " });
        var withdrawn = await owner.PostAsJsonAsync($"/api/v1/reconciliations/{id}/withdraw", new { reason = "Another partner's file" });
        var again = await owner.PostAsJsonAsync($"/api/v1/reconciliations/{id}/withdraw", new { reason = "Twice" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var listed = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/reconciliations")).EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(("done", ProrataApp.EmailOf(StaffRoles.Owner), "Another partner's file", ProrataApp.Now),
            (listed.GetProperty("status").GetString(), listed.GetProperty("withdrawnBy").GetString(), listed.GetProperty("withdrawalReason").GetString(),
                listed.GetProperty("withdrawnAt").GetDateTimeOffset()));
        Assert.Equal(0, await OpenItemsAsync(id));
        var exceptions = await owner.GetFromJsonAsync<JsonElement>("/api/v1/exceptions");
        Assert.True(exceptions.GetProperty("reconciliation").ValueKind == JsonValueKind.Null
            || exceptions.GetProperty("reconciliation").GetProperty("importId").GetGuid() != id);
        Assert.Contains("Withdrawn on 2026-03-14 09:30 by", PageHtml.Text(await owner.GetStringAsync($"/reconciliation/{id}"), "withdrawn"));
        Assert.Contains("withdrawn", PageHtml.Row(await owner.GetStringAsync("/reconciliation"), "recon-imports", id.ToString()));
    }

    private async Task<int> OpenItemsAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var prefix = id.ToString();
        return await db.WorkItems.CountAsync(w => w.SubjectId != null && w.SubjectId.StartsWith(prefix) && w.State == WorkItemState.Open);
    }

    /// <summary>A fresh customer's EUR contract with 4 seats of a P1Y monthly offer titled "Guard Test Plan"; its name and the subscription id.</summary>
    private static async Task<(string Customer, string Subscription)> SubscriptionAsync(HttpClient client)
    {
        var product = $"RCN{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var header = "ProductId,SkuId,ProductTitle,SkuTitle,Publisher,TermDuration,BillingPlan,Market,Currency,UnitPrice,EffectiveStartDate,EffectiveEndDate,ERP Price";
        var list = await client.PostAsync("/api/v1/price-lists?name=recon.csv&confirmWarnings=true", new StringContent(
            $"{header}\n{product},0001,Guard Test,Plan,Microsoft,P1Y,Monthly,US,USD,126,2026-03-01,,\n{product},0001,Guard Test,Plan,Microsoft,P1Y,Monthly,DE,EUR,115.5,2026-03-01,,\n",
            Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, list.StatusCode);
        var entity = await InvoicingSeed.LegalEntityAsync(client, InvoicingSeed.Berlin);
        var customerId = await InvoicingSeed.CustomerAsync(client, InvoicingSeed.Berlin, "DE129273398", "Recon Names");
        var customer = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}")).GetProperty("name").GetString()!;
        var contract = await client.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId, currency = "EUR", billingDay = InvoicingSeed.BillingDay, legalEntityId = entity.GetProperty("id").GetGuid(),
            pricingRules = new object[] { new { productId = "*", method = "markupOnCost", value = 25m } },
        });
        var contractId = (await contract.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var purchase = await client.PostAsJsonAsync("/api/v1/subscriptions", new { contractId, productId = product, skuId = "0001", term = "P1Y", billingPlan = "monthly", quantity = 4 });
        Assert.True(purchase.StatusCode == HttpStatusCode.Created, await purchase.Content.ReadAsStringAsync());
        return (customer, (await purchase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetGuid().ToString());
    }

    /// <summary>The March file's third line for another subscription and customer name, in EUR, for 2026-03-14..2026-04-13 at <paramref name="total"/>.</summary>
    private static string Line(string subscription, string chargeType, string total, string customerName) =>
        File[3].Replace("\"S1\"", $"\"{subscription}\"").Replace("\"USD\"", "\"EUR\"").Replace("\"132.00\"", $"\"{total}\"")
            .Replace("\"Contoso Ltd\"", $"\"{customerName}\"").Replace("\"cycleCharge\"", $"\"{chargeType}\"")
            .Replace("\"2025-03-01\"", "\"2026-03-14\"").Replace("\"2025-03-31\"", "\"2026-04-13\"");

    private async Task<Guid> ImportAsync(string csv, string scenario)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var (import, duplicate) = await app.Services.GetRequiredService<ReconciliationImports>().EnqueueAsync("one-month.csv", content, scenario, CancellationToken.None);
        Assert.False(duplicate);
        return import.Id;
    }

    private static async Task<Guid> PostAsync(HttpClient client, string csv)
    {
        var response = await client.PostAsync("/api/v1/reconciliations?fileName=stored.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> CompletedAsync(HttpClient client, Guid id)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var import = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}");
            if (import.GetProperty("status").GetString() == "done") return import;
            Assert.NotEqual("refused", import.GetProperty("status").GetString());
            await Task.Delay(50);
        }
        throw new TimeoutException($"Import {id} did not finish.");
    }
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteReconciliationScopeApiTests(SqliteInvoicingApp app) : ReconciliationScopeApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresReconciliationScopeApiTests(PostgresInvoicingApp app) : ReconciliationScopeApiTests(app);
