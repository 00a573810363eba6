using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Prorata.Data.Identity;
using Prorata.Web.Features.Simulations;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class SimulationApiTests(ProrataApp app)
{
    [Fact]
    public async Task Simulate_SeatsAddedOnThe14th_ReturnsChargesAndInvoices()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var response = await client.PostAsync("/api/v1/simulations", new StringContent(SampleScenario.Json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var invoices = result.GetProperty("invoices").EnumerateArray()
            .Select(i => (i.GetProperty("date").GetString(), i.GetProperty("total").GetDecimal())).ToList();
        Assert.Equal([("2025-02-01", 300.00m), ("2025-03-01", 150.00m), ("2025-04-01", 268.55m)], invoices);
        var addQuantity = result.GetProperty("providerCharges").EnumerateArray()
            .Where(c => c.GetProperty("chargeType").GetString() == "addQuantity").Select(c => c.GetProperty("total").GetDecimal()).Order().ToList();
        Assert.Equal([-69.67m, 104.51m], addQuantity);
    }

    [Fact]
    public async Task Simulate_MalformedScenario_Returns422NamingTheField()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);
        var malformed = SampleScenario.Json.Replace("\"billingDay\": 1", "\"billingDay\": 31");

        var response = await client.PostAsync("/api/v1/simulations", new StringContent(malformed, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["must be between 1 and 28; got 31"], await CustomerApiTests.ProblemErrorsAsync(response, "contracts[0].billingDay"));
    }

    [Fact]
    public async Task Simulate_Anonymous_Returns401()
    {
        var response = await app.Anonymous().PostAsync("/api/v1/simulations", new StringContent(SampleScenario.Json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SimulationPage_SubmittedSample_ShowsTheAdjustmentLine()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);

        var response = await ProrataApp.PostFormAsync(client, "/simulations", new() { ["Form.Scenario"] = SampleScenario.Json });

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("5 × 15.00 × 18/31", page);
        Assert.Contains("268.55 USD", page);
    }
}
