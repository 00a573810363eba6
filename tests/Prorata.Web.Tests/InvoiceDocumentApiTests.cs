using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Prorata.Data.Identity;
using UglyToad.PdfPig;

namespace Prorata.Web.Tests;

/// <summary>
/// What the customer receives (issue 11): the UBL e-invoice of an issued invoice, and its PDF and UBL drawn from the seller
/// and buyer frozen when it was issued, not from the records as they are later.
/// </summary>
public abstract class InvoiceDocumentApiTests(InvoicingApp app)
{
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    [Fact]
    public async Task Ubl_IssuedInvoice_NumberAndTaxTotalAsTheInvoiceHasThem()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var (invoice, _, _) = await InvoicingSeed.GermanInvoiceAsync(app, await app.SignedInAsAsync(StaffRoles.Owner));

        var response = await client.GetAsync($"/api/v1/invoices/{invoice.GetProperty("id").GetGuid()}/ubl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var ubl = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        var taxTotal = ubl.Element(Cac + "TaxTotal")!.Element(Cbc + "TaxAmount")!;
        Assert.Equal(("Invoice", "INV-000001", "52.26", "EUR"), (ubl.Name.LocalName, ubl.Element(Cbc + "ID")!.Value, taxTotal.Value, taxTotal.Attribute("currencyID")!.Value));
        Assert.Equal(invoice.GetProperty("taxTotal").GetDecimal(), decimal.Parse(taxTotal.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("327.26", ubl.Element(Cac + "LegalMonetaryTotal")!.Element(Cbc + "PayableAmount")!.Value);
    }

    [Fact]
    public async Task Ubl_Draft_Returns409()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        await InvoicingSeed.GermanRateAsync(client);
        var entity = await InvoicingSeed.LegalEntityAsync(client, address: null);
        var customerId = await InvoicingSeed.CustomerAsync(client, InvoicingSeed.Berlin);
        var contractId = await InvoicingSeed.ContractWithSeatsAsync(app, client, customerId, entity.GetProperty("id").GetGuid());
        await InvoicingSeed.BillAsync(client);
        var draft = await InvoicingSeed.InvoiceOfAsync(client, contractId);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        var id = draft.GetProperty("id").GetGuid();

        var response = await client.GetAsync($"/api/v1/invoices/{id}/ubl");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal($"Invoice {id} is a draft: an e-invoice needs the number it gets when it is issued.", await InvoicingSeed.DetailOfAsync(response));
    }

    [Fact]
    public async Task IssuedInvoice_CustomerAndEntityMoveLater_PdfAndUblKeepTheAddressesItWasIssuedWith()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var (invoice, entity, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, client,
            InvoicingSeed.Address("Marienplatz 8", "Muenchen", "80331", "DE"), customerName: "Adatum Bayern");
        var id = invoice.GetProperty("id").GetGuid();
        var customer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}");

        var moved = await client.PutAsJsonAsync($"/api/v1/customers/{customerId}", new
        {
            name = customer.GetProperty("name").GetString(), currency = "EUR", billingEmail = customer.GetProperty("billingEmail").GetString(), taxId = "DE129273398",
            billingAddress = InvoicingSeed.Address("Sendlinger Strasse 1", "Muenchen", "80331", "DE"), version = customer.GetProperty("version").GetInt32(),
        });
        var sellerMoved = await client.PutAsJsonAsync($"/api/v1/legal-entities/{entity.GetProperty("id").GetGuid()}", new
        {
            name = entity.GetProperty("name").GetString(), currency = "EUR", taxId = "DE811569869",
            address = InvoicingSeed.Address("Unter den Linden 77", "Berlin", "10117", "DE"), version = entity.GetProperty("version").GetInt32(),
        });
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (moved.StatusCode, sellerMoved.StatusCode));

        var ubl = XDocument.Parse(await client.GetStringAsync($"/api/v1/invoices/{id}/ubl")).Root!;
        var pdf = await client.GetByteArrayAsync($"/invoices/{id}/pdf");

        Assert.Equal(("Marienplatz 8", "Friedrichstraße 68"),
            (Street(ubl, "AccountingCustomerParty"), Street(ubl, "AccountingSupplierParty")));
        using var document = PdfDocument.Open(pdf);
        // Read in reading order (lines top to bottom, words left to right), not in the order the content stream draws them.
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()
            .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom)).ThenBy(w => w.BoundingBox.Left)).Select(w => w.Text));
        Assert.Contains("Marienplatz 8", text);
        Assert.DoesNotContain("Sendlinger", text);
        Assert.DoesNotContain("Linden", text);
    }

    private static string Street(XElement ubl, string party) =>
        ubl.Element(Cac + party)!.Element(Cac + "Party")!.Element(Cac + "PostalAddress")!.Element(Cbc + "StreetName")!.Value;
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteInvoiceDocumentApiTests(SqliteInvoicingApp app) : InvoiceDocumentApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresInvoiceDocumentApiTests(PostgresInvoicingApp app) : InvoiceDocumentApiTests(app);
