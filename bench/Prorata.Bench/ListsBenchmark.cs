extern alias web;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Npgsql;
using Prorata.Application.ApiKeys;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Identity;
using Prorata.Data.Invoices;
using Prorata.Data.Receivables;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Subscriptions;
using Prorata.Testing;

namespace Prorata.Bench;

/// <summary>
/// `lists [--subscriptions 100000] [--invoices 50000] [--customers 2000] [--seconds 10] [--clients 8] [--postgres]` (issue 16):
/// the real app on Kestrel over a database holding that many subscriptions and invoices (and a payment for every other
/// invoice), called with an API key the way an integration calls it.
/// 1. Every staff list page (plain, searched, sorted, deep pages), each loaded 10 times after a warm-up: median, p90 and
///    worst. Target: p90 ≤ 300 ms.
/// 2. The API under load: that many clients for that many seconds, each looping over a subscription, an invoice and a
///    customer by id and a customer's invoices list (the reads an integration makes): requests a second, p50/p90/p99.
///    Target: ≥ 1,000 requests a second with p90 ≤ 20 ms. The load runs in the same process as the app, on the same cores.
/// </summary>
public static class ListsBenchmark
{
    private const string Email = "owner@northwind.example";
    private const string Password = "lists-benchmark-passphrase";
    private static readonly TimeSpan PageTarget = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan ApiP90Target = TimeSpan.FromMilliseconds(20);
    private const double ThroughputTarget = 1_000;

    private sealed record Options(int Subscriptions, int Invoices, int Customers, int Seconds, int Clients, bool Postgres);

    private sealed record SeededIds(IReadOnlyList<Guid> Customers, IReadOnlyList<Guid> Subscriptions, IReadOnlyList<Guid> Invoices);

    public static int Run(string[] args)
    {
        var o = new Options(100_000, 50_000, 2_000, 10, 8, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--subscriptions": o = o with { Subscriptions = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--invoices": o = o with { Invoices = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--customers": o = o with { Customers = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--seconds": o = o with { Seconds = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--clients": o = o with { Clients = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--postgres": o = o with { Postgres = true }; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; lists [--subscriptions 100000] [--invoices 50000] [--customers 2000] [--seconds 10] [--clients 8] [--postgres]");
                    return 2;
            }
        }
        return RunAllAsync(o).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAllAsync(Options o)
    {
        var ct = CancellationToken.None;
        var failed = 0;
        var file = ReceivablesSeed.NewSqliteFile("lists");
        try
        {
            // Pooled, as the app runs on its own file; the pool is emptied before the file is deleted.
            failed += await RunAsync("SQLite", $"Data Source={file}", o, ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            ReceivablesSeed.DeleteSqlite(file);
        }
        if (o.Postgres)
        {
            var connectionString = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("prorata_lists", ct)) { Pooling = true }.ConnectionString;
            try
            {
                failed += await RunAsync("PostgreSQL", connectionString, o, ct);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await PostgresServer.DropDatabaseAsync(connectionString, ct);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> RunAsync(string database, string connectionString, Options o, CancellationToken ct)
    {
        var seedWatch = Stopwatch.StartNew();
        await ReceivablesSeed.MigrateAsync(connectionString, ct);
        var ids = await SeedAsync(connectionString, o, ct);
        await ReceivablesSeed.AnalyzeAsync(connectionString, ct);
        Console.WriteLine($"[{database}] seeded {o.Customers:N0} customers, {o.Subscriptions:N0} subscriptions, {o.Invoices:N0} invoices, {o.Invoices / 2:N0} payments "
            + $"in {seedWatch.Elapsed.TotalSeconds:F1} s");

        // The app's static files are under src/Prorata.Web, wherever the benchmark was built.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PRORATA_WEB", DashboardBenchmark.WebRoot());
        await using var factory = new App(connectionString);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        string secret;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var issued = await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(new ApiKeyDraft("lists benchmark", StaffRoles.ReadOnly, null), "bench", ct);
            secret = issued.Entity!.Secret;
        }
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(baseUrl),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var staff = new HttpClient(new SocketsHttpHandler { CookieContainer = await SignedInCookiesAsync(baseUrl), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
        };

        var pagesOk = await PagesAsync(database, staff, o, ct);
        var apiOk = await LoadAsync(database, client, ids, o, ct);
        return pagesOk && apiOk ? 0 : 1;
    }

    /// <summary>The staff pages take the sign-in cookie, not an API key: the Owner signs in once in Chromium and the cookies are reused.</summary>
    private static async Task<CookieContainer> SignedInCookiesAsync(string baseUrl)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin?returnUrl=%2Fcustomers");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForSelectorAsync("#customers");
        var jar = new CookieContainer();
        foreach (var c in await context.CookiesAsync()) jar.Add(new Uri(baseUrl), new System.Net.Cookie(c.Name, c.Value, c.Path, c.Domain));
        return jar;
    }

    private static async Task<bool> PagesAsync(string database, HttpClient client, Options o, CancellationToken ct)
    {
        string[] pages =
        [
            "/customers", "/customers?q=customer 0012", "/customers?sort=-created", "/customers?page=10",
            "/contracts", "/contracts?q=EUR", "/contracts?page=10",
            "/subscriptions", "/subscriptions?q=E3", "/subscriptions?sort=-seats", $"/subscriptions?page={o.Subscriptions / 200}", "/subscriptions?status=cancelled", "/subscriptions?sort=customer",
            "/invoices", "/invoices?q=INV-004242", "/invoices?q=customer 0015", "/invoices?sort=total", $"/invoices?page={o.Invoices / 200}", "/invoices?status=draft",
            "/payments", "/payments?q=customer 0015", "/payments?sort=amount", "/search?q=customer 0012", "/search?q=INV-001234",
        ];
        var worst = TimeSpan.Zero;
        Console.WriteLine($"[{database}] list pages, 10 loads each after a warm-up (median / p90 / worst):");
        foreach (var path in pages)
        {
            for (var warm = 0; warm < 2; warm++) await GetPageAsync(client, path, ct);
            var times = new List<TimeSpan>();
            for (var i = 0; i < 10; i++)
            {
                var watch = Stopwatch.StartNew();
                await GetPageAsync(client, path, ct);
                times.Add(watch.Elapsed);
            }
            times.Sort();
            var p90 = times[8];
            if (p90 > worst) worst = p90;
            Console.WriteLine($"  {path,-40} {Ms(times[5]),7} {Ms(p90),7} {Ms(times[^1]),7}");
        }
        var ok = worst <= PageTarget;
        Console.WriteLine($"[{database}] slowest page p90 {Ms(worst)}; target ≤ {Ms(PageTarget)}: {(ok ? "met" : "NOT met")}");
        return ok;
    }

    private static async Task GetPageAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains("<table", StringComparison.Ordinal) && !path.StartsWith("/search", StringComparison.Ordinal))
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} without its list");
    }

    private static async Task<bool> LoadAsync(string database, HttpClient client, SeededIds ids, Options o, CancellationToken ct)
    {
        string[] kinds = ["subscription by id", "invoice by id", "customer by id", "a customer's invoices"];
        string Url(int kind, Random random) => kind switch
        {
            0 => $"/api/v1/subscriptions/{ids.Subscriptions[random.Next(ids.Subscriptions.Count)]}",
            1 => $"/api/v1/invoices/{ids.Invoices[random.Next(ids.Invoices.Count)]}",
            2 => $"/api/v1/customers/{ids.Customers[random.Next(ids.Customers.Count)]}",
            _ => $"/api/v1/invoices?customerId={ids.Customers[random.Next(ids.Customers.Count)]}&pageSize=25",
        };
        // Warm-up: every kind a few times, so the first JIT and pool growth are not measured.
        var warmRandom = new Random(1);
        for (var i = 0; i < 200; i++) (await client.GetAsync(Url(i % kinds.Length, warmRandom), ct)).EnsureSuccessStatusCode();

        var until = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(o.Seconds);
        var results = await Task.WhenAll(Enumerable.Range(0, o.Clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c + 7);
            var mine = new List<(int Kind, double Ms)>();
            for (var n = c; until.Elapsed < duration; n++)
            {
                var kind = n % kinds.Length;
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(Url(kind, random), ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{kinds[kind]} answered {(int)response.StatusCode}");
                mine.Add((kind, watch.Elapsed.TotalMilliseconds));
            }
            return mine;
        }, ct)));
        var elapsed = until.Elapsed.TotalSeconds;
        var all = results.SelectMany(r => r).ToList();
        var throughput = all.Count / elapsed;
        var overall = Percentiles(all.Select(r => r.Ms));
        Console.WriteLine($"[{database}] API under load: {o.Clients} clients for {elapsed:F1} s, {all.Count:N0} requests, {throughput:N0} requests/s; "
            + $"p50 {overall.P50:F1} ms, p90 {overall.P90:F1} ms, p99 {overall.P99:F1} ms");
        for (var k = 0; k < kinds.Length; k++)
        {
            var p = Percentiles(all.Where(r => r.Kind == k).Select(r => r.Ms));
            Console.WriteLine($"  {kinds[k],-24} p50 {p.P50,6:F1} ms  p90 {p.P90,6:F1} ms  p99 {p.P99,6:F1} ms");
        }
        var ok = throughput >= ThroughputTarget && overall.P90 <= ApiP90Target.TotalMilliseconds;
        Console.WriteLine($"[{database}] target ≥ {ThroughputTarget:N0} requests/s at p90 ≤ {Ms(ApiP90Target)}: {(ok ? "met" : "NOT met")}");
        return ok;
    }

    private static (double P50, double P90, double P99) Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
        return (At(0.50), At(0.90), At(0.99));
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:F0} ms";

    private static async Task<SeededIds> SeedAsync(string connectionString, Options o, CancellationToken ct)
    {
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var entities = new[] { TestLegalEntities.New("Bench Reseller GmbH", at, "EUR"), TestLegalEntities.New("Bench Reseller Inc.", at, "USD") };
        await using (var db = ReceivablesSeed.Open(connectionString))
        {
            db.LegalEntities.AddRange(entities);
            await db.SaveChangesAsync(ct);
        }
        var customers = Enumerable.Range(0, o.Customers).Select(i => new Customer
        {
            Id = Guid.CreateVersion7(at.AddTicks(i)), Name = $"Bench Customer {i:D6}", Currency = entities[i % 2].Currency, BillingEmail = $"ap{i}@bench.example",
            CreditHold = i % 50 == 0, CreatedAt = at.AddMinutes(i), UpdatedAt = at, Version = 1,
        }).ToList();
        var contracts = customers.Select((c, i) => new BillingContract
        {
            Id = Guid.CreateVersion7(at.AddTicks(i)), CustomerId = c.Id, Currency = c.Currency, BillingDay = 1 + i % 28, InvoiceCadence = InvoiceCadence.Monthly,
            PaymentTermsDays = 30, LegalEntityId = entities[i % 2].Id, CreatedAt = at, UpdatedAt = at, Version = 1,
        }).ToList();
        await ReceivablesSeed.InsertAsync(connectionString, customers, ct);
        await ReceivablesSeed.InsertAsync(connectionString, contracts, ct);

        string[] titles = ["Microsoft 365 Business Premium", "Microsoft 365 E3", "Microsoft 365 E5", "Exchange Online (Plan 1)", "Teams Essentials", "Power BI Pro"];
        var subscriptions = Enumerable.Range(0, o.Subscriptions).Select(i => new CustomerSubscription
        {
            Id = Guid.CreateVersion7(at.AddTicks(i)), ContractId = contracts[i % contracts.Count].Id, ProductId = $"CFQ7TTC0{i % titles.Length:D4}", SkuId = "0001",
            Title = titles[i % titles.Length], Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly,
            Status = i % 20 == 0 ? SubscriptionStatus.Cancelled : SubscriptionStatus.Active, Quantity = 1 + i * 7919 % 500, AutoRenew = true,
            CreatedAt = at.AddSeconds(i), UpdatedAt = at, ChangeCount = 1,
        }).ToList();
        await ReceivablesSeed.InsertAsync(connectionString, subscriptions, ct);

        var numbers = new long[entities.Length];
        var invoices = Enumerable.Range(0, o.Invoices).Select(i =>
        {
            var contract = contracts[i % contracts.Count];
            var entity = i % contracts.Count % 2;
            var month = i / contracts.Count;
            var draft = i % 100 == 0;
            var total = Math.Round(50m + i * 37 % 10_000 / 3m, 2);
            return new CustomerInvoice
            {
                Id = Guid.CreateVersion7(at.AddTicks(i)), ContractId = contract.Id, BillingDate = new DateOnly(2025, 1, contract.BillingDay).AddMonths(month),
                Kind = InvoiceKind.Invoice, Status = draft ? InvoiceStatus.Draft : InvoiceStatus.Issued, LegalEntityId = contract.LegalEntityId,
                LegalEntityName = entities[entity].Name, Number = draft ? null : ++numbers[entity], NumberPrefix = draft ? null : "INV-", Currency = contract.Currency,
                Subtotal = total, Total = total, DueDate = new DateOnly(2025, 1, contract.BillingDay).AddMonths(month).AddDays(30), CreatedAt = at.AddSeconds(i),
                IssuedAt = draft ? null : at.AddSeconds(i),
            };
        }).ToList();
        await ReceivablesSeed.InsertAsync(connectionString, invoices, ct);

        var payments = invoices.Where((_, i) => i % 2 == 1 && invoices[i].Status == InvoiceStatus.Issued).Select((invoice, i) => new Payment
        {
            Id = Guid.CreateVersion7(at.AddTicks(i)), CustomerId = contracts.First(c => c.Id == invoice.ContractId).CustomerId, Currency = invoice.Currency, Amount = invoice.Total,
            ReceivedAt = invoice.IssuedAt!.Value.AddDays(20), Method = i % 3 == 0 ? PaymentMethodKind.Card : PaymentMethodKind.BankTransfer, Reference = $"{invoice.NumberPrefix}{invoice.Number:D6}",
            InvoiceId = invoice.Id, RecordedBy = "bench", RecordedAt = invoice.IssuedAt!.Value.AddDays(20),
        });
        await ReceivablesSeed.InsertAsync(connectionString, payments, ct);
        return new SeededIds(customers.Select(c => c.Id).ToList(), subscriptions.Select(s => s.Id).ToList(), invoices.Select(i => i.Id).ToList());
    }

    private sealed class App(string connectionString) : WebApplicationFactory<web::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Prorata", connectionString);
            builder.UseSetting("Prorata:SeedDemoData", "false");
            builder.UseSetting("Prorata:Owner:Email", Email);
            builder.UseSetting("Prorata:Owner:Password", Password);
            // The benchmark measures reading; the daily jobs would bill and dun the seeded contracts meanwhile.
            builder.UseSetting("Prorata:Billing:DailyRun", "false");
            builder.UseSetting("Prorata:Dunning:DailyRun", "false");
            builder.UseEnvironment("Production");
            builder.ConfigureLogging(logging => logging.ClearProviders());
        }
    }
}
