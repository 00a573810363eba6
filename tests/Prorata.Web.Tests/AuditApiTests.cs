using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Audit;
using Prorata.Data.Customers;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// The audit log through the API and its page: each save of an audited entity leaves one entry naming who (the staff
/// user's e-mail, or the API key), what and every field before → after, on the app's frozen clock; a refused change
/// leaves none; the database refuses to change or delete an entry.
/// </summary>
public abstract class AuditApiTests(InvoicingApp app)
{
    private static readonly string Owner = ProrataApp.EmailOf(StaffRoles.Owner);

    [Fact]
    public async Task Customer_CreatedChangedHeldAndReleased_OneEntryPerSaveWithItsFields()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var name = $"Audit Contoso {Guid.NewGuid():N}";
        var id = await CreateCustomerAsync(owner, name);
        await PutCustomerAsync(owner, id, name, "billing@contoso.example", creditHold: false);
        await PutCustomerAsync(owner, id, name, "billing@contoso.example", creditHold: true);
        await PutCustomerAsync(owner, id, name, "billing@contoso.example", creditHold: false);

        var log = await finance.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Customer&entityId={id}");

        Assert.Equal((4, 1, 100), (log.GetProperty("total").GetInt32(), log.GetProperty("page").GetInt32(), log.GetProperty("pageSize").GetInt32()));
        Assert.Equal(
            [
                (Owner, "Customer", id.ToString(), name, "CreditHoldReleased", "CreditHold: true → false"),
                (Owner, "Customer", id.ToString(), name, "CreditHoldPlaced", "CreditHold: false → true"),
                (Owner, "Customer", id.ToString(), name, "Changed", "BillingEmail: ap@contoso.example → billing@contoso.example"),
                (Owner, "Customer", id.ToString(), name, "Created",
                    $"BillingEmail: – → ap@contoso.example; CreditHold: – → false; Currency: – → EUR; DunningHold: – → false; Name: – → {name}; "
                    + "PreferredLanguage: – → en; TaxExempt: – → false"),
            ],
            Entries(log));
        Assert.All(log.GetProperty("items").EnumerateArray(), e => Assert.Equal(app.Time.GetUtcNow(), e.GetProperty("at").GetDateTimeOffset()));
        var ids = log.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
    }

    [Fact]
    public async Task Contract_PricingRuleChanged_OneEntryWithTheRulesBeforeAndAfter()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var entity = (await InvoicingSeed.LegalEntityAsync(owner, InvoicingSeed.Berlin)).GetProperty("id").GetGuid();
        var name = $"Audit Fabrikam {Guid.NewGuid():N}";
        var customer = await CreateCustomerAsync(owner, name);
        var created = await owner.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId = customer, currency = "EUR", billingDay = 14, legalEntityId = entity,
            pricingRules = new object[] { new { productId = "*", method = "markupOnCost", value = 25m } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contract = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = contract.GetProperty("id").GetGuid();
        // The same terms with a 20 % markup for one product, ahead of the 25 % for every other.
        var changed = await owner.PutAsJsonAsync($"/api/v1/contracts/{id}", new
        {
            customerId = customer, currency = "EUR", billingDay = 14, legalEntityId = entity,
            paymentTermsDays = contract.GetProperty("paymentTermsDays").GetInt32(),
            pricingRules = new object[]
            {
                new { productId = "CFQ7TTC0LH18", method = "markupOnCost", value = 20m },
                new { productId = "*", method = "markupOnCost", value = 25m },
            },
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var log = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=BillingContract&entityId={id}");

        var entries = Entries(log);
        Assert.Equal(2, entries.Count);
        Assert.Equal((Owner, "BillingContract", id.ToString(), $"{name}, EUR", "Changed",
                "PricingRules: */* MarkupOnCost 25 → CFQ7TTC0LH18/* MarkupOnCost 20; */* MarkupOnCost 25"),
            entries[0]);
        Assert.Equal("Created", entries[1].Action);
        Assert.Contains("PricingRules: – → */* MarkupOnCost 25", entries[1].Changes, StringComparison.Ordinal);
        Assert.Contains("BillingDay: – → 14", entries[1].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffUser_AddedThenRoleChanged_RolesGrantedAndRevokedUnderTheUser()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var email = $"audit-{Guid.NewGuid():N}@northwind.example";
        var added = await owner.PostAsJsonAsync("/api/v1/staff-users", new { email, role = "finance" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/v1/staff-users/{id}/role", new { role = "Owner" })).StatusCode);

        var log = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=StaffUser&entityId={id}");

        Assert.Equal(
            [
                (Owner, "StaffUser", id, email, "RoleGranted", "Role: – → Owner"),
                (Owner, "StaffUser", id, email, "RoleRevoked", "Role: Finance → –"),
                (Owner, "StaffUser", id, email, "RoleGranted", "Role: – → Finance"),
                (Owner, "StaffUser", id, email, "Created", $"Email: – → {email}"),
            ],
            Entries(log));
    }

    [Fact]
    public async Task ApiKey_CreatedRevokedAndUsed_NeverItsSecretAndItsCallerNamed()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var name = $"PSA sync {Guid.NewGuid():N}";
        var made = await owner.PostAsJsonAsync("/api/v1/api-keys", new { name, role = "Owner" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var issued = await made.Content.ReadFromJsonAsync<JsonElement>();
        var key = issued.GetProperty("key");
        var id = key.GetProperty("id").GetGuid();
        var script = app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("secret").GetString());
        var customerName = $"Audit Key Customer {Guid.NewGuid():N}";
        var customer = await CreateCustomerAsync(script, customerName);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/v1/api-keys/{id}/revoke", new { })).StatusCode);

        var keyLog = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=ApiKey&entityId={id}");
        var byKey = await owner.GetFromJsonAsync<JsonElement>(
            $"/api/v1/audit?actor={Uri.EscapeDataString($"API key {name} ({key.GetProperty("prefix").GetString()})")}");

        var now = app.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        Assert.Equal(
            [
                (Owner, "ApiKey", id.ToString(), name, "Revoked", $"RevokedAt: – → {now}"),
                (Owner, "ApiKey", id.ToString(), name, "Created", $"Name: – → {name}; Role: – → Owner"),
            ],
            Entries(keyLog));
        var entry = Assert.Single(byKey.GetProperty("items").EnumerateArray());
        Assert.Equal(("Customer", customer.ToString(), customerName, "Created"),
            (entry.GetProperty("entityType").GetString(), entry.GetProperty("entityId").GetString(), entry.GetProperty("label").GetString(), entry.GetProperty("action").GetString()));
        Assert.DoesNotContain("secretHash", keyLog.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RefusedChange_WritesNothing()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var before = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=1")).GetProperty("total").GetInt32();

        var refused = await owner.PostAsJsonAsync("/api/v1/customers", new { name = "Audit Refused", currency = "EURO", billingEmail = "ap@refused.example" });
        var duplicate = await owner.PostAsJsonAsync("/api/v1/api-keys", new { name = "", role = "Owner" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (refused.StatusCode, duplicate.StatusCode));
        Assert.Equal(before, (await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=1")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task FailedSave_WritesNothing_AndLeavesNothingForTheNextSave()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var name = $"Audit Twin {Guid.NewGuid():N}";
        await CreateCustomerAsync(owner, name);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        // The same name twice: the unique index refuses the save.
        var twin = new Customer { Id = Guid.NewGuid(), Name = name, Currency = "EUR", BillingEmail = "twin@contoso.example" };
        db.Customers.Add(twin);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        twin.Name = $"{name} (2)";
        await db.SaveChangesAsync();

        var entries = await db.AuditLog.AsNoTracking().Where(e => e.EntityId == twin.Id.ToString()).ToListAsync();
        var entry = Assert.Single(entries);
        Assert.Equal((AuditRecorder.SystemActor, AuditActions.Created, $"{name} (2)"), (entry.Actor, entry.Action, entry.Label));
    }

    [Fact]
    public async Task List_PagedFilteredAndRefusingBadValues()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var name = $"Audit Paging {Guid.NewGuid():N}";
        var id = await CreateCustomerAsync(owner, name);
        await PutCustomerAsync(owner, id, name, "one@paging.example", creditHold: false);
        await PutCustomerAsync(owner, id, name, "two@paging.example", creditHold: false);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);

        var second = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityId={id}&pageSize=2&page=2");
        var byText = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/audit?q={name.ToUpperInvariant()}&actor={Owner}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var before = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/audit?q={name}&to={today.AddDays(-1):yyyy-MM-dd}");
        var csv = await owner.GetStringAsync($"/api/v1/audit.csv?entityType=Customer&entityId={id}&q={name}");
        var bad = await owner.GetAsync("/api/v1/audit?entityType=Invoice&pageSize=1001&page=0&from=2026-02-30");
        var forbidden = await (await app.SignedInAsAsync(StaffRoles.Sales)).GetAsync("/api/v1/audit");

        Assert.Equal((3, 2, 2), (second.GetProperty("total").GetInt32(), second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32()));
        Assert.Equal(["Created"], second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(3, byText.GetProperty("total").GetInt32());
        Assert.Equal(0, before.GetProperty("total").GetInt32());
        var ids = byText.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        var at = app.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        Assert.Equal(
            "Id,At,Actor,EntityType,EntityId,Label,Action,Field,Before,After\r\n"
            + $"{ids[0]},{at},{Owner},Customer,{id},{name},Changed,BillingEmail,one@paging.example,two@paging.example\r\n"
            + $"{ids[1]},{at},{Owner},Customer,{id},{name},Changed,BillingEmail,ap@contoso.example,one@paging.example\r\n"
            + $"{ids[2]},{at},{Owner},Customer,{id},{name},Created,BillingEmail,,ap@contoso.example\r\n"
            + $"{ids[2]},{at},{Owner},Customer,{id},{name},Created,CreditHold,,false\r\n"
            + $"{ids[2]},{at},{Owner},Customer,{id},{name},Created,Currency,,EUR\r\n"
            + $"{ids[2]},{at},{Owner},Customer,{id},{name},Created,DunningHold,,false\r\n"
            + $"{ids[2]},{at},{Owner},Customer,{id},{name},Created,Name,,{name}\r\n"
            + $"{ids[2]},{at},{Owner},Customer,{id},{name},Created,PreferredLanguage,,en\r\n"
            + $"{ids[2]},{at},{Owner},Customer,{id},{name},Created,TaxExempt,,false\r\n",
            csv);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["entityType", "from", "page", "pageSize"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("got 'Invoice'", errors.GetProperty("entityType")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("from must be a date (yyyy-MM-dd); got '2026-02-30'.", errors.GetProperty("from")[0].GetString());
        Assert.Equal("pageSize must be between 1 and 1000; got 1001.", errors.GetProperty("pageSize")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Entries_CannotBeChangedOrDeleted_ByTheAppOrBySql()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var id = await CreateCustomerAsync(owner, $"Audit Append {Guid.NewGuid():N}");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var entry = await db.AuditLog.SingleAsync(e => e.EntityId == id.ToString());

        entry.Actor = "someone else";
        var byApp = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        var update = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE \"AuditLog\" SET \"Actor\" = 'someone else' WHERE \"Id\" = {entry.Id}"));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditLog\" WHERE \"Id\" = {entry.Id}"));

        Assert.Equal(AuditRecorder.AppendOnlyMessage, byApp.Message);
        Assert.Contains(AuditRecorder.AppendOnlyMessage, update.Message, StringComparison.Ordinal);
        Assert.Contains(AuditRecorder.AppendOnlyMessage, delete.Message, StringComparison.Ordinal);
        Assert.Equal(Owner, (await db.AuditLog.AsNoTracking().SingleAsync(e => e.Id == entry.Id)).Actor);
    }

    [Fact]
    public async Task Page_ListsAndFiltersTheLog()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var name = $"Audit Page {Guid.NewGuid():N}";
        var id = await CreateCustomerAsync(owner, name);
        await PutCustomerAsync(owner, id, name, "ap@contoso.example", creditHold: true);

        var page = await owner.GetStringAsync($"/audit?entityType=Customer&entityId={id}");
        var filtered = await owner.GetStringAsync($"/audit?q={name}&from=2020-01-01&to=2020-12-31");
        var customerPage = await owner.GetStringAsync($"/customers/{id}");
        var refused = await (await app.SignedInAsAsync(StaffRoles.Sales)).GetAsync("/audit");

        Assert.Equal(2, PageHtml.RowCount(page, "audit-log"));
        var at = app.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss");
        Assert.Equal([at, Owner, $"Customer {name}", "CreditHoldPlaced", "CreditHold: false → true"], PageHtml.Row(page, "audit-log", "CreditHoldPlaced"));
        Assert.Contains($"href=\"/customers/{id}\"", page, StringComparison.Ordinal);
        Assert.Equal("1–2 of 2", PageHtml.Text(page, "audit-pager"));
        Assert.Equal(0, PageHtml.RowCount(filtered, "audit-log"));
        Assert.Contains($"href=\"/audit?entityType=Customer&amp;entityId={id}\"", customerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    private static async Task<Guid> CreateCustomerAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/customers", new { name, currency = "EUR", billingEmail = "ap@contoso.example" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task PutCustomerAsync(HttpClient client, Guid id, string name, string billingEmail, bool creditHold)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/customers/{id}", new { name, currency = "EUR", billingEmail, creditHold });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static List<(string Actor, string EntityType, string EntityId, string? Label, string Action, string Changes)> Entries(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(e => (
            e.GetProperty("actor").GetString()!, e.GetProperty("entityType").GetString()!, e.GetProperty("entityId").GetString()!,
            e.GetProperty("label").GetString(), e.GetProperty("action").GetString()!,
            string.Join("; ", e.GetProperty("changes").EnumerateArray().Select(c =>
                $"{c.GetProperty("field").GetString()}: {c.GetProperty("before").GetString() ?? "–"} → {c.GetProperty("after").GetString() ?? "–"}"))))];
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteAuditApiTests(SqliteInvoicingApp app) : AuditApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresAuditApiTests(PostgresInvoicingApp app) : AuditApiTests(app);
