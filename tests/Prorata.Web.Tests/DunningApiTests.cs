using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// Dunning on its own app (it moves the clock past the due date): INV-000001 (327.26 EUR, due 2026-05-14) with reminders at
/// due + 1 and 7 days and credit hold from due + 10. The hold is set by the run on 2026-05-25, lifted by the payment.
/// </summary>
public abstract class DunningApiTests(InvoicingApp app)
{
    [Fact]
    public async Task RemindersThenHold_ThePaymentLiftsIt_AndNothingIsSentTwice()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var (invoice, _, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, await app.SignedInAsAsync(StaffRoles.Owner));
        var id = invoice.GetProperty("id").GetGuid();
        await ReceivablesSeed.SettledInvoiceAsync(client, id);
        var collection = await client.PutAsJsonAsync($"/api/v1/contracts/{invoice.GetProperty("contractId").GetGuid()}/collection",
            new { autoCharge = false, remindAfterDays = new[] { 7, 1 }, holdAfterDays = 10 });
        Assert.Equal(HttpStatusCode.OK, collection.StatusCode);
        var bad = await client.PutAsJsonAsync($"/api/v1/contracts/{invoice.GetProperty("contractId").GetGuid()}/collection", new { remindAfterDays = new[] { 1, 1 } });
        Assert.Equal(["remindAfterDays: 1 is listed twice"], await InvoicingSeed.ErrorsOfAsync(bad, "remindAfterDays"));

        app.Time.SetUtcNow(new DateTimeOffset(2026, 5, 15, 6, 0, 0, TimeSpan.Zero));
        client = await app.SignedInAsAsync(StaffRoles.Finance);
        Assert.Equal((1, 0, 0), await RunAsync(client));
        Assert.Equal((0, 0, 0), await RunAsync(client));
        Assert.Equal("overdue", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}")).GetProperty("paymentStatus").GetString());

        app.Time.SetUtcNow(new DateTimeOffset(2026, 5, 25, 0, 0, 0, TimeSpan.Zero));
        client = await app.SignedInAsAsync(StaffRoles.Finance);
        Assert.Equal((1, 1, 0), await RunAsync(client));
        Assert.True((await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}")).GetProperty("dunningHold").GetBoolean());
        var overdue = await client.GetFromJsonAsync<JsonElement>("/api/v1/receivables/overdue");
        var row = Assert.Single(overdue.EnumerateArray(), o => o.GetProperty("invoiceId").GetGuid() == id);
        Assert.Equal((327.26m, 11), (row.GetProperty("balance").GetDecimal(), row.GetProperty("daysOverdue").GetInt32()));

        var payment = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments", new { amount = 327.26m, currency = "EUR", reference = "wire 77" });

        Assert.Equal(HttpStatusCode.Created, payment.StatusCode);
        Assert.False((await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}")).GetProperty("dunningHold").GetBoolean());
        Assert.Equal((0, 0, 0), await RunAsync(client));
        Assert.Equal(["Reminder 1", "Reminder 7", "CreditHold ", "HoldLifted "], StepsOf(customerId));
    }

    private string[] StepsOf(Guid customerId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Prorata.Data.ProrataDbContext>();
        return db.DunningSteps.Where(s => s.CustomerId == customerId).AsEnumerable().OrderBy(s => s.At).ThenBy(s => s.Kind)
            .Select(s => $"{s.Kind} {s.Days}").ToArray();
    }

    private static async Task<(int, int, int)> RunAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/dunning/run", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (outcome.GetProperty("reminders").GetInt32(), outcome.GetProperty("held").GetInt32(), outcome.GetProperty("lifted").GetInt32());
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteDunningCollection : ICollectionFixture<SqliteInvoicingApp>
{
    public const string Name = "dunning on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresDunningCollection : ICollectionFixture<PostgresInvoicingApp>
{
    public const string Name = "dunning on PostgreSQL";
}

[Collection(SqliteDunningCollection.Name)]
public sealed class SqliteDunningApiTests(SqliteInvoicingApp app) : DunningApiTests(app);

[Collection(PostgresDunningCollection.Name)]
public sealed class PostgresDunningApiTests(PostgresInvoicingApp app) : DunningApiTests(app);
