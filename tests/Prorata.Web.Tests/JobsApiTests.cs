using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>Issue 17: the scheduled jobs, their schedule and runs on the page and the API, and running one now.</summary>
[Collection(AppCollection.Name)]
public sealed class JobsApiTests(ProrataApp app)
{
    [Fact]
    public async Task Jobs_AreListedWithTheirSchedule_TheTestSettingsTurnThemOff()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var jobs = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        var page = await client.GetStringAsync("/jobs");

        Assert.Equal(
            [
                ("daily-billing", "at start, then every day at 00:00 UTC", false),
                ("dunning", "at start, then every day at 00:30 UTC", false),
                ("partner-center-sync", "every 15 minutes", false),
                ("license-read", "every 24 hours", false),
            ],
            jobs.EnumerateArray().Select(j => (j.GetProperty("key").GetString(), j.GetProperty("schedule").GetString(), j.GetProperty("enabled").GetBoolean())));
        Assert.All(jobs.EnumerateArray(), j => Assert.Equal(JsonValueKind.Null, j.GetProperty("nextRun").ValueKind));
        Assert.Equal(4, PageHtml.RowCount(page, "jobs"));
        Assert.DoesNotContain("Run now", page);
    }

    [Fact]
    public async Task RunNow_RunsTheJobOnce_AndItsRunSaysWhatItDid()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);

        var started = await client.PostAsJsonAsync("/api/v1/jobs/license-read/run", new { });
        var run = await RunOfAsync(client, "license-read", ProrataApp.EmailOf(StaffRoles.Finance));
        var unknown = await client.PostAsJsonAsync("/api/v1/jobs/no-such-job/run", new { });
        var sales = await (await app.SignedInAsAsync(StaffRoles.Sales)).PostAsJsonAsync("/api/v1/jobs/license-read/run", new { });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(("skipped", "Partner Center is not configured.", JsonValueKind.Null),
            (run.GetProperty("outcome").GetString(), run.GetProperty("message").GetString(), run.GetProperty("scheduledFor").ValueKind));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("No job is named 'no-such-job'; see GET /api/v1/jobs.", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, sales.StatusCode);
        var page = await client.GetStringAsync("/jobs");
        Assert.Contains("Skipped: Partner Center is not configured.", PageHtml.Row(page, "jobs", "License read")[4]);
    }

    /// <summary>The job's run by <paramref name="by"/>, once finished (the scheduler runs it on its own thread; ten seconds at most).</summary>
    private static async Task<JsonElement> RunOfAsync(HttpClient client, string job, string by)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}/runs");
            var run = runs.EnumerateArray().FirstOrDefault(r => r.GetProperty("triggeredBy").GetString() == by && r.GetProperty("outcome").ValueKind != JsonValueKind.Null);
            if (run.ValueKind != JsonValueKind.Undefined) return run;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{job} run by {by} did not finish.");
    }
}
