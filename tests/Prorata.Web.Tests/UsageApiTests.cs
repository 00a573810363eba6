using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Identity;
using Prorata.Data.PartnerCenter;

namespace Prorata.Web.Tests;

/// <summary>Azure usage through the API and the pages: a daily-rated usage file imported, billed in arrears, traced both ways.</summary>
[Collection(AppCollection.Name)]
public sealed class UsageApiTests(ProrataApp app)
{
    private const string Header = "CustomerId,SubscriptionId,EntitlementId,UsageDate,MeterId,MeterName,MeterCategory,ResourceURI,ChargeType,UnitPrice,Quantity,"
        + "BillingPreTaxTotal,BillingCurrency,PricingPreTaxTotal,PricingCurrency,PCToBCExchangeRate,PartnerEarnedCreditPercentage,EffectiveUnitPrice,Tags";

    [Fact]
    public async Task Import_ThenBillingRun_UsageLineAtTheContractsMarkupTracedBackToItsRowsAndForward()
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 26);
        var plan = await client.PostAsJsonAsync("/api/v1/subscriptions", new { contractId, productId = "AZURE-PLAN", skuId = "DZH318Z0BPS6", quantity = 1 });
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var planId = (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetGuid();
        var file = Csv(
            $"c-1,{planId},e-1,2026-02-10,m-vm,D2s v5,Virtual Machines,/vm1,new,3.00,24,61.20,USD,72.00,USD,1,15,2.55,\"{{\"\"env\"\":\"\"prod\"\"}}\"",
            $"c-1,{planId},e-1,2026-02-11,m-lrs,LRS Data Stored,Storage,/sa1,new,0.025,100,2.13,USD,2.50,USD,1,0,0.0213,",
            $"c-1,{Guid.NewGuid()},e-9,2026-02-11,m-lrs,LRS Data Stored,Storage,/sa9,new,0.025,100,1.00,USD,1.25,USD,1,0,0.01,");

        var import = await ImportAsync(client, file, "february.csv");
        var again = await ImportAsync(client, file, "february-again.csv");

        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        var stored = await import.Content.ReadFromJsonAsync<JsonElement>();
        var importId = stored.GetProperty("id").GetGuid();
        Assert.Equal((3L, 1L, 64.33m), (stored.GetProperty("rows").GetInt64(), stored.GetProperty("unassignedRows").GetInt64(), stored.GetProperty("cost").GetDecimal()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var duplicate = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((importId, true), (duplicate.GetProperty("id").GetGuid(), duplicate.GetProperty("duplicate").GetBoolean()));
        var waiting = await client.GetFromJsonAsync<JsonElement>($"/api/v1/usage-imports/{importId}/rows/2");
        Assert.Equal("notBilledYet", waiting.GetProperty("state").GetString());
        Assert.Equal("{\"env\":\"prod\"}", waiting.GetProperty("row").GetProperty("otherColumns").GetProperty("Tags").GetString());

        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var run = await finance.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date = "2026-04-26" });
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);

        var invoice = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?contractId={contractId}")).GetProperty("items").EnumerateArray());
        var invoiceId = invoice.GetProperty("id").GetGuid();
        var line = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}")).GetProperty("lines").EnumerateArray());
        // February at cost 61.20 + 2.13 = 63.33; the contract's +10 % gives 69.663 → 69.66.
        Assert.Equal(("usage", 69.66m), (line.GetProperty("kind").GetString(), line.GetProperty("amount").GetDecimal()));
        var position = line.GetProperty("position").GetInt32();
        Assert.Equal($"/api/v1/usage-lines/{invoiceId}/{position}", line.GetProperty("usageTrace").GetString());

        var back = await client.GetFromJsonAsync<JsonElement>($"/api/v1/usage-lines/{invoiceId}/{position}");
        Assert.Equal((69.66m, 63.33m, 74.50m, 69.66m, 0m, "markup on cost 10%: 63.33 × 1.1 = 69.66 USD"),
            (back.GetProperty("amount").GetDecimal(), back.GetProperty("monthCost").GetDecimal(), back.GetProperty("monthRetail").GetDecimal(),
             back.GetProperty("rated").GetDecimal(), back.GetProperty("billedBefore").GetDecimal(), back.GetProperty("pricing").GetString()));
        Assert.Equal([(2L, 61.20m), (3L, 2.13m)],
            back.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt64(), r.GetProperty("billingPreTaxTotal").GetDecimal())));
        var forward = await client.GetFromJsonAsync<JsonElement>($"/api/v1/usage-imports/{importId}/rows/3");
        Assert.Equal(("billed", invoiceId, position, $"/api/v1/usage-lines/{invoiceId}/{position}"),
            (forward.GetProperty("state").GetString(), forward.GetProperty("invoiceId").GetGuid(), forward.GetProperty("position").GetInt32(),
             forward.GetProperty("lineTrace").GetString()));
        var orphan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/usage-imports/{importId}/rows/4");
        Assert.Equal("noSubscription", orphan.GetProperty("state").GetString());

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/reconciliation/usage/lines/{invoiceId}/{position}"));
        Assert.Contains("markup on cost 10%: 63.33 × 1.1 = 69.66 USD", page);
        Assert.Contains($"/reconciliation/usage/{importId}/rows/3", page);
        Assert.Contains("february.csv", await client.GetStringAsync("/reconciliation/usage"));
    }

    [Fact]
    public async Task InvoiceReconFile_AzurePlanLines_MatchedAgainstTheImportedUsage()
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 27);
        var plan = await client.PostAsJsonAsync("/api/v1/subscriptions", new { contractId, productId = "AZURE-PLAN", skuId = "DZH318Z0BPS6", quantity = 1 });
        var planId = (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetGuid();
        var usage = Encoding.UTF8.GetBytes(string.Join("\n",
            "CustomerId,SubscriptionId,UsageDate,ProductId,SkuId,MeterName,Quantity,BillingPreTaxTotal,BillingCurrency,PricingPreTaxTotal",
            $"c-1,{planId},2026-01-10,DZH318Z0BQ3Q,0009,D2s v5,24,61.20,USD,72.00",
            $"c-1,{planId},2026-01-11,DZH318Z0BQ3Q,0009,D2s v5,24,61.20,USD,72.00",
            $"c-1,{planId},2026-01-11,DZH318Z0BQ3Q,000F,LRS Data Stored,100,2.13,USD,2.50") + "\n");
        Assert.Equal(HttpStatusCode.Created, (await ImportAsync(client, usage, "january-usage.csv")).StatusCode);
        // Microsoft's January invoice: the VM meter 0.01 over the two daily rows (the month truncated once), storage 1.00 over, and a meter never imported.
        var invoice = Encoding.UTF8.GetBytes(string.Join("\n",
            "CustomerId,SubscriptionId,SubscriptionDescription,ProductId,SkuId,ChargeType,ChargeStartDate,ChargeEndDate,UnitPrice,BillableQuantity,Subtotal,Total,Currency,MeterDescription",
            $"c-1,{planId},Azure plan,DZH318Z0BQ3Q,0009,new,2026-01-01,2026-01-31,2.55,48,122.41,122.41,USD,D2s v5",
            $"c-1,{planId},Azure plan,DZH318Z0BQ3Q,000F,new,2026-01-01,2026-01-31,0.0213,100,3.13,3.13,USD,LRS Data Stored",
            $"c-1,{planId},Azure plan,DZH318Z0BQ3Q,0042,new,2026-01-01,2026-01-31,0.50,10,5.00,5.00,USD,Bandwidth") + "\n");
        var content = new ByteArrayContent(invoice);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var id = (await (await client.PostAsync("/api/v1/reconciliations?fileName=january.csv", content)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var import = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}");
        for (var attempt = 0; attempt < 100 && import.GetProperty("status").GetString() is "queued" or "running"; attempt++)
        {
            await Task.Delay(50);
            import = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}");
        }

        var summary = import.GetProperty("summary");
        Assert.Equal((1, 1, 1, 0), (summary.GetProperty("matched").GetInt32(), summary.GetProperty("amountMismatch").GetInt32(),
            summary.GetProperty("unexpectedCharge").GetInt32(), summary.GetProperty("unknownSubscription").GetInt32()));
        var discrepancies = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}/discrepancies");
        Assert.Equal([(3L, "amountMismatch", (decimal?)2.13m, 1.00m, "unexplained"), (4L, "unexpectedCharge", null, 5.00m, "usageNotImported")],
            discrepancies.GetProperty("items").EnumerateArray().Select(d => (d.GetProperty("row").GetInt64(), d.GetProperty("state").GetString(),
                d.GetProperty("expectedTotal").ValueKind == JsonValueKind.Null ? (decimal?)null : d.GetProperty("expectedTotal").GetDecimal(),
                d.GetProperty("moneyAtStake").GetDecimal(), d.GetProperty("rootCause").GetString())));
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}/discrepancies/3");
        var expected = detail.GetProperty("expectedUsage");
        Assert.Equal((100m, 1, "LRS Data Stored"), (expected.GetProperty("quantity").GetDecimal(), expected.GetProperty("rows").GetInt32(),
            detail.GetProperty("otherColumns").GetProperty("MeterDescription").GetString()));
    }

    [Fact]
    public async Task Import_PlanNotLinkedYet_RowsWaitThenLinkingThePartnerCenterSubscriptionBillsThemOnce()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 28);
        var plan = await client.PostAsJsonAsync("/api/v1/subscriptions", new { contractId, productId = "AZURE-PLAN", skuId = "DZH318Z0BPS6", quantity = 1 });
        var planId = (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetGuid();
        // Microsoft names the plan by its Partner Center subscription id, which no sync has linked to Prorata's plan yet.
        var partnerCenterId = Guid.NewGuid().ToString();
        var file = Csv(
            $"c-7,{partnerCenterId},e-1,2026-02-10,m-vm,D2s v5,Virtual Machines,/vm1,new,3.00,24,61.20,USD,72.00,USD,1,15,2.55,",
            $"c-7,{partnerCenterId},e-1,2026-02-11,m-lrs,LRS Data Stored,Storage,/sa1,new,0.025,100,2.13,USD,2.50,USD,1,0,0.0213,");
        var stored = await (await ImportAsync(client, file, "unlinked-plan.csv")).Content.ReadFromJsonAsync<JsonElement>();
        var importId = stored.GetProperty("id").GetGuid();
        Assert.Equal(2L, stored.GetProperty("unassignedRows").GetInt64());
        Assert.Equal("noSubscription", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/usage-imports/{importId}/rows/2")).GetProperty("state").GetString());
        await SeenBySyncAsync(partnerCenterId, "c-7");

        using (var link = await client.PutAsJsonAsync($"/api/v1/partner-center/subscriptions/{partnerCenterId}/link", new { subscriptionId = planId }))
        {
            Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        }
        using (var again = await client.PutAsJsonAsync($"/api/v1/partner-center/subscriptions/{partnerCenterId}/link", new { subscriptionId = planId }))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var import = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/usage-imports")).EnumerateArray(), i => i.GetProperty("id").GetGuid() == importId);
        Assert.Equal(0L, import.GetProperty("unassignedRows").GetInt64());
        Assert.Equal("notBilledYet", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/usage-imports/{importId}/rows/2")).GetProperty("state").GetString());
        var run = await client.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date = "2026-04-28" });
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var invoice = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?contractId={contractId}")).GetProperty("items").EnumerateArray());
        var invoiceId = invoice.GetProperty("id").GetGuid();
        var line = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}")).GetProperty("lines").EnumerateArray());
        // Linked twice, billed once: February at cost 61.20 + 2.13 = 63.33, +10 % = 69.66.
        Assert.Equal(("usage", 69.66m), (line.GetProperty("kind").GetString(), line.GetProperty("amount").GetDecimal()));
        var back = await client.GetFromJsonAsync<JsonElement>($"/api/v1/usage-lines/{invoiceId}/{line.GetProperty("position").GetInt32()}");
        Assert.Equal([2L, 3L], back.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt64()));
        Assert.Equal("billed", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/usage-imports/{importId}/rows/3")).GetProperty("state").GetString());
    }

    /// <summary>The Partner Center tenant and subscription as a sync stores them before anyone links them.</summary>
    private async Task SeenBySyncAsync(string partnerCenterSubscriptionId, string partnerCenterCustomerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        db.PartnerCenterCustomers.Add(new PartnerCenterCustomerLink { PartnerCenterCustomerId = partnerCenterCustomerId, CompanyName = "Tailspin Toys", FirstSeenAt = ProrataApp.Now });
        db.PartnerCenterSubscriptions.Add(new PartnerCenterSubscriptionLink
        {
            PartnerCenterSubscriptionId = partnerCenterSubscriptionId, PartnerCenterCustomerId = partnerCenterCustomerId, OfferId = "DZH318Z0BPS6:0001",
            OfferName = "Azure plan", Quantity = 1, Status = "Active", AutoRenew = true, FirstSeenAt = ProrataApp.Now, UpdatedAt = ProrataApp.Now,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Import_BadDateOnRowThree_400NamingRowColumnAndValueAndNothingStored()
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var plan = Guid.NewGuid();
        var file = Csv(
            $"c-1,{plan},e-1,2026-01-10,m-vm,D2s v5,Virtual Machines,/vm1,new,3.00,24,61.20,USD,72.00,USD,1,15,2.55,",
            $"c-1,{plan},e-1,2026-02-30,m-vm,D2s v5,Virtual Machines,/vm1,new,3.00,24,61.20,USD,72.00,USD,1,15,2.55,");

        var response = await ImportAsync(client, file, "bad.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("row 3, column UsageDate: '2026-02-30' is not a date", 3L, "UsageDate", "2026-02-30"),
            (problem.GetProperty("errors").GetProperty("file")[0].GetString(), problem.GetProperty("row").GetInt64(),
             problem.GetProperty("column").GetString(), problem.GetProperty("value").GetString()));
        var imports = await client.GetFromJsonAsync<JsonElement>("/api/v1/usage-imports");
        Assert.DoesNotContain(imports.EnumerateArray(), i => i.GetProperty("fileName").GetString() == "bad.csv");
    }

    [Fact]
    public async Task Import_AsReadOnly_Forbidden()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var response = await ImportAsync(client, Csv(), "forbidden.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n");

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync($"/api/v1/usage-imports?fileName={fileName}", content);
    }
}
