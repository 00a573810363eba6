using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Prorata.Data;
using Prorata.Data.Identity;

namespace Prorata.Security.Tests;

/// <summary>
/// Issue 18: a fuzz pass (CsCheck) over every import and every JSON endpoint. Whatever arrives, the answer is a success
/// or a 4xx that names the problem (a ProblemDetails with a detail or errors), never a 5xx; a refusal writes nothing;
/// and /health still answers. Seeds are printed by CsCheck on failure and replay with CsCheck_Seed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FuzzTests(SecurityApp app)
{
    private const int FileIterations = 25;
    private const int BodyIterations = 6;

    private const string UsageHeader = "CustomerId,SubscriptionId,EntitlementId,UsageDate,MeterId,MeterName,MeterCategory,ResourceURI,ChargeType,UnitPrice,Quantity,"
        + "BillingPreTaxTotal,BillingCurrency,PricingPreTaxTotal,PricingCurrency,PCToBCExchangeRate,PartnerEarnedCreditPercentage,EffectiveUnitPrice";

    private static readonly byte[] Recon = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Files", "scenario-02-march.csv"));

    private static readonly byte[] Usage = Encoding.UTF8.GetBytes(
        $"{UsageHeader}\nc,{Guid.NewGuid()},e,2026-01-01,m,Meter,Storage,/r,new,1,1,1,USD,1,USD,1,0,1\nc,{Guid.NewGuid()},e,2026-01-02,m,Meter,Storage,/r,new,2,2,2,USD,2,USD,1,0,2\n");

    private static readonly byte[] PriceList = Encoding.UTF8.GetBytes(
        "ProductId,SkuId,TermDuration,BillingPlan,Currency,UnitPrice,ERP Price,EffectiveStartDate\nCFQ7TTC0FUZZ,0001,P1Y,Monthly,USD,7.2,9,2026-01-01\n");

    // The same bytes, changed in a few places: flipped, cut, duplicated, or a run of random bytes put in.
    private static Gen<byte[]> Mutations(byte[] original) =>
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, original.Length - 1], Gen.Byte.Array[1, 64], (kind, at, bytes) => kind switch
        {
            0 => [.. original[..at], .. bytes, .. original[at..]],
            1 => original[..at],
            2 => [.. original[..at], .. bytes, .. original[Math.Min(original.Length, at + bytes.Length)..]],
            3 => [.. original, .. original[at..]],
            _ => bytes,
        });

    [Fact]
    public Task UsageFile_AnyMutation_SuccessOr4xxNamingIt() =>
        Mutations(Usage).SampleAsync(async bytes => await ImportAsync("/api/v1/usage-imports", bytes, "text/csv"), iter: FileIterations, threads: 1);

    [Fact]
    public Task UsageFileAsGzipJsonLines_AnyMutation_SuccessOr4xxNamingIt() =>
        Mutations(Gzip(Encoding.UTF8.GetBytes(
            $"{{\"customerId\":\"c\",\"subscriptionId\":\"{Guid.NewGuid()}\",\"usageDate\":\"2026-01-03\",\"meterId\":\"m\",\"meterName\":\"M\",\"quantity\":\"1\",\"billingPreTaxTotal\":1,\"billingCurrency\":\"USD\",\"pricingPreTaxTotal\":1,\"pricingCurrency\":\"USD\",\"pcToBCExchangeRate\":1,\"unitPrice\":1,\"effectiveUnitPrice\":1,\"chargeType\":\"new\",\"entitlementId\":\"e\",\"meterCategory\":\"c\",\"resourceUri\":\"/r\",\"partnerEarnedCreditPercentage\":0}}\n")))
            .SampleAsync(async bytes => await ImportAsync("/api/v1/usage-imports", bytes, "application/gzip"), iter: FileIterations, threads: 1);

    [Fact]
    public Task ReconFile_AnyMutation_SuccessOr4xxNamingIt() =>
        Mutations(Recon).SampleAsync(async bytes => await ImportAsync("/api/v1/reconciliations", bytes, "text/csv"), iter: FileIterations, threads: 1);

    [Fact]
    public Task ReconFileAsGzipJsonLines_AnyMutation_SuccessOr4xxNamingIt() =>
        Mutations(Gzip("{\"partnerId\":\"p\",\"customerId\":\"c\",\"subscriptionId\":\"s\",\"chargeType\":\"cycleCharge\"}\n"u8.ToArray()))
            .SampleAsync(async bytes => await ImportAsync("/api/v1/reconciliations", bytes, "application/gzip"), iter: FileIterations, threads: 1);

    [Fact]
    public Task PriceList_AnyMutation_SuccessOr4xxNamingIt() =>
        Mutations(PriceList).SampleAsync(async bytes => await ImportAsync("/api/v1/price-lists?name=fuzz", bytes, "text/csv"), iter: FileIterations, threads: 1);

    [Fact]
    public async Task EveryJsonEndpoint_AnyBody_SuccessOr4xxNamingIt()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        string[] endpoints =
        [
            "POST /api/v1/customers", "PUT /api/v1/customers/0197a3c2-0000-7000-8000-000000000001", "POST /api/v1/contracts",
            "PUT /api/v1/contracts/0197a3c2-0000-7000-8000-000000000001", "POST /api/v1/subscriptions",
            "POST /api/v1/subscriptions/0197a3c2-0000-7000-8000-000000000001/changes", "POST /api/v1/billing-runs", "POST /api/v1/catalog/products",
            "PUT /api/v1/price-lists/0197a3c2-0000-7000-8000-000000000001/rollout", "POST /api/v1/simulations", "POST /api/v1/staff-users",
            "PUT /api/v1/staff-users/x/role", "PUT /api/v1/partner-center/subscriptions/x/link", "PUT /api/v1/partner-center/customers/x/link",
        ];
        foreach (var endpoint in endpoints)
        {
            var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
            await JsonBodies.SampleAsync(async body =>
            {
                var before = await FingerprintAsync();
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await owner.SendAsync(request);
                await AssertAnsweredAsync(response, $"{endpoint} {body}");
                if ((int)response.StatusCode >= 400)
                {
                    Assert.Equal(before, await FingerprintAsync());
                }
            }, iter: BodyIterations, threads: 1);
        }
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health")).StatusCode);
    }

    // JSON of every shape, with the field names the API knows so that types get mixed up where it matters.
    private static readonly string[] Names =
        ["name", "currency", "billingEmail", "creditHold", "parentCustomerId", "customerId", "billingDay", "pricingRules", "productId", "skuId", "method", "value",
         "quantity", "type", "enabled", "term", "billingPlan", "contractId", "date", "issue", "kind", "pricePerCycle", "rollout", "email", "role", "subscriptionId",
         "events", "billUntil", "version", "title", "legalEntityName"];

    private static readonly Gen<JsonNode?> Leaf = Gen.OneOf<JsonNode?>(
        Gen.Const(() => (JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double.Select(d => (JsonNode?)(double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(0))),
        Gen.Decimal.Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Guid.Select(g => (JsonNode?)JsonValue.Create(g.ToString())),
        Gen.Date.Select(d => (JsonNode?)JsonValue.Create(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

    private static readonly Gen<JsonNode?> Node = Gen.Recursive<JsonNode?>((depth, self) => depth >= 3 ? Leaf : Gen.OneOf(
        Leaf,
        self.List[0, 4].Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())])),
        Gen.Select(Gen.Int[0, Names.Length - 1].Select(i => Names[i]).List[0, 6], self.List[6], (keys, values) =>
        {
            var obj = new JsonObject();
            for (var i = 0; i < keys.Count; i++) obj[keys[i]] = values[i]?.DeepClone();
            return (JsonNode?)obj;
        })));

    private static readonly Gen<string> JsonBodies = Gen.OneOf(
        Node.Select(n => n?.ToJsonString() ?? "null"),
        Gen.String.Select(s => s),
        Node.Select(n => (n?.ToJsonString() ?? "null") is var json && json.Length > 2 ? json[..(json.Length / 2)] : json));

    private HttpClient? admin;

    private async Task ImportAsync(string path, byte[] bytes, string contentType)
    {
        admin ??= await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var before = await FingerprintAsync();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await admin.PostAsync(path, content);
        await AssertAnsweredAsync(response, $"{path} with {bytes.Length} bytes");
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal(before, await FingerprintAsync());
        }
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            for (var i = 0; i < 200; i++)
            {
                var status = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}")).GetProperty("status").GetString()!.ToLowerInvariant();
                if (status == "refused")
                {
                    Assert.Equal(before, await FingerprintAsync());
                    break;
                }
                if (status == "done") break;
                await Task.Delay(25);
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health")).StatusCode);
    }

    private static async Task AssertAnsweredAsync(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{what}: {status} {await response.Content.ReadAsStringAsync()}");
        if (status >= 400)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var named = (problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 })
                || (problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any());
            Assert.True(named, $"{what}: {status} names no problem: {problem}");
        }
    }

    private Task<string> FingerprintAsync() => app.WithDbAsync(db => Task.FromResult(string.Join(",",
        db.Customers.Count(), db.BillingContracts.Count(), db.Subscriptions.Count(), db.LicenseChangeLog.Count(), db.PriceListVersions.Count(),
        db.CatalogProducts.Count(), db.ReconImports.Count(), db.ReconImportLines.Count(), db.UsageImports.Count(), db.UsageRows.Count(), db.Users.Count())));

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }
}
