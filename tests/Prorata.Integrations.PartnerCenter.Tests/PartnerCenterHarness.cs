using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnerCenterSimulator;
using PartnerCenterSimulator.Clock;
using Prorata.Integrations.PartnerCenter.Credentials;
using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Tests;

/// <summary>
/// The simulator on a free 127.0.0.1 port with a frozen clock, and Prorata's client wired the way the Web host wires
/// it (AddPartnerCenter), talking real HTTP to it. Consent is completed through the authorize and token endpoints.
/// </summary>
public sealed class PartnerCenterHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _simulator;
    private readonly ServiceProvider _services;

    private PartnerCenterHarness(WebApplication simulator, Uri baseAddress, SimulatedClock clock, ServiceProvider services)
    {
        _simulator = simulator;
        _services = services;
        BaseAddress = baseAddress;
        Clock = clock;
        Admin = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public SimulatedClock Clock { get; }

    public HttpClient Admin { get; }

    public IPartnerCenter Client => _services.GetRequiredService<IPartnerCenter>();

    public PartnerCenterCredentials Credentials => _services.GetRequiredService<PartnerCenterCredentials>();

    public IRefreshTokenStore TokenStore => _services.GetRequiredService<IRefreshTokenStore>();

    public ICredentialVault Vault => _services.GetRequiredService<ICredentialVault>();

    public static async Task<PartnerCenterHarness> StartAsync(int pageSize = 500)
    {
        var clock = new SimulatedClock(Start);
        var (simulator, baseAddress) = await SimulatorApp.StartOnLoopbackAsync(clock, CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PartnerCenter:BaseAddress"] = baseAddress.ToString(),
            ["PartnerCenter:PriceSheetBaseAddress"] = baseAddress.ToString(),
            ["PartnerCenter:Authority"] = baseAddress.ToString(),
            ["PartnerCenter:TenantId"] = "partner-tenant",
            ["PartnerCenter:ApplicationId"] = "prorata-app",
            ["PartnerCenter:ClientSecret"] = "test-secret-from-configuration",
            ["PartnerCenter:RedirectUri"] = "https://prorata.test/partner-center/consent",
            ["PartnerCenter:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PartnerCenter:RetryDelay"] = "00:00:00.010",
            ["PartnerCenter:RenewalConflictDelay"] = "00:00:00.010",
            ["PartnerCenter:OrderPollInterval"] = "00:00:00.010",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddPartnerCenter(configuration);
        services.Replace(ServiceDescriptor.Singleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider()));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var harness = new PartnerCenterHarness(simulator, baseAddress, clock, provider);
        await harness.ConsentAsync();
        return harness;
    }

    /// <summary>The Admin Agent's consent: follow the authorize redirect, take the code, redeem it.</summary>
    public async Task ConsentAsync()
    {
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = Credentials.GetConsentUri("state-123");
        using var response = await noRedirect.GetAsync(consent);
        var query = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        Assert.Equal("state-123", query["state"]);
        await Credentials.CompleteConsentAsync(query["code"]!, CancellationToken.None);
    }

    public async Task<string> AddCustomerAsync(string name = "Contoso Ltd")
    {
        using var response = await Admin.PostAsJsonAsync("_sim/customers", new { companyName = name, domain = "contoso.onmicrosoft.com", country = "US" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (string)body!["id"]!;
    }

    public async Task<PartnerCenterSubscription> PurchaseAsync(string customerId, string catalogItemId, int quantity, string term = "P1Y", string plan = "monthly")
    {
        var result = await Client.PurchaseAsync(customerId, [new PurchaseLine(catalogItemId, quantity, term, plan)], CancellationToken.None);
        Assert.True(result.IsSuccess, result.ToString());
        return (await Client.GetSubscriptionAsync(customerId, result.Value.Subscriptions[0].SubscriptionId, CancellationToken.None))!;
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        using var response = await Admin.PostAsJsonAsync("_sim/clock/advance", new { seconds = by.TotalSeconds });
        response.EnsureSuccessStatusCode();
    }

    public async Task<HttpResponseMessage> OutOfBandAsync(object change) => await Admin.PostAsJsonAsync("_sim/out-of-band", change);

    public async Task PostAsync(string path, object body)
    {
        using var response = await Admin.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonObject> StatsAsync() => (await Admin.GetFromJsonAsync<JsonObject>("_sim/stats"))!;

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _services.DisposeAsync();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }
}
