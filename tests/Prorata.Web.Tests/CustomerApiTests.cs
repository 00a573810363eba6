using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class CustomerApiTests(ProrataApp app)
{
    [Theory]
    [InlineData(null, "USD", "ap@x.example", "name", "name is required.")]
    [InlineData("Bad Currency Ltd", "XYZ", "ap@x.example", "currency", "currency must be a known ISO 4217 code; got 'XYZ'.")]
    [InlineData("Bad Email Ltd", "EUR", "not-an-email", "billingEmail", "billingEmail must be an email address; got 'not-an-email'.")]
    public async Task Create_InvalidField_Returns400NamingFieldAndValueAndWritesNothing(
        string? name, string currency, string email, string field, string message)
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var before = await app.CountRowsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/customers", new { name, currency, billingEmail = email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([message], await ProblemErrorsAsync(response, field));
        Assert.Equal(before, await app.CountRowsAsync());
    }

    [Fact]
    public async Task Create_Valid_Returns201StampedWithTheClock()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);

        var response = await client.PostAsJsonAsync("/api/v1/customers",
            new { name = "Wide World Importers", currency = "gbp", billingEmail = "ap@wideworld.example", creditHold = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("GBP", body.GetProperty("currency").GetString());
        Assert.True(body.GetProperty("creditHold").GetBoolean());
        Assert.Equal(app.Time.GetUtcNow(), body.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(response.Headers.Location!.ToString(), $"/api/v1/customers/{body.GetProperty("id").GetGuid()}");
    }

    [Fact]
    public async Task Create_NameTaken_Returns409AndWritesNothing()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var customer = new { name = "Duplicate Name Ltd", currency = "USD", billingEmail = "ap@dup.example" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/customers", customer)).StatusCode);
        var before = await app.CountRowsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/customers", customer);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Duplicate Name Ltd", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await app.CountRowsAsync());
    }

    [Fact]
    public async Task Update_StaleVersion_Returns409()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var created = await (await client.PostAsJsonAsync("/api/v1/customers",
            new { name = "Versioned Ltd", currency = "USD", billingEmail = "ap@v.example" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var first = await client.PutAsJsonAsync($"/api/v1/customers/{id}",
            new { name = "Versioned Ltd", currency = "USD", billingEmail = "new@v.example", version = 1 });
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var stale = await client.PutAsJsonAsync($"/api/v1/customers/{id}",
            new { name = "Versioned Ltd", currency = "USD", billingEmail = "other@v.example", version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Update_OwnParent_Returns400OnParentCustomerId()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var created = await (await client.PostAsJsonAsync("/api/v1/customers",
            new { name = "Self Parent Ltd", currency = "USD", billingEmail = "ap@sp.example" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var response = await client.PutAsJsonAsync($"/api/v1/customers/{id}",
            new { name = "Self Parent Ltd", currency = "USD", billingEmail = "ap@sp.example", parentCustomerId = id });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(id.ToString(), Assert.Single(await ProblemErrorsAsync(response, "parentCustomerId")));
    }

    [Fact]
    public async Task Get_UnknownId_Returns404ProblemDetails()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var id = Guid.NewGuid();

        var response = await client.GetAsync($"/api/v1/customers/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains(id.ToString(), problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Update_UnknownId_Returns404()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);

        var response = await client.PutAsJsonAsync($"/api/v1/customers/{Guid.NewGuid()}",
            new { name = "Nobody", currency = "USD", billingEmail = "ap@n.example" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static async Task<string[]> ProblemErrorsAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
