using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Prorata.Testing;

namespace Prorata.Bench;

/// <summary>
/// `import-limits [--gigabytes 1] [--database postgres|sqlite]` (issue 18): starts the real app (Prorata.Web, Release) as a
/// process on a loopback port, signs in, and measures its peak resident memory (VmHWM) and the time through two files:
/// a gzip bomb (10 GB of zeros in about 10 MB of gzip) posted to the recon and the usage endpoints, which must be refused
/// at once; then a recon CSV of at least the given size, generated while it is sent (never on disk here), which must
/// import (or be refused by a documented limit) while a staff user keeps creating customers, their slowest write shown.
/// PostgreSQL from PRORATA_TEST_POSTGRES or a throwaway cluster; SQLite in a temporary folder.
/// </summary>
public static partial class ImportLimitsBenchmark
{
    private const string Owner = "bench-owner@contoso.example";
    private const string Password = "harbour-lantern-meadow-7";

    private const string Header = "PartnerId,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,InvoiceNumber,MPNID,ResellerMPNID,OrderId,OrderDate,"
        + "ProductId,SkuId,AvailabilityId,SkuName,ProductName,ChargeType,UnitPrice,Quantity,Subtotal,TaxTotal,Total,Currency,PriceAdjustmentDescription,"
        + "PublisherName,PublisherId,SubscriptionDescription,SubscriptionId,ChargeStartDate,ChargeEndDate,TermAndBillingCycle,EffectiveUnitPrice,UnitType,"
        + "AlternateId,BillableQuantity,BillingFrequency,PricingCurrency,PCToBCExchangeRate,PCToBCExchangeRateDate,MeterDescription,ReservationOrderId,"
        + "CreditReasonCode,SubscriptionStartDate,SubscriptionEndDate,ReferenceId,ProductQualifiers,PromotionId,InvoiceLineItemType";

    public static int Run(string[] args)
    {
        var gigabytes = 1.0;
        var database = "postgres";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--gigabytes": gigabytes = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--database": database = args[i + 1]; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; import-limits [--gigabytes 1] [--database postgres|sqlite]");
                    return 2;
            }
        }
        return RunAsync((long)(gigabytes * (1L << 30)), database).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(long bytes, string database)
    {
        var folder = Directory.CreateTempSubdirectory("prorata-import-limits-");
        var connection = database == "sqlite"
            ? $"Data Source={Path.Combine(folder.FullName, "prorata.db")}"
            : await PostgresServer.CreateDatabaseAsync("prorata_import_limits", CancellationToken.None);
        var port = FreePort();
        using var app = StartApp(connection, port, folder.FullName);
        try
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromHours(1),
            };
            await WaitForHealthAsync(client, app);
            await SignInAsync(client);
            Console.WriteLine($"app          pid {app.Id} on {database}, resident {Resident(app) / 1e6:N0} MB after start");

            var bomb = Bomb(10L << 30);
            Console.WriteLine($"gzip bomb    {bomb.Length / 1e6:N1} MB of gzip holding {10L << 30:N0} bytes of zeros");
            foreach (var path in new[] { "/api/v1/reconciliations", "/api/v1/usage-imports" })
            {
                var watch = Stopwatch.StartNew();
                var content = new ByteArrayContent(bomb);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
                using var response = await client.PostAsync($"{path}?fileName=bomb.jsonl.gz", content);
                var problem = await response.Content.ReadAsStringAsync();
                Console.WriteLine($"  {path,-26} {(int)response.StatusCode} in {watch.Elapsed.TotalMilliseconds:N0} ms: {Limit(problem)}");
            }
            Console.WriteLine($"  peak resident memory so far {Peak(app) / 1e6:N0} MB; /health {(int)(await client.GetAsync("/health")).StatusCode}");

            var large = Stopwatch.StartNew();
            var lines = bytes / LineBytes() + 1;
            using var upload = new ReconFileContent(lines);
            var accepted = await client.PostAsync("/api/v1/reconciliations?fileName=large.csv", upload);
            Console.WriteLine($"large file   {upload.Written / 1e9:N2} GB, {lines:N0} lines sent in {large.Elapsed.TotalSeconds:N1} s: {(int)accepted.StatusCode}, resident {Resident(app) / 1e6:N0} MB");
            if (accepted.StatusCode != HttpStatusCode.Accepted)
            {
                Console.WriteLine($"  refused: {Limit(await accepted.Content.ReadAsStringAsync())}");
            }
            else
            {
                var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                var slowest = TimeSpan.Zero;
                var writes = 0;
                string status;
                JsonElement import;
                while (true)
                {
                    import = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconciliations/{id}");
                    status = import.GetProperty("status").GetString()!.ToLowerInvariant();
                    if (status is not ("queued" or "running")) break;
                    var write = Stopwatch.StartNew();
                    using var created = await client.PostAsJsonAsync("/api/v1/customers", new { name = $"Wingtip {Guid.NewGuid():N}", currency = "USD", billingEmail = "ap@wingtip.example" });
                    if (created.StatusCode != HttpStatusCode.Created) Console.WriteLine($"  a staff write failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
                    slowest = write.Elapsed > slowest ? write.Elapsed : slowest;
                    if (++writes % 40 == 0)
                    {
                        Console.WriteLine($"  {import.GetProperty("rowsRead").GetInt64(),12:N0} rows after {large.Elapsed.TotalSeconds,5:N0} s, resident {Resident(app) / 1e6:N0} MB");
                    }
                    await Task.Delay(500);
                }
                Console.WriteLine($"  {status} after {large.Elapsed.TotalSeconds:N1} s ({import.GetProperty("rowsRead").GetInt64():N0} rows{(import.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? $": {error.GetString()}" : "")})");
                Console.WriteLine($"  {writes} customers created meanwhile, slowest {slowest.TotalMilliseconds:N0} ms");
            }
            Console.WriteLine($"peak resident memory of the app {Peak(app) / 1e6:N0} MB (VmHWM), {Resident(app) / 1e6:N0} MB now");
            return 0;
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            folder.Delete(recursive: true);
        }
    }

    private static Process StartApp(string connection, int port, string workingDirectory)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Prorata.slnx"))) root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("Run from the repository.");
        var dll = Path.Combine(root, "src", "Prorata.Web", "bin", "Release", "net10.0", "Prorata.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ConnectionStrings__Prorata"] = connection;
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Prorata__SeedDemoData"] = "false";
        start.Environment["Prorata__Billing__DailyRun"] = "false";
        start.Environment["Prorata__Owner__Email"] = Owner;
        start.Environment["Prorata__Owner__Password"] = Password;
        start.Environment["Prorata__DataProtection__KeysDirectory"] = Path.Combine(workingDirectory, "keys");
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  app: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient client, Process app)
    {
        for (var i = 0; i < 600; i++)
        {
            if (app.HasExited) throw new InvalidOperationException($"the app stopped with exit code {app.ExitCode}");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the app did not answer /health within a minute");
    }

    private static async Task SignInAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/signin");
        var form = HiddenInput().Matches(page).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        form["Form.Email"] = Owner;
        form["Form.Password"] = Password;
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(form));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}");
    }

    private static byte[] Bomb(long zeros)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            var block = new byte[1 << 20];
            for (long written = 0; written < zeros; written += block.Length) gzip.Write(block);
        }
        return output.ToArray();
    }

    private static string Limit(string problem)
    {
        try
        {
            var json = JsonDocument.Parse(problem).RootElement;
            return json.TryGetProperty("limit", out var limit) ? $"{limit.GetString()} — {json.GetProperty("detail").GetString()}" : problem;
        }
        catch (JsonException)
        {
            return problem;
        }
    }

    // Peak and current resident set of the app's process, as the kernel counts them.
    private static long Peak(Process process) => Status(process, "VmHWM:");

    private static long Resident(Process process) => Status(process, "VmRSS:");

    private static long Status(Process process, string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static long LineBytes() => Encoding.UTF8.GetByteCount(ReconFileContent.Line(0)) + 1;

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();

    /// <summary>A recon CSV of <c>lines</c> lines written while it is sent: one subscription per thousand lines, never a file on disk.</summary>
    private sealed class ReconFileContent : HttpContent
    {
        private readonly long lines;

        public ReconFileContent(long lines)
        {
            this.lines = lines;
            Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        }

        public long Written { get; private set; }

        public static string Line(long row) =>
            $"\"3b33e682-00c3-41ee-9dd2-a548adf56438\",\"4c1a5d1e-6a52-4b1f-9a8e-1f0c2b3d4e5f\",\"Contoso Ltd\",\"contoso.onmicrosoft.com\",\"US\",\"G012345678\",\"6123456\",\"\","
            + $"\"7d0e0c2b9f6a4f1e8d3c2b1a09f8e7d6\",\"2025-01-01\",\"CFQ7TTC0LCHC\",\"0002\",\"CFQ7TTC0LF8R\",\"Microsoft 365 Business Premium\",\"Microsoft 365 Business Premium\","
            + $"\"new\",\"12.00\",\"10\",\"120.00\",\"0\",\"120.00\",\"USD\",\"[]\",\"Microsoft Corporation\",\"\",\"Microsoft 365 Business Premium\",\"S{row / 1000:D9}\","
            + $"\"2025-01-01\",\"2025-01-31\",\"One-Year commitment for monthly/yearly billing\",\"12.00\",\"\",\"{row:D12}\",\"10\",\"Monthly\",\"USD\",\"1\",\"2025-01-01\","
            + $"\"\",\"\",\"\",\"2025-01-01\",\"2025-12-31\",\"\",\"[]\",\"\",\"billing_line_items\"";

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var text = new StringBuilder(1 << 20);
            text.Append(Header).Append('\n');
            for (long row = 0; row < lines; row++)
            {
                text.Append(Line(row)).Append('\n');
                if (text.Length > (1 << 20) - 1024 || row == lines - 1)
                {
                    var chunk = Encoding.UTF8.GetBytes(text.ToString());
                    await stream.WriteAsync(chunk);
                    Written += chunk.Length;
                    text.Clear();
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
