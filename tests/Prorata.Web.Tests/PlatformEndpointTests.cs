using System.Net;
using System.Text.Json;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class PlatformEndpointTests(ProrataApp app)
{
    [Fact]
    public async Task OpenApi_Anonymous_DescribesTheApi()
    {
        var response = await app.Anonymous().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/customers", out _));
        Assert.True(paths.TryGetProperty("/api/v1/contracts/{id}", out _));
    }

    [Fact]
    public async Task Health_Anonymous_ReportsTheDatabaseHealthyAsJson()
    {
        var response = await app.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", document.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", document.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task DemoPartner_OnAnEmptyDatabase_IsSeededInThreeCurrencies()
    {
        var client = await app.SignedInAsAsync(Data.Identity.StaffRoles.ReadOnly);

        var contracts = JsonDocument.Parse(await client.GetStringAsync("/api/v1/contracts")).RootElement.GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("currency").GetString()).ToHashSet();

        Assert.Superset(new HashSet<string?> { "USD", "EUR", "GBP" }, contracts);
    }
}
