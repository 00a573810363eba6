using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class ReconciliationStorageTests(ProrataApp app)
{
    private static readonly byte[] March = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Files", "scenario-02-march.csv"));

    [Fact]
    public async Task Import_WholeFile_HeaderAndEveryLineStored()
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);

        var id = await ImportAsync(client, March);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var stored = await db.ReconImports.AsNoTracking().SingleAsync(i => i.Sha256 == Sha256(March));
        var states = await db.ReconImportLines.AsNoTracking().Where(l => l.ImportId == id).OrderBy(l => l.Row).Select(l => l.State).ToListAsync();
        Assert.Equal((id, 5L, 5), (stored.Id, stored.Rows, stored.UnknownSubscription));
        Assert.Equal(Enumerable.Repeat("UnknownSubscription", 5), states);
    }

    [Fact]
    public async Task Import_FileCutInTheMiddleOfALine_RefusedAndNothingStored()
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var cut = March[..(March.Length - 20)];

        var id = await ImportAsync(client, cut, expectedStatus: "refused");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        Assert.Equal((0, 0), (await db.ReconImports.CountAsync(i => i.Sha256 == Sha256(cut)), await db.ReconImportLines.CountAsync(l => l.ImportId == id)));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<Guid> ImportAsync(HttpClient client, byte[] bytes, string expectedStatus = "done")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync("/api/v1/reconciliations?fileName=march.csv", content);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The import runs in the background; a five-line file is done within moments.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var import = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}");
            if (import.GetProperty("status").GetString() is "done" or "refused")
            {
                Assert.Equal(expectedStatus, import.GetProperty("status").GetString());
                return id;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Import {id} did not finish.");
    }
}
