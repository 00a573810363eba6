using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Prorata.Application.Webhooks;
using Prorata.Data;
using Prorata.Data.Identity;
using Prorata.Testing;

namespace Prorata.Web.Tests;

/// <summary>
/// The restore drill of docs/deployment.md, once for real: bill a month into database A, back it up with pg_dump (custom
/// format) and a copy of the key ring, restore both into a fresh database B and key-ring folder, start the app on them with
/// the same key-ring key from the environment, and check that it opens what the key ring protects and bills on as if
/// nothing happened: the next month's invoice takes the next number, and the month billed before is not billed again.
/// </summary>
public sealed class RestoreDrillTests
{
    private const string Webhook = "https://erp.fabrikam.example/hooks/prorata";

    [Fact]
    public async Task BackupThenRestore_IntoAFreshDatabase_OpensTheKeyRingsSecretsAndBillsTheNextMonth()
    {
        var work = Directory.CreateTempSubdirectory("prorata-drill-").FullName;
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var a = await PostgresServer.CreateDatabaseAsync("prorata_drill_a", CancellationToken.None);
        string? b = null;
        try
        {
            Guid contractId, webhookId;
            string secret;
            await using (var appA = new DrillApp(a, Path.Combine(work, "keys-a"), key))
            {
                await ((IAsyncLifetime)appA).InitializeAsync();
                var owner = await appA.SignedInAsAsync(StaffRoles.Owner);
                var (invoice, _, _) = await InvoicingSeed.GermanInvoiceAsync(appA, owner);
                contractId = invoice.GetProperty("contractId").GetGuid();
                var created = await (await owner.PostAsJsonAsync("/api/v1/webhooks", new { url = Webhook, eventTypes = new[] { "payment.recorded" } }))
                    .Content.ReadFromJsonAsync<JsonElement>();
                (webhookId, secret) = (created.GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
            }

            // Backup: the database in pg_dump's custom format, and the key-ring folder beside it (the key stays in the environment).
            var dump = Path.Combine(work, "prorata.dump");
            await RunAsync("pg_dump", ["--format=custom", $"--file={dump}", $"--dbname={Libpq(a)}"]);
            CopyFolder(Path.Combine(work, "keys-a"), Path.Combine(work, "backup-keys"));

            // Restore: a fresh, empty database and the key ring copied back, then the app started on them.
            b = await PostgresServer.CreateDatabaseAsync("prorata_drill_b", CancellationToken.None);
            await RunAsync("pg_restore", ["--no-owner", "--exit-on-error", $"--dbname={Libpq(b)}", dump]);
            CopyFolder(Path.Combine(work, "backup-keys"), Path.Combine(work, "keys-b"));
            await using var appB = new DrillApp(b, Path.Combine(work, "keys-b"), key);
            var restoredOwner = await appB.SignedInAsAsync(StaffRoles.Owner);

            await using (var scope = appB.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
                var stored = db.WebhookSubscriptions.Single(s => s.Id == webhookId).ProtectedSecret;
                Assert.Equal(secret, scope.ServiceProvider.GetRequiredService<WebhookSecrets>().Unprotect(stored));
            }
            var next = await Bill(restoredOwner, InvoicingSeed.BillingDate.AddMonths(1));
            var again = await Bill(restoredOwner, InvoicingSeed.BillingDate);

            Assert.Equal((1, 0), (next.GetProperty("invoiced").GetInt32(), again.GetProperty("invoiced").GetInt32()));
            var invoices = (await restoredOwner.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?contractId={contractId}")).GetProperty("items").EnumerateArray()
                .Select(i => (i.GetProperty("number").GetString(), i.GetProperty("billingDate").GetString(), i.GetProperty("status").GetString()))
                .OrderBy(i => i.Item1).ToList();
            Assert.Equal(new (string?, string?, string?)[] { ("INV-000001", "2026-04-14", "issued"), ("INV-000002", "2026-05-14", "issued") }, invoices);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(a, CancellationToken.None);
            if (b is not null) await PostgresServer.DropDatabaseAsync(b, CancellationToken.None);
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<JsonElement> Bill(HttpClient client, DateOnly date)
    {
        var response = await client.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date = $"{date:yyyy-MM-dd}" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The Npgsql connection string as libpq (pg_dump, pg_restore) reads one.</summary>
    private static string Libpq(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={npgsql.Host} port={npgsql.Port} user={npgsql.Username} dbname={npgsql.Database}"
            + (string.IsNullOrEmpty(npgsql.Password) ? "" : $" password={npgsql.Password}");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    private static async Task RunAsync(string tool, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(PostgresServer.ToolPath(tool)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await output}{await error}");
    }

    /// <summary>The app on a given database and key-ring folder, the key ring encrypted with a key given as the environment would.</summary>
    private sealed class DrillApp(string connectionString, string keysDirectory, string key) : InvoicingApp
    {
        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);

        protected override Task DropDatabaseAsync() => Task.CompletedTask;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Also when InitializeAsync is not called: the restored database has its staff users already.
            builder.UseSetting("ConnectionStrings:Prorata", connectionString);
            builder.UseSetting("Prorata:DataProtection:KeysDirectory", keysDirectory);
            builder.UseSetting("Prorata:DataProtection:Key", key);
        }
    }
}
