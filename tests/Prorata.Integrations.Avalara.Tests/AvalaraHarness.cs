using System.Net.Http.Json;
using AvalaraSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Application.Tax;

namespace Prorata.Integrations.Avalara.Tests;

/// <summary>
/// The simulator on a free loopback port and Prorata's provider wired to it exactly as a host wires it
/// (<see cref="AvalaraServiceCollectionExtensions.AddAvalaraTax"/> over a "Prorata:Avalara" section), with short timeouts
/// and back-offs so faults play out in a second.
/// </summary>
internal sealed class AvalaraHarness : IAsyncDisposable
{
    public const string AttemptTimeout = "00:00:01";

    private readonly WebApplication _simulator;
    private readonly ServiceProvider _services;

    private AvalaraHarness(WebApplication simulator, ServiceProvider services, HttpClient admin)
    {
        _simulator = simulator;
        _services = services;
        Admin = admin;
        Provider = new AvalaraTaxProvider(services.GetRequiredService<AvalaraClient>());
    }

    public ITaxProvider Provider { get; }

    /// <summary>The simulator's <c>/_sim</c> controls.</summary>
    public HttpClient Admin { get; }

    public static async Task<AvalaraHarness> StartAsync(string licenseKey = SimulatorApp.DefaultLicenseKey)
    {
        var (app, address) = await SimulatorApp.StartOnLoopbackAsync([], CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Prorata:Avalara:BaseAddress"] = address.ToString(),
            ["Prorata:Avalara:AccountId"] = SimulatorApp.DefaultAccountId,
            ["Prorata:Avalara:LicenseKey"] = licenseKey,
            ["Prorata:Avalara:MaxRetryAttempts"] = "3",
            ["Prorata:Avalara:RetryDelay"] = "00:00:00.010",
            ["Prorata:Avalara:MaxRetryAfter"] = "00:00:02",
            ["Prorata:Avalara:AttemptTimeout"] = AttemptTimeout,
            ["Prorata:Avalara:TotalTimeout"] = "00:00:20",
        }).Build();
        var services = new ServiceCollection().AddAvalaraTax(configuration).BuildServiceProvider();
        return new AvalaraHarness(app, services, new HttpClient { BaseAddress = address });
    }

    public async Task FaultAsync(string kind, object body)
    {
        using var response = await Admin.PostAsJsonAsync($"_sim/faults/{kind}", body);
        response.EnsureSuccessStatusCode();
    }

    public async Task<IReadOnlyList<RecordedTransaction>> TransactionsAsync() =>
        await Admin.GetFromJsonAsync<List<RecordedTransaction>>("_sim/transactions") ?? [];

    public async Task<IReadOnlyList<RecordedRequest>> RequestsAsync() =>
        await Admin.GetFromJsonAsync<List<RecordedRequest>>("_sim/requests") ?? [];

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _services.DisposeAsync();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }
}

internal sealed record RecordedTransaction(string CompanyCode, string Code, string Type, string Status, int Version, decimal TotalTax, string? ReferenceCode, DateOnly TaxDate);

internal sealed record RecordedRequest(string Method, string Path, string? Client);
