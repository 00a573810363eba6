using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Security.Tests;

/// <summary>Issue 18: a body the endpoint cannot bind is a 400 ProblemDetails whose errors name the field and the value sent; nothing is written.</summary>
[Collection(AppCollection.Name)]
public sealed class JsonBindingTests(SecurityApp app)
{
    [Theory]
    [InlineData("""{"name":123,"currency":"USD","billingEmail":"a@b.example"}""", "name", "123")]
    [InlineData("""{"name":"Litware","currency":"USD","billingEmail":"a@b.example","creditHold":"yes"}""", "creditHold", "\"yes\"")]
    [InlineData("""{"name":"Litware","currency":"USD","billingEmail":"a@b.example","parentCustomerId":"not-an-id"}""", "parentCustomerId", "\"not-an-id\"")]
    [InlineData("null", "body", "null")]
    [InlineData("[]", "body", "[]")]
    [InlineData("", "body", "an empty body")]
    [InlineData("""{"name":""", "body", "not valid JSON")]
    public async Task CustomerBody_ThatCannotBind_Is400NamingTheFieldAndValue(string body, string field, string quoted)
    {
        var admin = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var before = await app.WithDbAsync(db => Task.FromResult(db.Customers.Count()));

        var response = await admin.PostAsync("/api/v1/customers", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var message = errors.GetProperty(field)[0].GetString()!;
        Assert.Contains(quoted, message);
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.Customers.Count())));
    }

    [Fact]
    public async Task InvalidUtf8_Is400NamingTheBody()
    {
        var admin = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var bytes = new byte[] { (byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' };
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await admin.PostAsync("/api/v1/customers", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(), "errors names a field");
    }

    [Fact]
    public async Task ContractWithAWrongTypeInAPricingRule_NamesThePath()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);

        var response = await finance.PostAsync("/api/v1/contracts",
            Json("""{"customerId":"0197a3c2-0000-7000-8000-000000000000","currency":"USD","billingDay":1,"legalEntityName":"Contoso","pricingRules":[{"productId":"*","method":"markupOnCost","value":"lots"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("\"lots\"", errors.GetProperty("pricingRules[0].value")[0].GetString());
    }

    [Fact]
    public async Task OversizedJsonBody_Is413NamingTheLimit()
    {
        var admin = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var body = $$"""{"name":"{{new string('x', 2 << 20)}}","currency":"USD","billingEmail":"a@b.example"}""";

        var response = await admin.PostAsync("/api/v1/customers", Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("JsonBodyBytes", await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
