using System.Net;
using System.Net.Http.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class AuthorizationTests(ProrataApp app)
{
    [Theory]
    [InlineData("GET", "/api/v1/customers")]
    [InlineData("GET", "/api/v1/contracts")]
    [InlineData("POST", "/api/v1/customers")]
    [InlineData("PUT", "/api/v1/contracts/0197a3c2-0000-7000-8000-000000000000")]
    public async Task Api_Anonymous_Gets401NotARedirect(string method, string path)
    {
        var response = await app.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/customers")]
    [InlineData("/contracts/new")]
    [InlineData("/settings")]
    public async Task Page_Anonymous_RedirectsToSignIn(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData(StaffRoles.ReadOnly)]
    [InlineData(StaffRoles.Sales)]
    [InlineData(StaffRoles.Finance)]
    public async Task CustomerWrite_RoleWithoutIt_Gets403AndWritesNothing(string role)
    {
        var client = await app.SignedInAsAsync(role);
        var before = await app.CountRowsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/customers",
            new { name = $"Forbidden {role}", currency = "USD", billingEmail = "a@b.example" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await app.CountRowsAsync());
    }

    [Fact]
    public async Task ContractWrite_ReadOnly_Gets403()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var response = await client.PostAsJsonAsync("/api/v1/contracts", new { currency = "USD", billingDay = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.ReadOnly)]
    [InlineData(StaffRoles.Sales)]
    [InlineData(StaffRoles.Finance)]
    [InlineData(StaffRoles.BillingAdmin)]
    [InlineData(StaffRoles.Owner)]
    public async Task Reads_EveryStaffRole_Gets200(string role)
    {
        var client = await app.SignedInAsAsync(role);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/customers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/contracts")).StatusCode);
    }

    [Fact]
    public async Task Api_SignedInWithoutAnyRole_Gets403()
    {
        var client = await app.SignedInAsAsync(ProrataApp.NoRole);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/customers")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnThePageWithAMessage()
    {
        var client = app.Anonymous();

        var response = await ProrataApp.PostFormAsync(client, "/signin",
            new() { ["Form.Email"] = ProrataApp.EmailOf(StaffRoles.Owner), ["Form.Password"] = "not the password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Email or password is wrong.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOut_FromTheHeaderForm_EndsTheSession()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);
        var home = await client.GetStringAsync("/");
        var form = home[home.IndexOf("action=\"/signout\"", StringComparison.Ordinal)..];
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/signout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/customers")).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);

        var response = await client.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/customers")).StatusCode);
    }
}
