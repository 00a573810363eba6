using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;
using Prorata.Web.Features.Account;

namespace Prorata.Security.Tests;

/// <summary>Issue 18: links from the configured public address, headers that forbid framing and sniffing, HSTS on TLS, secrets off the command line.</summary>
[Collection(AppCollection.Name)]
public sealed class DeploymentTests(SecurityApp app)
{
    [Fact]
    public async Task SetPasswordLink_WithAForgedHostHeader_PointsAtThePublicAddress()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/staff-users")
        {
            Content = JsonContent.Create(new { email = $"host-{Guid.NewGuid():N}@contoso.example", role = "ReadOnly" }),
        };
        request.Headers.Host = "evil.example";

        var response = await owner.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var link = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("setPasswordUrl").GetString()!;
        Assert.StartsWith($"{SecurityApp.PublicBaseUrl}/account/set-password?user=", link);
    }

    [Fact]
    public async Task SignedInPage_CannotBeFramed_NorSniffed()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);

        var response = await owner.GetAsync("/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task HttpsRequest_GetsHsts()
    {
        var client = app.Anonymous();
        client.BaseAddress = new Uri("https://billing.northwind.example");

        var response = await client.GetAsync("/signin");

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task SignInCookie_OverHttps_IsSecureAndHttpOnly()
    {
        var client = app.Anonymous();
        client.BaseAddress = new Uri("https://billing.northwind.example");
        var response = await SecurityApp.PostFormAsync(client, "/signin", new() { ["Form.Email"] = SecurityApp.EmailOf(StaffRoles.ReadOnly), ["Form.Password"] = SecurityApp.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("prorata.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(true, "--Prorata:Owner:Password=hunter2-hunter2")]
    [InlineData(true, "Prorata__Owner__Password=hunter2")]
    [InlineData(false, "--Prorata:Owner:Email=me@contoso.example")]
    public void OwnerPasswordOnTheCommandLine_IsNoticed(bool expected, string argument) =>
        Assert.Equal(expected, OwnerBootstrap.PasswordOnCommandLine(["Prorata.Web.dll", argument]));
}
