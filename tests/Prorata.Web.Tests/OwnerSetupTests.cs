using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prorata.Data.Identity;
using Prorata.Testing;
using Prorata.Web.Features.Account;

namespace Prorata.Web.Tests;

/// <summary>A brand-new installation: no staff user, no Owner in configuration, so only the one-time setup link gets in.</summary>
public sealed class OwnerSetupTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private WebApplicationFactory<Program> _app = null!;

    public Task InitializeAsync()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Prorata", _database.ConnectionString);
            builder.UseSetting("Prorata:SeedDemoData", "false");
            builder.ConfigureLogging(logging => logging.ClearProviders());
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SetupLink_UsedOnce_CreatesASignedInOwnerAndThenStopsWorking()
    {
        var token = _app.Services.GetRequiredService<OwnerSetup>().Token;
        Assert.NotNull(token);
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var created = await ProrataApp.PostFormAsync(client, $"/setup?token={token}",
            new() { ["Form.Email"] = "first.owner@northwind.example", ["Form.Password"] = "a long enough passphrase" });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/customers")).StatusCode);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var owner = await users.FindByEmailAsync("first.owner@northwind.example");
            Assert.True(await users.IsInRoleAsync(owner!, StaffRoles.Owner));
        }
        Assert.Null(_app.Services.GetRequiredService<OwnerSetup>().Token);
    }

    [Fact]
    public async Task SetupLink_WrongToken_CreatesNobody()
    {
        _ = _app.Services;
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await ProrataApp.PostFormAsync(client, "/setup?token=guessed",
            new() { ["Form.Email"] = "intruder@example.com", ["Form.Password"] = "a long enough passphrase" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This setup link is not valid", await response.Content.ReadAsStringAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("intruder@example.com"));
    }
}
