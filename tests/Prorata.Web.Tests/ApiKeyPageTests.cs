using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>The Settings page's API keys: the Owner makes a key and sees its secret once, sees it listed, and revokes it after confirming.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiKeyPageTests(ProrataApp app)
{
    [Fact]
    public async Task Owner_MakesAKey_SeesTheSecretOnce_ConfirmsTheRevocation_AndTheKeyIsRefused()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        Assert.Contains("href=\"/settings/api-keys\"", await owner.GetStringAsync("/settings"));
        // The collection's clock is shared: read, never assumed.
        var now = $"{app.Time.GetUtcNow():yyyy-MM-dd HH:mm} UTC";
        var expires = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(100);

        using var made = await ProrataApp.PostFormAsync(owner, "/settings/api-keys",
            new() { ["Create.Name"] = "Quarter-end export", ["Create.Role"] = "Finance", ["Create.ExpiresOn"] = $"{expires:yyyy-MM-dd}" }, "create-key");

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var html = await made.Content.ReadAsStringAsync();
        var secret = PageHtml.Text(html, "new-key-secret");
        Assert.Matches("^prk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$", secret);
        Assert.Contains("Copy this key now: it is shown only this once", html);
        var prefix = secret[..36];
        Assert.Equal(["Quarter-end export", "Finance", prefix, $"{now} by {ProrataApp.EmailOf(StaffRoles.Owner)}", "never", $"{expires:yyyy-MM-dd} 00:00 UTC", "active", "Revoke…"],
            PageHtml.Row(html, "api-keys", prefix));
        // The secret is shown in the answer to the form only: the list never shows it again.
        var listed = await owner.GetStringAsync("/settings/api-keys");
        Assert.DoesNotContain(secret, listed);
        Assert.DoesNotContain("new-key-secret", listed);

        var integration = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/invoices")).StatusCode);
        Assert.Equal(["Quarter-end export", "Finance", prefix, $"{now} by {ProrataApp.EmailOf(StaffRoles.Owner)}", now,
            $"{expires:yyyy-MM-dd} 00:00 UTC", "active", "Revoke…"], PageHtml.Row(await owner.GetStringAsync("/settings/api-keys"), "api-keys", prefix));

        var id = Guid.ParseExact(prefix[4..], "N");
        var confirm = await owner.GetStringAsync($"/settings/api-keys?revoke={id}");
        Assert.Equal("Revoke Quarter-end export?", PageHtml.Text(confirm, "confirm-revoke").Split(" Every")[0]);
        // Asking is not revoking.
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/invoices")).StatusCode);

        using var revoked = await ProrataApp.PostFormAsync(owner, $"/settings/api-keys?revoke={id}", new() { ["Revoke.Id"] = id.ToString() }, "revoke-key");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = await owner.GetStringAsync(revoked.Headers.Location!.OriginalString);
        Assert.Contains("Quarter-end export is revoked: it is refused from now on.", System.Net.WebUtility.HtmlDecode(after));
        Assert.Equal($"revoked {now} by {ProrataApp.EmailOf(StaffRoles.Owner)}", PageHtml.Row(after, "api-keys", prefix)[6]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync("/api/v1/invoices")).StatusCode);
    }

    [Fact]
    public async Task MakeForm_NoNameAndADateInThePast_ListsBothMessages_NothingMade()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var now = app.Time.GetUtcNow();
        var past = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-13);

        using var refused = await ProrataApp.PostFormAsync(owner, "/settings/api-keys",
            new() { ["Create.Name"] = "", ["Create.Role"] = "ReadOnly", ["Create.ExpiresOn"] = $"{past:yyyy-MM-dd}" }, "create-key");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal("name is required: what the key is for, such as 'PSA sync'; got ''. "
            + $"expiresAt must be in the future (after {now:yyyy-MM-ddTHH:mm:ssZ}); got '{past:yyyy-MM-dd}T00:00:00+00:00'.", PageHtml.Text(html, "key-errors"));
        Assert.DoesNotContain("new-key-secret", html);
    }

    [Fact]
    public async Task Page_ForAnyoneButTheOwner_IsDenied()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);

        using var response = await finance.GetAsync("/settings/api-keys");

        Assert.Equal((HttpStatusCode.Redirect, "/access-denied"), (response.StatusCode, response.Headers.Location!.AbsolutePath));
        Assert.DoesNotContain("href=\"/settings/api-keys\"", await finance.GetStringAsync("/settings"));
    }
}
