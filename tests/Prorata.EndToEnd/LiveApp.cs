using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Prorata.EndToEnd;

/// <summary>
/// The real app on Kestrel at a free 127.0.0.1 port, with its own SQLite file and an Owner from configuration, and
/// the machine's Chromium driven by Playwright (never a downloaded browser).
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    public const string OwnerEmail = "owner@northwind.example";
    public const string OwnerPassword = "end-to-end-passphrase";
    private const string Chromium = "/usr/bin/chromium";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"prorata-e2e-{Guid.NewGuid():N}.db");
    private readonly Factory _factory;
    private IPlaywright? _playwright;

    public LiveApp() : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">More configuration, e.g. a payment provider pointed at its simulator.</param>
    internal LiveApp(IReadOnlyDictionary<string, string?> settings) => _factory = new Factory($"Data Source={_database};Pooling=False", settings);

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's services, to put a test's starting state in place through the app's own code.</summary>
    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        // Addresses are checked with Expect(page).ToHaveURLAsync, never WaitForURLAsync: the latter checks the URL, then
        // subscribes to load events, and loses a "load" that arrives in between (microsoft/playwright-dotnet#3364).
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>A fresh browser page, signed in as the Owner through the sign-in form.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = BaseUrl });
        await page.GotoAsync("/signin");
        await page.FillAsync("#email", OwnerEmail);
        await page.FillAsync("#password", OwnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{BaseUrl}/");
        return page;
    }

    private sealed class Factory(string connectionString, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Prorata", connectionString);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.UseSetting("Prorata:Owner:Email", OwnerEmail);
            builder.UseSetting("Prorata:Owner:Password", OwnerPassword);
            builder.ConfigureLogging(logging => logging.ClearProviders());
        }
    }
}
