using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>/api/v1/webhooks and the webhook pages: the Owner registers, changes, rotates and removes endpoints; nobody else may.</summary>
public abstract class WebhookApiTests(WebhookApp app) : IAsyncLifetime
{
    private const string Endpoint = "https://erp.fabrikam.example/hooks/prorata";

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_AnswersTheSecretOnce_ReadsShowOnlyItsLastFourCharacters()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);

        using var response = await owner.PostAsJsonAsync("/api/v1/webhooks",
            new { url = Endpoint, eventTypes = new[] { "payment.recorded", "invoice.issued" }, description = "Fabrikam ERP" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/webhooks/{id}", response.Headers.Location!.OriginalString);
        var secret = created.GetProperty("secret").GetString()!;
        Assert.Matches("^whsec_[A-Za-z0-9_-]{43}$", secret);
        // Stored in the catalogue's order, whatever order they were sent in.
        Assert.Equal((Endpoint, "Fabrikam ERP", "invoice.issued,payment.recorded", true, secret[^4..], 1, ProrataApp.EmailOf(StaffRoles.Owner)),
            (created.GetProperty("url").GetString(), created.GetProperty("description").GetString(), Joined(created.GetProperty("eventTypes")),
                created.GetProperty("active").GetBoolean(), created.GetProperty("secretHint").GetString(), created.GetProperty("version").GetInt32(),
                created.GetProperty("createdBy").GetString()));

        var read = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}");
        var listed = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).EnumerateArray());
        Assert.False(read.TryGetProperty("secret", out _));
        Assert.False(listed.TryGetProperty("secret", out _));
        Assert.Equal((id, secret[^4..]), (listed.GetProperty("id").GetGuid(), listed.GetProperty("secretHint").GetString()));
        var stored = await app.ReadAsync(db => Task.FromResult(db.WebhookSubscriptions.Single(s => s.Id == id).ProtectedSecret));
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.Equal(["invoice.issued", "creditNote.issued", "payment.recorded", "subscription.changed", "customer.changed", "contract.changed", "invoice.voided", "payment.reversed"],
            Strings(await owner.GetFromJsonAsync<JsonElement>("/api/v1/webhooks/event-types")));
    }

    [Theory]
    [InlineData("http://erp.fabrikam.example/hooks", new[] { "*" }, "url", "url must use https (http only for localhost or 127.0.0.1); got 'http://erp.fabrikam.example/hooks'.")]
    [InlineData("ftp://erp.fabrikam.example/hooks", new[] { "*" }, "url", "url must be an absolute https URL; got 'ftp://erp.fabrikam.example/hooks'.")]
    [InlineData("/hooks/prorata", new[] { "*" }, "url", "url must be an absolute https URL; got '/hooks/prorata'.")]
    [InlineData("https://ops:hunter2@erp.fabrikam.example/hooks", new[] { "*" }, "url",
        "url must not carry a user name or password (the signature proves the sender); got 'https://…@erp.fabrikam.example'.")]
    [InlineData(Endpoint, new[] { "invoice.issued", "invoice.paid" }, "eventTypes",
        "eventTypes must be among invoice.issued, creditNote.issued, payment.recorded, subscription.changed, customer.changed, contract.changed, invoice.voided, payment.reversed, or \"*\" for all; got 'invoice.paid'.")]
    [InlineData(Endpoint, new string[0], "eventTypes",
        "eventTypes must name at least one event type (invoice.issued, creditNote.issued, payment.recorded, subscription.changed, customer.changed, contract.changed, invoice.voided, payment.reversed), or \"*\" for all.")]
    [InlineData(Endpoint, new[] { "*", "invoice.issued" }, "eventTypes", "eventTypes \"*\" means every type and must be alone; got it with others.")]
    public async Task Create_BadInput_Is400NamingTheFieldAndTheValue_SavesNothing(string url, string[] eventTypes, string field, string message)
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);

        using var response = await owner.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([(field, message)], problem.GetProperty("errors").EnumerateObject().Select(e => (e.Name, Joined(e.Value))));
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).EnumerateArray());
    }

    [Theory]
    [InlineData("http://localhost:5099/hooks")]
    [InlineData("http://127.0.0.1:5099/hooks")]
    public async Task Create_HttpOnTheLoopbackAddress_IsAllowedForLocalReceivers(string url)
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);

        var created = await WebhookApp.CreateWebhookAsync(owner, url, ["*"]);

        Assert.Equal((url, "*"), (created.GetProperty("url").GetString(), Joined(created.GetProperty("eventTypes"))));
    }

    [Theory]
    [InlineData(StaffRoles.BillingAdmin)]
    [InlineData(StaffRoles.Finance)]
    [InlineData(StaffRoles.Sales)]
    [InlineData(StaffRoles.ReadOnly)]
    public async Task Webhooks_AnyoneButTheOwner_Gets403AndChangesNothing(string role)
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var id = (await WebhookApp.CreateWebhookAsync(owner, Endpoint, ["*"])).GetProperty("id").GetGuid();
        var client = await app.SignedInAsAsync(role);

        var answers = new[]
        {
            await client.GetAsync("/api/v1/webhooks"),
            await client.GetAsync($"/api/v1/webhooks/{id}"),
            await client.GetAsync($"/api/v1/webhooks/{id}/deliveries"),
            await client.PostAsJsonAsync("/api/v1/webhooks", new { url = Endpoint, eventTypes = new[] { "*" } }),
            await client.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { url = "https://attacker.example/hooks", eventTypes = new[] { "*" } }),
            await client.PostAsJsonAsync($"/api/v1/webhooks/{id}/secret", new { }),
            await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/webhooks/{id}") { Content = JsonContent.Create(new { }) }),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode));
        var page = await client.GetAsync("/settings/webhooks");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/access-denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var unchanged = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).EnumerateArray());
        Assert.Equal((Endpoint, 1), (unchanged.GetProperty("url").GetString(), unchanged.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Update_ChangesEndpointTypesAndState_AnOlderVersionIs409()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var id = (await WebhookApp.CreateWebhookAsync(owner, Endpoint, ["*"])).GetProperty("id").GetGuid();

        using var changed = await owner.PutAsJsonAsync($"/api/v1/webhooks/{id}",
            new { url = "https://erp.fabrikam.example/v2/hooks", eventTypes = new[] { "customer.changed" }, description = "v2", active = false, version = 1 });
        using var stale = await owner.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { url = Endpoint, eventTypes = new[] { "*" }, version = 1 });
        using var unknown = await owner.PutAsJsonAsync($"/api/v1/webhooks/{Guid.NewGuid()}", new { url = Endpoint, eventTypes = new[] { "*" } });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("https://erp.fabrikam.example/v2/hooks", "customer.changed", "v2", false, 2),
            (body.GetProperty("url").GetString(), Joined(body.GetProperty("eventTypes")), body.GetProperty("description").GetString(), body.GetProperty("active").GetBoolean(),
                body.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("The webhook was changed by someone else (version 2, you sent 1); reload and try again.",
            (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task RotateSecret_AnswersTheNewSecretOnce_ThePreviousSignsUntilTheGraceEnds()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var created = await WebhookApp.CreateWebhookAsync(owner, Endpoint, ["*"]);
        var id = created.GetProperty("id").GetGuid();
        var now = app.Time.GetUtcNow();

        using var rotated = await owner.PostAsJsonAsync($"/api/v1/webhooks/{id}/secret", new { graceHours = 6 });
        using var tooLong = await owner.PostAsJsonAsync($"/api/v1/webhooks/{id}/secret", new { graceHours = 169 });

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var body = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        Assert.NotEqual(created.GetProperty("secret").GetString(), secret);
        Assert.Equal((secret[^4..], now.AddHours(6), 2), (body.GetProperty("secretHint").GetString(), body.GetProperty("previousSecretUntil").GetDateTimeOffset(),
            body.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["graceHours must be between 0 and 168 (a week); got 169."],
            Strings((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("graceHours")));
    }

    [Fact]
    public async Task Delete_RemovesTheWebhook_ThenIt404s()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var id = (await WebhookApp.CreateWebhookAsync(owner, Endpoint, ["*"])).GetProperty("id").GetGuid();

        using var removed = await owner.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/webhooks/{id}") { Content = JsonContent.Create(new { }) });
        using var again = await owner.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/webhooks/{id}") { Content = JsonContent.Create(new { }) });

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (removed.StatusCode, again.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task Page_NewWebhookShowsTheSecretOnce_TheWebhookPageChangesAndDeactivatesIt()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);

        using var created = await ProrataApp.PostFormAsync(owner, "/settings/webhooks", new()
        {
            ["Form.Url"] = Endpoint, ["Form.All"] = "false", ["Form.InvoiceIssued"] = "true", ["Form.CustomerChanged"] = "true", ["Form.Description"] = "ERP",
            ["Form.Active"] = "true",
        }, "new-webhook");

        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var webhook = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).EnumerateArray());
        var id = webhook.GetProperty("id").GetGuid();
        var secret = Regex.Match(html, "<code>(whsec_[A-Za-z0-9_-]{43})</code>").Groups[1].Value;
        Assert.Equal(webhook.GetProperty("secretHint").GetString(), secret[^4..]);
        Assert.Equal(new[] { "invoice.issued", "customer.changed" }, Strings(webhook.GetProperty("eventTypes")));
        var list = await owner.GetStringAsync("/settings/webhooks");
        Assert.Contains($"<a href=\"/settings/webhooks/{id}\">{Endpoint}</a>", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        using var bad = await ProrataApp.PostFormAsync(owner, $"/settings/webhooks/{id}", new() { ["Form.Url"] = "http://erp.fabrikam.example/hooks", ["Form.All"] = "true" },
            "edit-webhook");
        Assert.Contains("url must use https (http only for localhost or 127.0.0.1); got &#x27;http://erp.fabrikam.example/hooks&#x27;.", await bad.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        var webhookPage = await owner.GetStringAsync($"/settings/webhooks/{id}");
        var token = Regex.Match(webhookPage, $"""action="/settings/webhooks/{id}/state" id="state-form"><input type="hidden" name="__RequestVerificationToken" value="([^"]+)""")
            .Groups[1].Value;
        using var deactivated = await owner.PostAsync($"/settings/webhooks/{id}/state",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["action"] = "deactivate" }));

        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var page = await owner.GetStringAsync(deactivated.Headers.Location!.OriginalString);
        Assert.Contains("Webhook inactive: it is sent nothing until it is activated again.", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"webhook-state\">inactive</dd>", page, StringComparison.Ordinal);
        Assert.False((await owner.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}")).GetProperty("active").GetBoolean());
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string Joined(JsonElement array) => string.Join(",", Strings(array));
}

[Collection(SqliteWebhookCollection.Name)]
public sealed class SqliteWebhookApiTests(SqliteWebhookApp app) : WebhookApiTests(app);

[Collection(PostgresWebhookCollection.Name)]
public sealed class PostgresWebhookApiTests(PostgresWebhookApp app) : WebhookApiTests(app);
