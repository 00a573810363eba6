using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Security.Tests;

/// <summary>
/// Issue 18: a page of another origin (another port of the same host included) cannot make a signed-in browser change
/// anything: bodyless posts, forms without the page's token and the price-list upload are refused, and nothing changes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CrossSiteTests(SecurityApp app)
{
    [Fact]
    public async Task DisableStaffUser_FromAnotherPortOfTheSameHost_Is403AndTheUserStaysEnabled()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var id = await IdOfAsync(StaffRoles.Sales);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/staff-users/{id}/disable")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>()),
        };
        request.Headers.Add("Origin", "http://localhost:5081");
        request.Headers.Add("Sec-Fetch-Site", "same-site");

        var response = await owner.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("http://localhost:5081", await response.Content.ReadAsStringAsync());
        Assert.False(await DisabledAsync(id));
    }

    [Fact]
    public async Task SameSiteFetchWithoutOrigin_Is403()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var id = await IdOfAsync(StaffRoles.Sales);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/staff-users/{id}/disable") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Sec-Fetch-Site", "same-site");

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.SendAsync(request)).StatusCode);
        Assert.False(await DisabledAsync(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    public async Task BodylessOrFormPost_WithoutToken_Is400AndChangesNothing(string? contentType)
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var id = await IdOfAsync(StaffRoles.Sales);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/staff-users/{id}/disable");
        if (contentType is not null) request.Content = new StringContent("", Encoding.UTF8, contentType);

        var response = await owner.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery token", await response.Content.ReadAsStringAsync());
        Assert.False(await DisabledAsync(id));
    }

    [Fact]
    public async Task BodylessPost_WithThePagesTokenInTheHeader_IsAccepted()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var id = await IdOfAsync(StaffRoles.ReadOnly);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/staff-users/{id}/enable");
        request.Headers.Add("RequestVerificationToken", await SecurityApp.TokenAsync(owner));
        request.Headers.Add("Origin", "http://localhost");

        Assert.Equal(HttpStatusCode.OK, (await owner.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task PriceListUpload_AsACrossSiteMultipartForm_Is400AndStoresNoVersion()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var before = await app.WithDbAsync(db => Task.FromResult(db.PriceListVersions.Count()));
        var form = new MultipartFormDataContent
        {
            { new StringContent("ProductId,SkuId,TermDuration,BillingPlan,Currency,UnitPrice,EffectiveStartDate\nCFQ7TTC0LH18,0001,P1Y,Monthly,USD,7.2,2026-01-01\n"), "file", "list.csv" },
        };

        var response = await finance.PostAsync("/api/v1/price-lists", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.PriceListVersions.Count())));
    }

    [Fact]
    public async Task JsonFromTheConfiguredPublicAddress_IsAccepted()
    {
        var admin = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers")
        {
            Content = JsonContent.Create(new { name = $"Tailspin {Guid.NewGuid():N}", currency = "EUR", billingEmail = "ap@tailspin.example" }),
        };
        request.Headers.Add("Origin", SecurityApp.PublicBaseUrl);

        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task RequestWithoutCookies_IsLeftToAuthentication()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/staff-users/x/disable");
        request.Headers.Add("Origin", "https://evil.example");

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().SendAsync(request)).StatusCode);
    }

    private Task<string> IdOfAsync(string role) =>
        app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == SecurityApp.EmailOf(role)).Id));

    private Task<bool> DisabledAsync(string id) =>
        app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == id).LockoutEnd > SecurityApp.Now.AddYears(100)));
}
