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

namespace Prorata.Web.Tests;

/// <summary>
/// The real app on a test server with its own SQLite file and a frozen clock, one staff user per role plus one
/// without any role. Clients sign in through the real sign-in form.
/// </summary>
public sealed partial class ProrataApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct-horse-battery";
    public const string NoRole = "norole";

    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private readonly SqliteDatabase _database = new();

    public FakeTimeProvider Time { get; } = new(Now);

    public static string EmailOf(string role) => $"{role.ToLowerInvariant()}@northwind.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Prorata", _database.ConnectionString);
        // Tests start their billing runs themselves; the daily job would bill behind their backs.
        builder.UseSetting("Prorata:Billing:DailyRun", "false");
        builder.UseSetting("Prorata:Dunning:DailyRun", "false");
        // Links Prorata hands out (set-password) use the public address, never the request's Host: here the test server's.
        builder.UseSetting("Prorata:PublicBaseUrl", "http://localhost");
        builder.ConfigureLogging(logging => logging.ClearProviders());
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

    /// <summary>A client signed in as a staff user with <paramref name="role"/> (or <see cref="NoRole"/>).</summary>
    public async Task<HttpClient> SignedInAsAsync(string role)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/signin", new() { ["Form.Email"] = EmailOf(role), ["Form.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// Posts a Blazor form as a browser would: the page's hidden fields (handler, antiforgery token) plus the given ones;
    /// <paramref name="formName"/> picks one form of a page that has several.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formName = null)
    {
        var page = await client.GetStringAsync(path);
        // The page's own form is the one with Blazor's handler field; the header's sign-out form is another.
        var handler = page.IndexOf(formName is null ? "name=\"_handler\"" : $"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal);
        Assert.True(handler >= 0, $"{path} has no form {formName}");
        var start = page.LastIndexOf("<form", handler, StringComparison.Ordinal);
        var html = page[start..page.IndexOf("</form>", handler, StringComparison.Ordinal)];
        var form = HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public async Task<(int Customers, int Contracts)> CountRowsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        return (db.Customers.Count(), db.BillingContracts.Count());
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();
}
