extern alias web;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Prorata.Bench;

/// <summary>
/// `dashboard [--loads 10]` (issue 15): the real app on Kestrel with a fresh SQLite file and the demo partner's data (as
/// `dotnet run` seeds it), and the machine's Chromium signed in as the Owner; the home page loaded again and again, each
/// time until its load event and every chart drawn. Prints each load, the median and the best. Target: under a second.
/// </summary>
public static class DashboardBenchmark
{
    private const string Email = "owner@northwind.example";
    private const string Password = "dashboard-benchmark-passphrase";
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    public static int Run(string[] args)
    {
        var loads = 10;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--loads": loads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; dashboard [--loads 10]");
                    return 2;
            }
        }
        return RunAsync(Math.Max(1, loads)).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int loads)
    {
        var database = Path.Combine(Path.GetTempPath(), $"prorata-dashboard-{Guid.NewGuid():N}.db");
        var factory = new App($"Data Source={database};Pooling=False");
        try
        {
            var start = Stopwatch.StartNew();
            // The app's static files are under src/Prorata.Web; the benchmark may be built anywhere (an artifacts path).
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PRORATA_WEB", WebRoot());
            factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            Console.WriteLine($"app with the demo data started in {start.Elapsed.TotalSeconds:F1} s at {baseUrl}");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseUrl });
            await page.GotoAsync("/signin");
            await page.FillAsync("#email", Email);
            await page.FillAsync("#password", Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForSelectorAsync("figure.chart svg");

            var charts = await page.Locator("figure.chart svg").CountAsync();
            var times = new List<TimeSpan>();
            for (var i = 0; i < loads; i++)
            {
                var watch = Stopwatch.StartNew();
                await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                var drawn = await page.Locator("figure.chart svg").CountAsync();
                watch.Stop();
                if (drawn != charts) throw new InvalidOperationException($"load {i + 1} drew {drawn} charts, the first {charts}");
                times.Add(watch.Elapsed);
                Console.WriteLine($"load {i + 1}: {watch.Elapsed.TotalMilliseconds:F0} ms");
            }
            var median = times.Order().ElementAt(times.Count / 2);
            Console.WriteLine($"home page with {charts} charts in Chromium: median {median.TotalMilliseconds:F0} ms, best {times.Min().TotalMilliseconds:F0} ms over {loads} loads; "
                + $"target under {Target.TotalMilliseconds:F0} ms: {(median < Target ? "met" : "NOT met")}");
            return median < Target ? 0 : 1;
        }
        finally
        {
            await factory.DisposeAsync();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" }) File.Delete(file);
        }
    }

    /// <summary>src/Prorata.Web of the checkout the benchmark is run from (README: from the repository's root).</summary>
    internal static string WebRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "src", "Prorata.Web", "Prorata.Web.csproj"))) return Path.Combine(dir.FullName, "src", "Prorata.Web");
        throw new InvalidOperationException("Run the dashboard benchmark from the repository (src/Prorata.Web not found above the current directory).");
    }

    private sealed class App(string connectionString) : WebApplicationFactory<web::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Prorata", connectionString);
            builder.UseSetting("Prorata:Owner:Email", Email);
            builder.UseSetting("Prorata:Owner:Password", Password);
            builder.UseEnvironment("Production");
            builder.ConfigureLogging(logging => logging.ClearProviders());
        }
    }
}
