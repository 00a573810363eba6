using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// API keys for integrations, on an app of their own (they move its clock): the Owner makes a key with a role, the key
/// reads and writes what that role may through every existing policy, is refused what it may not, and is refused at once
/// when revoked or expired. Only the secret's SHA-256 is stored.
/// </summary>
public abstract class ApiKeyApiTests(InvoicingApp app)
{
    [Fact]
    public async Task FinanceKey_ReadsAndWritesAsFinance_403BeyondIt_401OnceRevoked()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var now = app.Time.GetUtcNow();

        using var made = await owner.PostAsJsonAsync("/api/v1/api-keys", new { name = "PSA sync", role = "finance" });

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var body = await made.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key");
        var id = key.GetProperty("id").GetGuid();
        var secret = body.GetProperty("secret").GetString()!;
        Assert.Equal($"/api/v1/api-keys/{id}", made.Headers.Location!.OriginalString);
        Assert.Equal(("PSA sync", "Finance", $"prk_{id:N}", "active", now, ProrataApp.EmailOf(StaffRoles.Owner)),
            (key.GetProperty("name").GetString(), key.GetProperty("role").GetString(), key.GetProperty("prefix").GetString(), key.GetProperty("state").GetString(),
                key.GetProperty("createdAt").GetDateTimeOffset(), key.GetProperty("createdBy").GetString()));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null),
            (key.GetProperty("lastUsedAt").ValueKind, key.GetProperty("expiresAt").ValueKind, key.GetProperty("revokedAt").ValueKind));
        Assert.Matches($"^prk_{id:N}_[A-Za-z0-9_-]{{43}}$", secret);

        var integration = KeyClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/customers")).StatusCode);
        // Finance may make salespeople (CommissionsWrite) …
        using var salesperson = await integration.PostAsJsonAsync("/api/v1/salespeople", new { name = "Ana Lima", email = $"ana-{id:N}@partner.example" });
        Assert.Equal(HttpStatusCode.Created, salesperson.StatusCode);
        // … but not customers (CustomersWrite: Owner, BillingAdmin), nor keys (Owner).
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.PostAsJsonAsync("/api/v1/customers", new { name = "Not Allowed Ltd" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.PostAsJsonAsync("/api/v1/api-keys", new { name = "escalate", role = "Owner" })).StatusCode);
        // A key opens no page: pages know only the staff cookie.
        using var page = await integration.GetAsync("/settings/api-keys");
        Assert.Equal((HttpStatusCode.Redirect, "/signin"), (page.StatusCode, page.Headers.Location!.AbsolutePath));

        using var revoked = await owner.PostAsJsonAsync($"/api/v1/api-keys/{id}/revoke", new { });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var view = await revoked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("revoked", now, ProrataApp.EmailOf(StaffRoles.Owner)),
            (view.GetProperty("state").GetString(), view.GetProperty("revokedAt").GetDateTimeOffset(), view.GetProperty("revokedBy").GetString()));
        using var refused = await integration.GetAsync("/api/v1/customers");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal($"API key prk_{id:N} was revoked at {Instant(now)}.",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var listed = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/api-keys")).EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        Assert.Equal("revoked", listed.GetProperty("state").GetString());
        Assert.False(listed.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task OwnerKey_InTheXApiKeyHeader_PostsWithoutBodyOrCsrfToken_AndAKeyOutranksTheCookieItComesWith()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var ownerKey = await MakeAsync(owner, "Provisioning script", StaffRoles.Owner);
        var readOnly = await MakeAsync(owner, "Dashboard", StaffRoles.ReadOnly);
        var script = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        script.DefaultRequestHeaders.Add("X-Api-Key", ownerKey.Secret);

        // A bodyless POST with the cookie needs Content-Type: application/json (the CSRF check); with a key it needs nothing.
        using var withCookie = await owner.PostAsync($"/api/v1/api-keys/{readOnly.Id}/revoke", null);
        Assert.Equal(HttpStatusCode.BadRequest, withCookie.StatusCode);
        using var withKey = await script.PostAsync($"/api/v1/api-keys/{readOnly.Id}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal($"API key Provisioning script (prk_{ownerKey.Id:N})", (await withKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revokedBy").GetString());

        // The Owner's cookie and a ReadOnly key on one request: the key alone decides.
        var dashboard = await MakeAsync(owner, "Dashboard 2", StaffRoles.ReadOnly);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/api-keys");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", dashboard.Secret);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.SendAsync(request)).StatusCode);

        using var delete = await script.DeleteAsync($"/api/v1/api-keys/{dashboard.Id}");
        Assert.Equal((HttpStatusCode.OK, "revoked"), (delete.StatusCode, (await delete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await script.DeleteAsync($"/api/v1/api-keys/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Key_StoredAsItsSha256Only_LastUsedWrittenAtMostOnceAMinute()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var key = await MakeAsync(owner, "Accounting export", StaffRoles.ReadOnly);
        var integration = KeyClient(key.Secret);
        var secretPart = key.Secret[$"prk_{key.Id:N}_".Length..];

        var stored = await ReadAsync(key.Id);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secretPart)), stored.SecretHash);
        Assert.DoesNotContain(secretPart, string.Join("|", stored.Name, stored.Role, stored.CreatedBy, Convert.ToBase64String(stored.SecretHash), Convert.ToHexString(stored.SecretHash)),
            StringComparison.OrdinalIgnoreCase);
        Assert.Null(stored.LastUsedAt);

        var first = app.Time.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/invoices")).StatusCode);
        Assert.Equal(first, (await ReadAsync(key.Id)).LastUsedAt);
        app.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/invoices")).StatusCode);
        Assert.Equal(first, (await ReadAsync(key.Id)).LastUsedAt);
        app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/invoices")).StatusCode);
        Assert.Equal(first.AddMinutes(1), (await ReadAsync(key.Id)).LastUsedAt);
        var listed = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/api-keys")).EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == key.Id);
        Assert.Equal(first.AddMinutes(1), listed.GetProperty("lastUsedAt").GetDateTimeOffset());

        // A wrong secret for a real id, a made-up key and a token that is not a key: 401, none saying more than that.
        var wrong = await KeyClient($"prk_{key.Id:N}_{new string('A', 43)}").GetAsync("/api/v1/invoices");
        var unknown = await KeyClient($"prk_{Guid.NewGuid():N}_{secretPart}").GetAsync("/api/v1/invoices");
        var notAKey = await KeyClient("eyJhbGciOiJIUzI1NiJ9.e30.x").GetAsync("/api/v1/invoices");
        Assert.Equal(
            new (HttpStatusCode, string?)[]
            {
                (HttpStatusCode.Unauthorized, "Unknown API key, or its secret is wrong."),
                (HttpStatusCode.Unauthorized, "Unknown API key, or its secret is wrong."),
                (HttpStatusCode.Unauthorized, "This is not a Prorata API key: one reads prk_<id>_<secret>."),
            },
            new[] { await DetailAsync(wrong), await DetailAsync(unknown), await DetailAsync(notAKey) });
    }

    [Fact]
    public async Task Key_PastItsExpiry_Is401()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var expires = app.Time.GetUtcNow().AddHours(1);
        using var made = await owner.PostAsJsonAsync("/api/v1/api-keys", new { name = "Month-end script", role = "Finance", expiresAt = expires });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var body = await made.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("key").GetProperty("id").GetGuid();
        Assert.Equal(expires, body.GetProperty("key").GetProperty("expiresAt").GetDateTimeOffset());
        var integration = KeyClient(body.GetProperty("secret").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/customers")).StatusCode);

        app.Time.Advance(TimeSpan.FromHours(1));

        using var refused = await integration.GetAsync("/api/v1/customers");
        Assert.Equal((HttpStatusCode.Unauthorized, $"API key prk_{id:N} expired at {Instant(expires)}."), await DetailAsync(refused));
        var listed = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/api-keys")).EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        Assert.Equal("expired", listed.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Create_ByAnyoneButTheOwner_Is403()
    {
        foreach (var role in StaffRoles.All.Where(r => r != StaffRoles.Owner))
        {
            var client = await app.SignedInAsAsync(role);
            using var response = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "mine", role = "Owner" });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {response.StatusCode}");
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/api-keys")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .PostAsJsonAsync("/api/v1/api-keys", new { name = "anonymous", role = "Owner" })).StatusCode);
    }

    [Fact]
    public async Task Create_NoNameUnknownRoleExpiryPast_400NamingEachFieldAndValue_NothingMade()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var before = await CountAsync();
        var now = app.Time.GetUtcNow();

        using var response = await owner.PostAsJsonAsync("/api/v1/api-keys", new { name = "  ", role = "Auditor", expiresAt = "2026-03-01T00:00:00Z" });
        using var hidden = await owner.PostAsJsonAsync("/api/v1/api-keys", new { name = "PSA\u202Esync", role = "ReadOnly" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            [
                ("expiresAt", $"expiresAt must be in the future (after {Instant(now)}); got '2026-03-01T00:00:00+00:00'."),
                ("name", "name is required: what the key is for, such as 'PSA sync'; got '  '."),
                ("role", "role must be one of Owner, BillingAdmin, Finance, Sales, ReadOnly; got 'Auditor'."),
            ],
            errors.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => (e.Name, Assert.Single(e.Value.EnumerateArray()).GetString())));
        Assert.Equal(HttpStatusCode.BadRequest, hidden.StatusCode);
        Assert.Equal("name must not contain control or invisible formatting characters; got U+202E in 'PSA<U+202E>sync'.",
            (await hidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(before, await CountAsync());
    }

    private HttpClient KeyClient(string secret)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<(Guid Id, string Secret)> MakeAsync(HttpClient owner, string name, string role)
    {
        using var response = await owner.PostAsJsonAsync("/api/v1/api-keys", new { name, role });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("key").GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    private async Task<Data.ApiKeys.ApiKey> ReadAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().ApiKeys.CountAsync();
    }

    private static async Task<(HttpStatusCode, string?)> DetailAsync(HttpResponseMessage response) =>
        (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

[CollectionDefinition(Name)]
public sealed class SqliteApiKeyCollection : ICollectionFixture<SqliteInvoicingApp>
{
    public const string Name = "API keys on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresApiKeyCollection : ICollectionFixture<PostgresInvoicingApp>
{
    public const string Name = "API keys on PostgreSQL";
}

[Collection(SqliteApiKeyCollection.Name)]
public sealed class SqliteApiKeyApiTests(SqliteInvoicingApp app) : ApiKeyApiTests(app);

[Collection(PostgresApiKeyCollection.Name)]
public sealed class PostgresApiKeyApiTests(PostgresInvoicingApp app) : ApiKeyApiTests(app);
