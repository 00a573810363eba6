using System.Net;
using System.Net.Http.Json;
using Prorata.Data.Identity;
using UglyToad.PdfPig;

namespace Prorata.Web.Tests;

/// <summary>GET /api/v1/customers/{id}/statement?format=pdf: the statement Finance sends, from the entity of the customer's contract.</summary>
public abstract class StatementPdfApiTests(InvoicingApp app)
{
    [Fact]
    public async Task StatementPdf_PaymentThenInvoice_RunningBalanceClosingBalanceAndTheEntitysBankDetails()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var (invoice, entity, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, await app.SignedInAsAsync(StaffRoles.Owner));
        await ReceivablesSeed.SettledInvoiceAsync(client, invoice.GetProperty("id").GetGuid());
        var paid = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments", new { amount = 100.00m, currency = "EUR", reference = "wire 4471" });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);

        var response = await client.GetAsync($"/api/v1/customers/{customerId}/statement?currency=EUR&from=2026-03-01&to=2026-04-30&format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("application/pdf", "statement-2026-03-01-2026-04-30.pdf"),
            (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentDisposition?.FileName));
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        // The payment was received on 2026-03-14 (the app's clock), before the invoice of 2026-04-14: 327.26 − 100.00 = 227.26 due.
        Assert.Contains(entity.GetProperty("name").GetString()!.Split(' ')[^1], text);
        Assert.Contains("1 Mar 2026 Opening balance 0.00", text);
        Assert.Contains("14 Mar 2026 Payment wire 4471 -100.00 -100.00", text);
        Assert.Contains("14 Apr 2026 Invoice INV-000001 327.26 227.26", text);
        Assert.Contains("30 Apr 2026 Closing balance 227.26", text);
        Assert.Contains("Balance due 227.26 EUR", text);
        Assert.Contains("IBAN DE89370400440532013000 BIC COBADEFFXXX", text);
        Assert.Contains("Page 1 of 1", text);
    }
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteStatementPdfApiTests(SqliteInvoicingApp app) : StatementPdfApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresStatementPdfApiTests(PostgresInvoicingApp app) : StatementPdfApiTests(app);
