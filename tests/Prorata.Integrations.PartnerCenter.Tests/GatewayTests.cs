using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Prorata.Integrations.PartnerCenter.Tests;

/// <summary>What stands in front of the simulated Partner Center API: the 500-a-minute limit and the MFA check (§4, §4.8).</summary>
public sealed class GatewayTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Throttle_501stRequestOfAMinute_429WithRetryAfterToTheMinutesEndThenServedInTheNextMinute()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        // 09:00:20 on the simulator's clock: 40 seconds of this minute are left.
        await pc.AdvanceAsync(TimeSpan.FromSeconds(20));
        using var api = new HttpClient { BaseAddress = pc.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "any-token");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 500; i++)
        {
            using var ok = await api.GetAsync($"v1/customers/{customer}");
            statuses.Add(ok.StatusCode);
        }
        using var throttled = await api.GetAsync($"v1/customers/{customer}");
        var error = await throttled.Content.ReadFromJsonAsync<JsonObject>();
        await pc.AdvanceAsync(TimeSpan.FromSeconds(40));
        using var nextMinute = await api.GetAsync($"v1/customers/{customer}");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(40), 429), (throttled.StatusCode, throttled.Headers.RetryAfter?.Delta, (int?)error!["code"]));
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);
    }

    [Fact]
    public async Task Client_ConsentGivenWithoutMfa_403MfaRequiredRaisedOnceAndNotRetried()
    {
        await using var pc = await PartnerCenterHarness.StartAsync();
        var customer = await pc.AddCustomerAsync();
        using (var settings = await pc.Admin.PutAsJsonAsync("_sim/settings", new { consentWithMfa = false }))
        {
            settings.EnsureSuccessStatusCode();
        }
        await pc.ConsentAsync();
        var before = (int)(await pc.StatsAsync())["apiRequests"]!;

        var read = await Assert.ThrowsAsync<PartnerCenterMfaRequiredException>(() => pc.Client.GetSubscriptionsAsync(customer, None));
        var change = await Assert.ThrowsAsync<PartnerCenterMfaRequiredException>(() => pc.Client.SetQuantityAsync(new Models.SubscriptionKey(customer, "any"), 3, None));

        Assert.Equal((403, 403), (read.StatusCode, change.StatusCode));
        Assert.Equal(
            "Partner Center requires multi-factor authentication (error 900421): the stored consent was given without MFA. "
            + "An Admin Agent must consent again on the Partner Center page, signing in with MFA.", read.Message);
        // One request each: neither the retry pipeline nor the token renewal sends it again.
        Assert.Equal(before + 2, (int)(await pc.StatsAsync())["apiRequests"]!);
    }
}
