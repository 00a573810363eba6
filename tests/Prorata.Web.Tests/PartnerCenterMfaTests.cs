using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Prorata.Data.Identity;
using Prorata.Web.Features.PartnerCenter;

namespace Prorata.Web.Tests;

/// <summary>
/// A consent given without MFA (secure application model, §4.8): the simulator refuses the token and the sync stops with
/// an exception that names the fix. Its own app and simulator, since it consents without MFA.
/// </summary>
public sealed class PartnerCenterMfaTests(PartnerCenterSyncTests.Fixture fixture) : IClassFixture<PartnerCenterSyncTests.Fixture>
{
    private const string Expected = "Partner Center requires multi-factor authentication (error 900421): the stored consent was given without MFA. "
        + "An Admin Agent must consent again on the Partner Center page, signing in with MFA.";

    [Fact]
    public async Task Sync_ConsentWithoutMfa_StopsWithMfaRequiredExceptionRaisedOnce()
    {
        using (var settings = await fixture.Simulator.PutAsJsonAsync("_sim/settings", new { consentWithMfa = false }))
        {
            settings.EnsureSuccessStatusCode();
        }
        var client = fixture.Web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await ProrataApp.PostFormAsync(client, "/signin", new() { ["Form.Email"] = ProrataApp.EmailOf(StaffRoles.Owner), ["Form.Password"] = ProrataApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using (var start = await client.GetAsync("/api/v1/partner-center/consent"))
        using (var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        using (var authorize = await noRedirect.GetAsync(start.Headers.Location))
        using (var done = await client.GetAsync(authorize.Headers.Location!.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        var first = await SyncAsync(client);
        var second = await SyncAsync(client);

        Assert.Equal((Expected, Expected), (first.Error, second.Error));
        var issues = (await client.GetFromJsonAsync<List<SyncIssueResponse>>("/api/v1/partner-center/issues?state=open"))!;
        var issue = Assert.Single(issues, i => i.Kind == "MfaRequired");
        Assert.Equal(Expected, issue.Message);
    }

    private static async Task<SyncRunResponse> SyncAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v1/partner-center/sync-runs?wait=true", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SyncRunResponse>())!;
    }
}
