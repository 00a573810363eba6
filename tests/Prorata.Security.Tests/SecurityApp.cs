using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Prorata.Data;
using Prorata.Data.Identity;
using Prorata.Testing;

namespace Prorata.Security.Tests;

/// <summary>
/// The real app on a test server with its own SQLite file, one staff user per role (and one without), signed in through
/// the real sign-in form. Configuration for a probe goes through <see cref="Settings"/> before the first request.
/// </summary>
public sealed partial class SecurityApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "violet-kettle-harbour";
    public const string NoRole = "norole";
    public const string PublicBaseUrl = "https://billing.northwind.example";

    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private readonly SqliteDatabase _database = new();

    public FakeTimeProvider Time { get; } = new(Now);

    public static string EmailOf(string role) => $"{role.ToLowerInvariant()}@contoso.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Prorata", _database.ConnectionString);
        builder.UseSetting("Prorata:Billing:DailyRun", "false");
        builder.UseSetting("Prorata:SeedDemoData", "false");
        builder.UseSetting("Prorata:PublicBaseUrl", PublicBaseUrl);
        builder.ConfigureLogging(logging => { logging.ClearProviders(); if (Environment.GetEnvironmentVariable("PRORATA_TEST_LOG") is not null) logging.AddConsole(); });
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var role in StaffRoles.All.Append(NoRole))
        {
            var user = new StaffUser { UserName = EmailOf(role), Email = EmailOf(role), EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            if (role != NoRole)
            {
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> SignedInAsAsync(string role) => await SignedInAsync(EmailOf(role), Password);

    public async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/signin", new() { ["Form.Email"] = email, ["Form.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts a Blazor form as a browser would: the page's hidden fields (handler, antiforgery token) plus the given ones.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var handler = page.IndexOf("name=\"_handler\"", StringComparison.Ordinal);
        var start = page.LastIndexOf("<form", handler, StringComparison.Ordinal);
        var html = page[start..page.IndexOf("</form>", handler, StringComparison.Ordinal)];
        var form = HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>The antiforgery token a signed-in page carries (the header's sign-out form has one on every page).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path = "/")
    {
        var page = await client.GetStringAsync(path);
        return WebUtility.HtmlDecode(TokenInput().Match(page).Groups["value"].Value);
    }

    public async Task<T> WithDbAsync<T>(Func<ProrataDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ProrataDbContext>());
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""name="__RequestVerificationToken" value="(?<value>[^"]+)""")]
    private static partial Regex TokenInput();
}
