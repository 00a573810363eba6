using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;
using Prorata.Data.Invoices;

namespace Prorata.Web.Tests;

/// <summary>
/// POST /api/v1/invoices/{id}/credit for chosen lines or an amount (issue 11): a credit note reverses the tax charged and
/// is numbered in the entity's credit-note sequence, not its invoices'. The invoice is INV-000001: two lines of 137.50,
/// each taxed 26.13 at 19 %.
/// </summary>
public abstract class CreditNoteApiTests(InvoicingApp app)
{
    [Fact]
    public async Task CreditLineOneThenTheRest_NotesNegateTheLinesAndTheInvoiceEndsCredited()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var (invoice, _, _) = await InvoicingSeed.GermanInvoiceAsync(app, await app.SignedInAsAsync(StaffRoles.Owner));
        var id = invoice.GetProperty("id").GetGuid();
        var lineOne = invoice.GetProperty("lines")[0];

        var first = await client.PostAsJsonAsync($"/api/v1/invoices/{id}/credit", new { lines = new[] { 1 } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var note = await NoteAsync(client, first);
        Assert.Equal(("creditNote", "issued", "CN-000001", id, -137.50m, -26.13m, -163.63m),
            (note.GetProperty("kind").GetString(), note.GetProperty("status").GetString(), note.GetProperty("number").GetString(),
                note.GetProperty("creditedInvoiceId").GetGuid(), note.GetProperty("subtotal").GetDecimal(), note.GetProperty("taxTotal").GetDecimal(),
                note.GetProperty("total").GetDecimal()));
        var line = Assert.Single(note.GetProperty("lines").EnumerateArray());
        Assert.Equal((-lineOne.GetProperty("quantity").GetDecimal(), -lineOne.GetProperty("amount").GetDecimal(), -lineOne.GetProperty("tax").GetDecimal(), 19m,
                lineOne.GetProperty("periodStart").GetString()),
            (line.GetProperty("quantity").GetDecimal(), line.GetProperty("amount").GetDecimal(), line.GetProperty("tax").GetDecimal(),
                line.GetProperty("taxRate").GetDecimal(), line.GetProperty("periodStart").GetString()));
        Assert.Equal("issued", await StatusAsync(client, id));

        var rest = await client.PostAsync($"/api/v1/invoices/{id}/credit", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        var second = await NoteAsync(client, rest);
        Assert.Equal(("CN-000002", -137.50m, -26.13m, "2026-04-14"),
            (second.GetProperty("number").GetString(), second.GetProperty("subtotal").GetDecimal(), second.GetProperty("taxTotal").GetDecimal(),
                Assert.Single(second.GetProperty("lines").EnumerateArray()).GetProperty("periodStart").GetString()));
        Assert.Equal("credited", await StatusAsync(client, id));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/invoices/{id}/credit", JsonContent.Create(new { }))).StatusCode);
    }

    [Fact]
    public async Task CreditAnAmount_ReversesItsTax_AndMoreThanIsLeftIsRefusedNamingAmount()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var (invoice, _, _) = await InvoicingSeed.GermanInvoiceAsync(app, await app.SignedInAsAsync(StaffRoles.Owner));
        var id = invoice.GetProperty("id").GetGuid();
        const string reason = "Goodwill for the outage of 2026-03-20";

        var goodwill = await client.PostAsJsonAsync($"/api/v1/invoices/{id}/credit", new { amount = 10.00m, reason });

        Assert.Equal(HttpStatusCode.OK, goodwill.StatusCode);
        var note = await NoteAsync(client, goodwill);
        Assert.Equal(("CN-000001", -10.00m, -1.90m, -11.90m),
            (note.GetProperty("number").GetString(), note.GetProperty("subtotal").GetDecimal(), note.GetProperty("taxTotal").GetDecimal(), note.GetProperty("total").GetDecimal()));
        var line = Assert.Single(note.GetProperty("lines").EnumerateArray());
        Assert.Equal((-10.00m, -1.90m, 19m, reason),
            (line.GetProperty("amount").GetDecimal(), line.GetProperty("tax").GetDecimal(), line.GetProperty("taxRate").GetDecimal(), line.GetProperty("description").GetString()));
        Assert.Equal("issued", await StatusAsync(client, id));

        var tooMuch = await client.PostAsJsonAsync($"/api/v1/invoices/{id}/credit", new { amount = 265.01m, reason });

        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal(["amount must be more than 0, at most what is not credited yet (265.00 EUR) and in EUR's precision; got 265.01."],
            await InvoicingSeed.ErrorsOfAsync(tooMuch, "amount"));
        Assert.Equal(1, await InvoicingSeed.CountAsync(app, db => db.Invoices.Where(i => i.CreditedInvoiceId == id)));

        var theRest = await client.PostAsJsonAsync($"/api/v1/invoices/{id}/credit", new { amount = 265.00m, reason = "Contract ended" });

        Assert.Equal(HttpStatusCode.OK, theRest.StatusCode);
        var last = await NoteAsync(client, theRest);
        // 265.00 × 19 % is 50.35, but the note that completes the crediting reverses the tax still left (billing-rules §5):
        // 52.26 charged (26.13 per line) − 1.90 reversed before = 50.36, so the invoice is credited to the cent.
        Assert.Equal(("CN-000002", -265.00m, -50.36m), (last.GetProperty("number").GetString(), last.GetProperty("subtotal").GetDecimal(), last.GetProperty("taxTotal").GetDecimal()));
        Assert.Equal("credited", await StatusAsync(client, id));
    }

    [Fact]
    public async Task CreditAmountWithoutReason_Returns400NamingReasonAndWritesNothing()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var (invoice, _, _) = await InvoicingSeed.GermanInvoiceAsync(app, await app.SignedInAsAsync(StaffRoles.Owner));
        var id = invoice.GetProperty("id").GetGuid();

        var response = await client.PostAsJsonAsync($"/api/v1/invoices/{id}/credit", new { amount = 5.00m });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(await InvoicingSeed.ErrorsOfAsync(response, "reason"));
        Assert.Equal(0, await InvoicingSeed.CountAsync(app, db => db.Invoices.Where(i => i.CreditedInvoiceId == id && i.Kind == InvoiceKind.CreditNote)));
    }

    private static async Task<JsonElement> NoteAsync(HttpClient client, HttpResponseMessage credited)
    {
        var id = (await credited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
    }

    private static async Task<string?> StatusAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}")).GetProperty("status").GetString();
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteCreditNoteApiTests(SqliteInvoicingApp app) : CreditNoteApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresCreditNoteApiTests(PostgresInvoicingApp app) : CreditNoteApiTests(app);
