using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data.Identity;

namespace Prorata.Security.Tests;

/// <summary>Issue 18: a demoted, disabled, re-passworded or signed-out session is refused on its very next request.</summary>
[Collection(AppCollection.Name)]
public sealed class SessionTests(SecurityApp app)
{
    [Fact]
    public async Task DemotedBillingAdmin_NextRequest_IsRefusedAndCreatesNothing()
    {
        var (client, id) = await StaffAsync(StaffRoles.BillingAdmin);
        Assert.Equal(HttpStatusCode.Created, (await CreateCustomerAsync(client)).StatusCode);
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);

        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/v1/staff-users/{id}/role", new { role = "ReadOnly" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await CreateCustomerAsync(client)).StatusCode);
    }

    [Fact]
    public async Task DisabledBillingAdmin_NextRequest_IsRefused()
    {
        var (client, id) = await StaffAsync(StaffRoles.BillingAdmin);
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);

        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/v1/staff-users/{id}/disable", JsonContent.Create(new { }))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await CreateCustomerAsync(client)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/customers")).StatusCode);
    }

    [Fact]
    public async Task NewPassword_OldSession_IsRefused()
    {
        var (client, id) = await StaffAsync(StaffRoles.Finance);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(id))!;
            Assert.True((await users.ChangePasswordAsync(user, SecurityApp.Password, "orchard-lantern-meadow-42")).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/customers")).StatusCode);
    }

    [Fact]
    public async Task SignOut_ReplayedCookie_IsRefused()
    {
        var (client, _) = await StaffAsync(StaffRoles.Sales);
        var page = await client.GetAsync("/");
        var cookie = page.RequestMessage!.Headers.TryGetValues("Cookie", out var sent) ? string.Join("; ", sent) : "";
        Assert.Contains("prorata.auth", cookie);
        var token = await SecurityApp.TokenAsync(client);

        var signedOut = await client.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/v1/customers");
        replay.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().SendAsync(replay)).StatusCode);
    }

    private static Task<HttpResponseMessage> CreateCustomerAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/v1/customers", new { name = $"Fabrikam {Guid.NewGuid():N}", currency = "USD", billingEmail = "ap@fabrikam.example" });

    private async Task<(HttpClient Client, string Id)> StaffAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@contoso.example";
        string id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, SecurityApp.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            id = user.Id;
        }
        return (await app.SignedInAsync(email, SecurityApp.Password), id);
    }
}
