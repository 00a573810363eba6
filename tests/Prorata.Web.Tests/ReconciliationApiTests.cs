using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class ReconciliationApiTests(ProrataApp app)
{
    private static readonly byte[] March = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Files", "scenario-02-march.csv"));

    [Fact]
    public async Task Import_FileOfSubscriptionsProrataDoesNotKnow_ClassifiesEveryLineAsUnknownSubscription()
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);

        var imported = await client.PostAsync("/api/v1/reconciliations?fileName=march.csv", Csv(March));
        Assert.True(imported.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"got {imported.StatusCode}");
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var import = await CompletedAsync(client, id);

        var summary = import.GetProperty("summary");
        Assert.Equal((0, 5), (summary.GetProperty("matched").GetInt32(), summary.GetProperty("unknownSubscription").GetInt32()));
    }

    [Fact]
    public async Task Import_ReadOnlyUser_Returns403AndStoresNothing()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/reconciliations")).GetArrayLength();

        var response = await client.PostAsync("/api/v1/reconciliations", Csv(March));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/v1/reconciliations")).GetArrayLength());
    }

    private static ByteArrayContent Csv(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static async Task<JsonElement> CompletedAsync(HttpClient client, Guid id)
    {
        // The import runs in the background; a five-line file is done within moments.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var import = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}");
            if (import.GetProperty("status").GetString() is "done" or "refused") return import;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Import {id} did not finish.");
    }
}
