using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Identity;
using Prorata.Application.WorkItems;
using Prorata.Data.WorkItems;

namespace Prorata.Web.Tests;

/// <summary>
/// The exceptions dashboard on an app of its own (the shared one collects other tests' exceptions): each source raised
/// through its real path, then the API's figures and the page's text checked exactly.
/// </summary>
public sealed class ExceptionsApiTests(ProrataApp app) : IClassFixture<ProrataApp>
{
    private static readonly byte[] March = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Files", "scenario-02-march.csv"));

    [Fact]
    public async Task Exceptions_OneOfEachSource_CountedListedAndShownOnThePage()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        // The demo partner's Adatum is on credit hold with a seat increase waiting.
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/exceptions");
        Assert.Equal((1, 0, JsonValueKind.Null, JsonValueKind.Null),
            (before.GetProperty("open").GetInt32(), before.GetProperty("workItemsOpen").GetInt32(), before.GetProperty("reconciliation").ValueKind,
                before.GetProperty("usage").ValueKind));
        Assert.Equal("Adatum Corporation", Assert.Single(before.GetProperty("provisioning").EnumerateArray()).GetProperty("customerName").GetString());

        var admin = await app.SignedInAsAsync(StaffRoles.Owner);
        // A purchase on credit hold waits for provisioning.
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 1);
        var customerName = await HoldAsync(contractId);
        using (var purchase = await admin.PostAsJsonAsync("/api/v1/subscriptions", new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = 3 }))
        {
            Assert.True(purchase.StatusCode == HttpStatusCode.Created, await purchase.Content.ReadAsStringAsync());
        }
        // Usage of two Azure plans Prorata has no subscription for: 3 rows, 10.00 + 2.50 + 1.25 at cost.
        using (var usage = await admin.PostAsync("/api/v1/usage-imports?fileName=usage.csv", Csv(UsageFile(
                   "c-1,11111111-1111-1111-1111-111111111111,e-1,2026-02-10,m-vm,D2s v5,Virtual Machines,/vm1,new,1.00,10,10.00,USD,12.00,USD,1,0,1.00",
                   "c-1,11111111-1111-1111-1111-111111111111,e-1,2026-02-11,m-vm,D2s v5,Virtual Machines,/vm1,new,0.25,10,2.50,USD,3.00,USD,1,0,0.25",
                   "c-2,22222222-2222-2222-2222-222222222222,e-2,2026-02-11,m-lrs,LRS Data Stored,Storage,/sa1,new,0.0125,100,1.25,USD,1.50,USD,1,0,0.0125"))))
        {
            Assert.True(usage.StatusCode == HttpStatusCode.Created, await usage.Content.ReadAsStringAsync());
        }
        // Microsoft's March file: its 5 lines name subscriptions Prorata does not know, and the demo partner's charges
        // of the year are missing from it.
        JsonElement summary;
        Guid importId;
        decimal unbilledRevenue;
        using (var recon = await admin.PostAsync("/api/v1/reconciliations?fileName=march.csv", Csv(March)))
        {
            Assert.True(recon.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"got {recon.StatusCode}");
            var import = await CompletedAsync(admin, (await recon.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
            summary = import.GetProperty("summary");
            importId = import.GetProperty("id").GetGuid();
            unbilledRevenue = import.GetProperty("unbilledRevenue").GetDecimal();
        }
        var unbilledLines = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{importId}/unbilled")).GetProperty("total").GetInt32();
        Assert.Equal((476.51m, 4), (unbilledRevenue, unbilledLines));
        var missing = summary.GetProperty("missingCharge").GetInt32();
        Assert.Equal((0, 5), (summary.GetProperty("matched").GetInt32(), summary.GetProperty("unknownSubscription").GetInt32()));
        Assert.True(missing > 0, "the demo's charges should be missing from March's file");
        long orphan;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            var raiser = scope.ServiceProvider.GetRequiredService<WorkItemRaiser>();
            var open = await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.SyncIssue, "Orphan", WorkItemSubject.PartnerCenterSubscription, "pc-s1",
                "In Partner Center, not in Prorata: import or link it.") { PartnerCenterCustomerId = "pc-c1", PartnerCenterSubscriptionId = "pc-s1" }, CancellationToken.None);
            var settled = await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.SyncIssue, "AutoRenewMismatch", WorkItemSubject.PartnerCenterCustomer, "pc-c1", "settled"),
                CancellationToken.None);
            await db.SaveChangesAsync();
            settled.State = WorkItemState.Resolved;
            await db.SaveChangesAsync();
            orphan = open.Id;
        }

        var overview = await client.GetFromJsonAsync<JsonElement>("/api/v1/exceptions");

        // Work items: 1 sync issue + 5 unknown subscriptions (4 of them also unbilled, one item each) and the missing charges;
        // then 2 Azure plans + 2 subscriptions waiting (Adatum's and ours).
        Assert.Equal((1 + 5 + missing + 2 + 2, 1 + 5 + missing), (overview.GetProperty("open").GetInt32(), overview.GetProperty("workItemsOpen").GetInt32()));
        var reconItems = await client.GetFromJsonAsync<JsonElement>("/api/v1/work-items?kind=reconDiscrepancy&pageSize=200");
        Assert.Equal(5 + missing, reconItems.GetProperty("total").GetInt32());
        Assert.Equal(5, reconItems.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("code").GetString() == "UnknownSubscription"
            && i.GetProperty("link").GetString()!.StartsWith($"/reconciliation/{importId}/rows/", StringComparison.Ordinal)));
        var items = await client.GetFromJsonAsync<JsonElement>("/api/v1/work-items?kind=syncIssue");
        var issue = Assert.Single(items.GetProperty("items").EnumerateArray());
        Assert.Equal((orphan, "syncIssue", "Orphan", "pc-s1", "/partner-center#issues"),
            (issue.GetProperty("id").GetInt64(), issue.GetProperty("kind").GetString(), issue.GetProperty("code").GetString(),
                issue.GetProperty("partnerCenterSubscriptionId").GetString(), issue.GetProperty("link").GetString()));
        var reconciliation = overview.GetProperty("reconciliation");
        Assert.Equal((importId, "march.csv", 4, 476.51m, 5 + missing, summary.GetProperty("moneyAtStake").GetDecimal()),
            (reconciliation.GetProperty("importId").GetGuid(), reconciliation.GetProperty("fileName").GetString(), reconciliation.GetProperty("unbilledLines").GetInt32(), reconciliation.GetProperty("unbilledTotal").GetDecimal(),
                reconciliation.GetProperty("discrepancies").GetInt32(), reconciliation.GetProperty("moneyAtStake").GetDecimal()));
        var usageWaiting = overview.GetProperty("usage");
        Assert.Equal((2, 3L, 13.75m), (usageWaiting.GetProperty("plans").GetInt32(), usageWaiting.GetProperty("rows").GetInt64(), usageWaiting.GetProperty("cost").GetDecimal()));
        Assert.Equal([("Adatum Corporation", true, 1), (customerName, true, 1)], overview.GetProperty("provisioning").EnumerateArray()
            .Select(w => (w.GetProperty("customerName").GetString(), w.GetProperty("creditHold").GetBoolean(), w.GetProperty("subscriptions").GetInt32())));

        var page = Regex.Replace(await client.GetStringAsync("/exceptions"), @"\s+", " ");
        Assert.Contains($"{1 + 5 + missing + 2 + 2} items need a person.", page);
        // Per currency, never added across: this file is all USD.
        Assert.Contains(FormattableString.Invariant($"<strong>unbilled revenue USD 476.51</strong> on 4 Microsoft charges no customer invoice covers; {5 + missing} discrepancies with USD {summary.GetProperty("moneyAtStake").GetDecimal():N2} at stake."), page);
        Assert.Contains("Azure usage of 2 plan(s) no Prorata subscription is linked to: 3 rows, 13.75 at cost", page);
        Assert.Contains($">{customerName}</a></td> <td>1</td> <td>on credit hold: sent when the hold is lifted</td>", page);
        Assert.Contains($"<td>syncIssue</td> <td>Orphan</td> <td><a href=\"/exceptions/{orphan}\">In Partner Center, not in Prorata: import or link it.</a></td>", page);
        Assert.DoesNotContain("settled", page);
        var home = Regex.Replace(await client.GetStringAsync("/"), @"\s+", " ");
        Assert.Contains($"<a class=\"card\" href=\"/exceptions\"><fluent-text size=\"600\" weight=\"semibold\"><h2>{1 + 5 + missing + 2 + 2}</h2></fluent-text> <span>exceptions to look at</span>", home);
        // The dashboard's open work items: the reconciliation's, most, with their money at stake per currency as the list gives
        // it; the sync issue, which has none.
        var reconAtStake = string.Join("; ", reconItems.GetProperty("atStake").EnumerateArray().Where(m => m.GetProperty("currency").ValueKind == JsonValueKind.String
                && m.GetProperty("amount").GetDecimal() != 0)
            .Select(m => FormattableString.Invariant($"{m.GetProperty("currency").GetString()} {m.GetProperty("amount").GetDecimal():N2}")));
        Assert.Equal(["reconDiscrepancy", (5 + missing).ToString(CultureInfo.InvariantCulture), reconAtStake], PageHtml.Row(home, "open-work-items", "kind=reconDiscrepancy"));
        Assert.Equal(["syncIssue", "1", "–"], PageHtml.Row(home, "open-work-items", "kind=syncIssue"));
        Assert.Equal(["reconDiscrepancy", "syncIssue"], Regex.Matches(home[home.IndexOf("id=\"open-work-items\"", StringComparison.Ordinal)..], "kind=(\\w+)").Select(m => m.Groups[1].Value).Take(2));
    }

    [Fact]
    public async Task WorkItems_Workflow_OverTheApiWithRolesAndRefusalsNamingTheField()
    {
        long first, second;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var raiser = scope.ServiceProvider.GetRequiredService<WorkItemRaiser>();
            var a = await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.BillingAlert, "NoPriceInContractCurrency", WorkItemSubject.Subscription, "wf-1",
                "Not billed: no GBP price.") { AmountAtStake = 80m, Currency = "GBP" }, CancellationToken.None);
            var b = await raiser.RaiseAsync(new WorkItemDraft(WorkItemKind.BillingAlert, "NoPriceInContractCurrency", WorkItemSubject.Subscription, "wf-2",
                "Not billed: no GBP price either.") { AmountAtStake = 20m, Currency = "GBP" }, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().SaveChangesAsync();
            (first, second) = (a.Id, b.Id);
        }
        var reader = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);

        using (var denied = await reader.PostAsJsonAsync($"/api/v1/work-items/{first}/resolve", new { resolution = "no" }))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using (var badState = await reader.GetAsync("/api/v1/work-items?state=closed&pageSize=500"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
            var errors = (await badState.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(("state must be open, resolved or all; got 'closed'.", "pageSize must be between 1 and 200; got 500."),
                (errors.GetProperty("state")[0].GetString(), errors.GetProperty("pageSize")[0].GetString()));
        }
        var gbp = await reader.GetFromJsonAsync<JsonElement>("/api/v1/work-items?kind=billingAlert&q=GBP%20price");
        Assert.Equal((2, "GBP", 100m), (gbp.GetProperty("total").GetInt32(), gbp.GetProperty("atStake")[0].GetProperty("currency").GetString(),
            gbp.GetProperty("atStake")[0].GetProperty("amount").GetDecimal()));

        using (var empty = await finance.PostAsJsonAsync($"/api/v1/work-items/{first}/resolve", new { resolution = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Equal("resolution is required: say what was done or why.",
                (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("resolution")[0].GetString());
        }
        using (var assign = await finance.PostAsJsonAsync($"/api/v1/work-items/{first}/assign", new { assignee = "ana@example.com" }))
            Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        using (var resolve = await finance.PostAsJsonAsync($"/api/v1/work-items/{first}/resolve", new { resolution = "GBP price list imported" }))
        {
            var body = await resolve.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("resolved", "ana@example.com", "GBP price list imported", 3),
                (body.GetProperty("state").GetString(), body.GetProperty("assignedTo").GetString(), body.GetProperty("resolution").GetString(), body.GetProperty("notes").GetArrayLength()));
        }
        using (var twice = await finance.PostAsJsonAsync("/api/v1/work-items/resolve", new { ids = new[] { first, second }, resolution = "bulk" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
            Assert.Equal($"work item(s) {first} are already resolved; nothing was changed.",
                (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("ids")[0].GetString());
        }
        using (var reopen = await finance.PostAsJsonAsync($"/api/v1/work-items/{first}/reopen", new { reason = "the list had no row for this SKU" }))
            Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        using (var bulk = await finance.PostAsJsonAsync("/api/v1/work-items/resolve", new { ids = new[] { first, second }, resolution = "prices fixed" }))
            Assert.Equal([first, second], (await bulk.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        using (var missing = await finance.PostAsJsonAsync("/api/v1/work-items/999999/notes", new { text = "hello" }))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var shown = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/work-items/{first}");
        Assert.Equal(["raised", "assigned", "resolved", "reopened", "resolved"], shown.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Exceptions_Anonymous_401()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/exceptions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> HoldAsync(Guid contractId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var customerId = (await db.BillingContracts.SingleAsync(c => c.Id == contractId)).CustomerId;
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        customer.CreditHold = true;
        await db.SaveChangesAsync();
        return customer.Name;
    }

    private static byte[] UsageFile(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n",
        ["CustomerId,SubscriptionId,EntitlementId,UsageDate,MeterId,MeterName,MeterCategory,ResourceURI,ChargeType,UnitPrice,Quantity,BillingPreTaxTotal,BillingCurrency,"
            + "PricingPreTaxTotal,PricingCurrency,PCToBCExchangeRate,PartnerEarnedCreditPercentage,EffectiveUnitPrice", .. rows]) + "\n");

    private static ByteArrayContent Csv(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static async Task<JsonElement> CompletedAsync(HttpClient client, Guid id)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var import = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}");
            if (import.GetProperty("status").GetString() == "done") return import;
            Assert.NotEqual("refused", import.GetProperty("status").GetString());
            await Task.Delay(50);
        }
        throw new TimeoutException($"Import {id} did not finish.");
    }
}
