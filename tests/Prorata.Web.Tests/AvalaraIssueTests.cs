using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Invoices;
using Prorata.Application.Outbox;
using Prorata.Data.Outbox;
using Prorata.Data.WorkItems;

namespace Prorata.Web.Tests;

/// <summary>
/// Issue 11's "when Avalara is down the invoice waits, it is never issued without tax": a legal entity that taxes through
/// Avalara, against the Avalara simulator. Down, the draft waits with a work item and an outbox message; once Avalara
/// answers, the outbox issues it with Avalara's tax per line and one committed transaction. An address Avalara cannot
/// place is a refusal a person must fix.
/// </summary>
public abstract class AvalaraIssueTests(InvoiceDeliveryApp app)
{
    private static readonly object Seattle = new { line1 = "1 Pike Place", city = "Seattle", postalCode = "98101", region = "WA", country = "US" };

    [Fact]
    public async Task Issue_AvalaraDown_503AndTheDraftWaitsThenTheOutboxIssuesItWithAvalarasTaxOnceItAnswers()
    {
        var client = await app.SignedInAsync();
        var (companyCode, contractId) = await AvalaraContractAsync(client, billingDay: 3, Seattle);
        var id = (await InvoiceDeliveryApp.BillAsync(client, contractId, new DateOnly(2026, 4, 3), issue: false)).GetProperty("id").GetGuid();
        await FaultAsync("unavailable", new { requests = 100 });

        using var issue = await client.PostAsJsonAsync($"/api/v1/invoices/{id}/issue", new { });

        var problem = await issue.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json"), (issue.StatusCode, issue.Content.Headers.ContentType?.MediaType));
        Assert.Equal("Waiting for the tax provider; the invoice stays a draft and is issued as soon as it answers.", problem.GetProperty("title").GetString());
        Assert.StartsWith("Avalara did not answer (", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var draft = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        Assert.Equal(("draft", JsonValueKind.Null), (draft.GetProperty("status").GetString(), draft.GetProperty("number").ValueKind));
        var waiting = Assert.Single(await TaxProblemsAsync(id));
        Assert.Equal((InvoiceProblems.TaxProviderUnavailable, WorkItemState.Open), (waiting.Code, waiting.State));
        var message = await IssueMessageAsync(id);
        Assert.Equal((OutboxTopic.InvoiceIssue, OutboxState.Pending), (message.Topic, message.State));

        // Still down at the outbox's first try: tried again a minute later.
        var triedAt = app.Time.GetUtcNow();
        Assert.Equal(1, await app.DeliverOutboxAsync());
        Assert.Equal((OutboxState.Pending, triedAt + OutboxDispatcher.Backoff(1)), ((await IssueMessageAsync(id)).State, (await IssueMessageAsync(id)).NextAttemptAt));
        Assert.Equal("draft", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}")).GetProperty("status").GetString());

        await FaultAsync("reset", new { });
        Assert.Equal(0, await app.DeliverOutboxAsync());
        app.Time.Advance(OutboxDispatcher.Backoff(1));
        Assert.Equal(1, await app.DeliverOutboxAsync());

        var issued = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        Assert.Equal("issued", issued.GetProperty("status").GetString());
        Assert.EndsWith("-000001", issued.GetProperty("number").GetString(), StringComparison.Ordinal);
        // Seattle: WA STATE TAX 6.5 % + WA CITY TAX 3.75 % on each line, rounded once per line: the month ahead (66.00 → 6.765 → 6.77;
        // 33.00 → 3.3825 → 3.38) and the prorated days since the purchase (42.58 → 4.36445 → 4.36; 21.29 → 2.182225 → 2.18).
        Assert.Equal([(66.00m, 6.77m), (42.58m, 4.36m), (33.00m, 3.38m), (21.29m, 2.18m)],
            issued.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("amount").GetDecimal(), l.GetProperty("tax").GetDecimal())).OrderByDescending(l => l.Item1));
        Assert.All(issued.GetProperty("lines").EnumerateArray(), l =>
            Assert.Equal((10.25m, "WA STATE TAX + WA CITY TAX"), (l.GetProperty("taxRate").GetDecimal(), l.GetProperty("taxName").GetString())));
        Assert.Equal((162.87m, 16.69m, 179.56m), (issued.GetProperty("subtotal").GetDecimal(), issued.GetProperty("taxTotal").GetDecimal(), issued.GetProperty("total").GetDecimal()));
        var settled = Assert.Single(await TaxProblemsAsync(id));
        Assert.Equal((WorkItemState.Resolved, $"issued as {issued.GetProperty("number").GetString()}"), (settled.State, settled.Resolution));
        Assert.Equal(OutboxState.Delivered, (await IssueMessageAsync(id)).State);
        var transaction = Assert.Single(await TransactionsAsync(), t => t.Code == id.ToString());
        Assert.Equal((companyCode, "SalesInvoice", "Committed", 16.69m), (transaction.CompanyCode, transaction.Type, transaction.Status, transaction.TotalTax));
    }

    [Fact]
    public async Task Issue_AvalaraCannotPlaceTheCustomer_409WithAvalarasMessageAndTheDraftStays()
    {
        var client = await app.SignedInAsync();
        var reno = new { line1 = "1 Virginia Street", city = "Reno", postalCode = "89501", region = "NV", country = "US" };
        var (_, contractId) = await AvalaraContractAsync(client, billingDay: 4, reno);
        var id = (await InvoiceDeliveryApp.BillAsync(client, contractId, new DateOnly(2026, 4, 4), issue: false)).GetProperty("id").GetGuid();

        using var issue = await client.PostAsJsonAsync($"/api/v1/invoices/{id}/issue", new { });

        var problem = await issue.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, issue.StatusCode);
        Assert.Equal($"Avalara refused the invoice: AvaTax refused the transaction {id}: Unable to determine the taxing jurisdictions. "
            + "The address 1 Virginia Street, Reno, NV 89501, US could not be located. (JurisdictionNotFoundError)", problem.GetProperty("detail").GetString());
        var draft = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        Assert.Equal(("draft", JsonValueKind.Null), (draft.GetProperty("status").GetString(), draft.GetProperty("number").ValueKind));
        var refused = Assert.Single(await TaxProblemsAsync(id));
        Assert.Equal((InvoiceProblems.TaxProviderRefused, WorkItemState.Open), (refused.Code, refused.State));
        // Refused is not "down": nothing retries it until a person corrects the address and issues it.
        Assert.False(await app.ReadAsync(db => db.Outbox.AnyAsync(m => m.IdempotencyKey == $"invoice-issue:{id}")));
        Assert.DoesNotContain(await TransactionsAsync(), t => t.Code == id.ToString());
    }

    [Fact]
    public async Task ResolveBillingAddress_KnownAndUnknownPostalCodes_AvalarasReadingReturnedAndNothingChanged()
    {
        var client = await app.SignedInAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var seattle = await InvoiceDeliveryApp.CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/customers", new
        {
            name = $"Seattle {suffix}", currency = "USD", billingEmail = "ap@seattle.example", billingAddress = Seattle,
        }));
        var nowhere = await InvoiceDeliveryApp.CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/customers", new
        {
            name = $"Nowhere {suffix}", currency = "USD", billingEmail = "ap@nowhere.example",
            billingAddress = new { line1 = "1 Nowhere Road", city = "Nowhere", postalCode = "00000", region = "ZZ", country = "US" },
        }));

        var known = await (await client.PostAsJsonAsync($"/api/v1/customers/{seattle}/billing-address/resolve", new { })).Content.ReadFromJsonAsync<JsonElement>();
        using var unknownResponse = await client.PostAsJsonAsync($"/api/v1/customers/{nowhere}/billing-address/resolve", new { });
        var unknown = await unknownResponse.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((true, "98101", "WA"), (known.GetProperty("resolved").GetBoolean(), known.GetProperty("address").GetProperty("postalCode").GetString(),
            known.GetProperty("address").GetProperty("region").GetString()));
        Assert.Equal((HttpStatusCode.OK, false, JsonValueKind.Null), (unknownResponse.StatusCode, unknown.GetProperty("resolved").GetBoolean(), unknown.GetProperty("address").ValueKind));
        Assert.Contains(unknown.GetProperty("messages").EnumerateArray(), m => m.GetString()!.StartsWith("The address is not deliverable.", StringComparison.Ordinal));
        var unchanged = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{nowhere}");
        Assert.Equal("00000", unchanged.GetProperty("billingAddress").GetProperty("postalCode").GetString());
    }

    /// <summary>An entity in Seattle that taxes through Avalara, and a customer at <paramref name="billingAddress"/> with subscriptions of 4 and 2 seats (66.00 and 33.00 a month, and the days since the purchase).</summary>
    private static async Task<(string CompanyCode, Guid Contract)> AvalaraContractAsync(HttpClient client, int billingDay, object billingAddress)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var companyCode = $"NORTHWIND-{suffix}";
        var entityId = await InvoiceDeliveryApp.CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/legal-entities", new
        {
            name = $"Northwind Cloud Services US {suffix}", address = new { line1 = "400 Broad Street", city = "Seattle", postalCode = "98109", region = "WA", country = "US" },
            currency = "USD", email = "billing@northwind-cloud.example", invoicePrefix = $"A{suffix}-", creditNotePrefix = $"R{suffix}-", defaultPaymentTermsDays = 30,
            taxProvider = "avalara", avalaraCompanyCode = companyCode,
        }));
        var (_, contractId) = await InvoiceDeliveryApp.CustomerAsync(client, entityId, billingDay, seats: [4, 2], new
        {
            name = $"Contoso {suffix}", currency = "USD", billingEmail = "ap@contoso.example", billingAddress,
        });
        return (companyCode, contractId);
    }

    private async Task FaultAsync(string kind, object body)
    {
        using var response = await app.Avalara.PostAsJsonAsync($"_sim/faults/{kind}", body);
        response.EnsureSuccessStatusCode();
    }

    private async Task<List<SimulatedTransaction>> TransactionsAsync() =>
        (await app.Avalara.GetFromJsonAsync<List<SimulatedTransaction>>("_sim/transactions"))!;

    private Task<List<WorkItem>> TaxProblemsAsync(Guid invoiceId) =>
        app.ReadAsync(db => db.WorkItems.AsNoTracking()
            .Where(w => w.SubjectId == invoiceId.ToString() && (w.Code == InvoiceProblems.TaxProviderUnavailable || w.Code == InvoiceProblems.TaxProviderRefused)).ToListAsync());

    private Task<OutboxMessage> IssueMessageAsync(Guid invoiceId) =>
        app.ReadAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.IdempotencyKey == $"invoice-issue:{invoiceId}"));

    private sealed record SimulatedTransaction(string CompanyCode, string Code, string Type, string Status, int Version, decimal TotalTax);
}

public sealed class SqliteAvalaraIssueTests(SqliteInvoiceDeliveryApp app) : AvalaraIssueTests(app), IClassFixture<SqliteInvoiceDeliveryApp>;

public sealed class PostgresAvalaraIssueTests(PostgresInvoiceDeliveryApp app) : AvalaraIssueTests(app), IClassFixture<PostgresInvoiceDeliveryApp>;
