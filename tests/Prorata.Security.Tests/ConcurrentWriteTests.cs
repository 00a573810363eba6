using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Security.Tests;

/// <summary>
/// Issue 18: while a large recon file imports on SQLite, other staff keep working: their writes wait at most a moment
/// (the import commits in short batches and pauses), instead of waiting for the whole file or failing with
/// "database is locked"; a refused big file leaves nothing behind.
/// </summary>
public sealed class ConcurrentWriteTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private const int Lines = 20_000;
    private static readonly string[] Header = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Files", "scenario-02-march.csv"));

    [Fact]
    public async Task CustomersCreatedDuringABigReconImport_AllSucceedWithinSeconds()
    {
        var admin = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var accepted = await admin.PostAsync("/api/v1/reconciliations?fileName=big.csv", Csv(BigFile(bad: false)));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var slowest = TimeSpan.Zero;
        var writesDuringImport = 0;
        while (await StatusAsync(admin, id) is "queued" or "running")
        {
            var watch = Stopwatch.StartNew();
            var created = await admin.PostAsJsonAsync("/api/v1/customers", new { name = $"Wingtip {Guid.NewGuid():N}", currency = "USD", billingEmail = "ap@wingtip.example" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            writesDuringImport++;
        }

        Assert.Equal("done", await StatusAsync(admin, id));
        Assert.True(writesDuringImport >= 3, $"only {writesDuringImport} writes while the import ran");
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"a write waited {slowest} for the import");
        Assert.Equal(Lines, await app.WithDbAsync(db => Task.FromResult(db.ReconImportLines.Count(l => l.ImportId == id))));
    }

    [Fact]
    public async Task BigFileRefusedOnItsLastRow_LeavesNoLineBehind()
    {
        var admin = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var accepted = await admin.PostAsync("/api/v1/reconciliations?fileName=big-bad.csv", Csv(BigFile(bad: true)));
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        while (await StatusAsync(admin, id) is "queued" or "running")
        {
            await Task.Delay(100);
        }

        Assert.Equal("refused", await StatusAsync(admin, id));
        Assert.Equal((0, 0), await app.WithDbAsync(db => Task.FromResult((db.ReconImports.Count(i => i.Id == id), db.ReconImportLines.Count(l => l.ImportId == id)))));
    }

    private static async Task<string> StatusAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}")).GetProperty("status").GetString()!.ToLowerInvariant();

    // The March file's first line again and again (every one an unknown subscription, so every one stored as a
    // discrepancy); the customer name makes the bytes unique. A bad file ends in a cut row.
    private static byte[] BigFile(bool bad)
    {
        var text = new StringBuilder(Header[0]).Append('\n');
        var line = Header[1].Replace("Contoso Ltd", $"Contoso {Guid.NewGuid():N}");
        for (var i = 0; i < Lines; i++)
        {
            text.Append(line).Append('\n');
        }
        if (bad)
        {
            text.Append(line.AsSpan(0, 40)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static ByteArrayContent Csv(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
