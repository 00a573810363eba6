using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>The Owner manages staff users: added with a role and a one-time set-password link, role changed, disabled.</summary>
[Collection(AppCollection.Name)]
public sealed class StaffUserTests(ProrataApp app)
{
    [Fact]
    public async Task Add_FinanceUser_SetsTheirPasswordThroughTheLinkOnceAndSignsInWithFinanceRights()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var email = $"ap-{Guid.NewGuid():N}@northwind.example";

        using var added = await owner.PostAsJsonAsync("/api/v1/staff-users", new { email, role = "finance" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var body = await added.Content.ReadFromJsonAsync<JsonElement>();
        var user = body.GetProperty("user");
        Assert.Equal((email, "Finance", false, false),
            (user.GetProperty("email").GetString(), user.GetProperty("role").GetString(), user.GetProperty("disabled").GetBoolean(), user.GetProperty("passwordSet").GetBoolean()));
        var link = new Uri(body.GetProperty("setPasswordUrl").GetString()!);
        Assert.Equal("/account/set-password", link.AbsolutePath);
        // Until the link is used there is no password to sign in with: the sign-in page answers again (200), no redirect.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Anonymous(), email, "anything-at-all-12")).StatusCode);

        var newcomer = app.Anonymous();
        using var set = await ProrataApp.PostFormAsync(newcomer, link.PathAndQuery, new() { ["Form.Password"] = "a long finance passphrase" });
        Assert.Equal((HttpStatusCode.Redirect, "http://localhost/"), (set.StatusCode, set.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/api/v1/invoices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync("/api/v1/staff-users")).StatusCode);

        using var again = await ProrataApp.PostFormAsync(app.Anonymous(), link.PathAndQuery, new() { ["Form.Password"] = "another long passphrase" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This link has been used, replaced by a newer one, or is more than a day old", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        var listed = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/staff-users")).EnumerateArray().Single(u => u.GetProperty("email").GetString() == email);
        Assert.Equal(("Finance", true), (listed.GetProperty("role").GetString(), listed.GetProperty("passwordSet").GetBoolean()));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app.Anonymous(), email, "a long finance passphrase")).StatusCode);
    }

    [Fact]
    public async Task Add_BadEmailAndRole_400NamingBothAndNothingCreated()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var before = await CountAsync();

        using var response = await owner.PostAsJsonAsync("/api/v1/staff-users", new { email = "not-an-address", role = "Auditor" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("email must be an email address; got 'not-an-address'.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("role must be one of Owner, BillingAdmin, Finance, Sales, ReadOnly; got 'Auditor'.", errors.GetProperty("role")[0].GetString());
        Assert.Equal(before, await CountAsync());
        using var taken = await owner.PostAsJsonAsync("/api/v1/staff-users", new { email = ProrataApp.EmailOf(StaffRoles.Sales), role = "Sales" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ChangeAndDisable_TheOnlyOwnerOrYourself_409AndUnchanged_AnotherUserDisabledCannotSignIn()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var staff = await owner.GetFromJsonAsync<JsonElement>("/api/v1/staff-users");
        var ownerId = staff.EnumerateArray().Single(u => u.GetProperty("email").GetString() == ProrataApp.EmailOf(StaffRoles.Owner)).GetProperty("id").GetString();

        using var demote = await owner.PutAsJsonAsync($"/api/v1/staff-users/{ownerId}/role", new { role = "ReadOnly" });
        using var self = await owner.PostAsync($"/api/v1/staff-users/{ownerId}/disable", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Contains("is the only Owner who can sign in: make another Owner first.", await demote.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains("You cannot disable yourself", await self.Content.ReadAsStringAsync());
        Assert.Equal([StaffRoles.Owner], await RolesAsync(ProrataApp.EmailOf(StaffRoles.Owner)));

        var email = $"sales-{Guid.NewGuid():N}@northwind.example";
        var created = await (await owner.PostAsJsonAsync("/api/v1/staff-users", new { email, role = "Sales" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("user").GetProperty("id").GetString();
        var link = new Uri(created.GetProperty("setPasswordUrl").GetString()!);
        await ProrataApp.PostFormAsync(app.Anonymous(), link.PathAndQuery, new() { ["Form.Password"] = "a long sales passphrase" });
        using var promoted = await owner.PutAsJsonAsync($"/api/v1/staff-users/{id}/role", new { role = "BillingAdmin" });
        Assert.Equal("BillingAdmin", (await promoted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.Equal([StaffRoles.BillingAdmin], await RolesAsync(email));

        using var disabled = await owner.PostAsync($"/api/v1/staff-users/{id}/disable", JsonContent.Create(new { }));

        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Anonymous(), email, "a long sales passphrase")).StatusCode);
        using var enabled = await owner.PostAsync($"/api/v1/staff-users/{id}/enable", JsonContent.Create(new { }));
        Assert.False((await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app.Anonymous(), email, "a long sales passphrase")).StatusCode);
    }

    [Fact]
    public async Task SettingsPage_OwnerAddsAUserAndChangesTheirRole_ALinkShownOnceAndTheMessageAfterTheChange()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var email = $"readonly-{Guid.NewGuid():N}@northwind.example";

        using var added = await ProrataApp.PostFormAsync(owner, "/settings", new() { ["Add.Email"] = email, ["Add.Role"] = "ReadOnly" });

        var page = Regex.Replace(WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync()), @"\s+", " ");
        Assert.Matches($"Send this link to {Regex.Escape(email)}: <code>http://localhost/account/set-password\\?user=[^&]+&token=[^<]+</code>", page);
        Assert.Contains($"<td>{email}</td>", page);
        var id = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/staff-users")).EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetString();
        var settings = await owner.GetStringAsync("/settings");
        var token = Regex.Match(settings, $"""action="/settings/staff-users/{id}"[^>]*>\s*<input type="hidden" name="__RequestVerificationToken" value="([^"]+)""").Groups[1].Value;
        using var change = await owner.PostAsync($"/settings/staff-users/{id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["action"] = "role", ["role"] = "Finance" }));
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        var message = WebUtility.HtmlDecode(await owner.GetStringAsync(change.Headers.Location!.OriginalString));
        Assert.Contains($"{email}: active, Finance.", message);
        Assert.Equal([StaffRoles.Finance], await RolesAsync(email));

        var readOnly = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        Assert.Contains("Only the Owner manages staff users and roles.", await readOnly.GetStringAsync("/settings"));
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/v1/staff-users", new { email = "x@northwind.example", role = "Owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/staff-users")).StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        ProrataApp.PostFormAsync(client, "/signin", new() { ["Form.Email"] = email, ["Form.Password"] = password });

    private async Task<int> CountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().Users.Count();
    }

    private async Task<IList<string>> RolesAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }
}
