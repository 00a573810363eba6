using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>/api/v1/legal-entities and the contracts that name one (issue 11), on SQLite and on PostgreSQL.</summary>
public abstract class LegalEntityApiTests(InvoicingApp app)
{
    [Fact]
    public async Task Create_WithAddressTaxIdAndIban_Returns201AndReadsBackNormalized()
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var name = $"Northwind Cloud Services GmbH {Guid.NewGuid():N}";

        var created = await client.PostAsJsonAsync("/api/v1/legal-entities", new
        {
            name, currency = "EUR", taxId = "de 811 569 869", iban = "de89 3704 0044 0532 0130 00", bic = "cobadeffxxx", bankAccountName = "Northwind Cloud Services GmbH",
            address = new { line1 = "Friedrichstraße 68", city = "Berlin", postalCode = "10117", country = "de" },
            email = "rechnung@northwind-de.example", invoicePrefix = "DE-", creditNotePrefix = "DE-CN-", defaultPaymentTermsDays = 14,
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/legal-entities/{id}", created.Headers.Location?.OriginalString);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/legal-entities/{id}");
        var address = read.GetProperty("address");
        Assert.Equal((name, "DE811569869", "DE89370400440532013000", "COBADEFFXXX", "EUR"),
            (read.GetProperty("name").GetString(), read.GetProperty("taxId").GetString(), read.GetProperty("iban").GetString(), read.GetProperty("bic").GetString(),
                read.GetProperty("currency").GetString()));
        Assert.Equal(("Friedrichstraße 68", "Berlin", "10117", "DE"),
            (address.GetProperty("line1").GetString(), address.GetProperty("city").GetString(), address.GetProperty("postalCode").GetString(),
                address.GetProperty("country").GetString()));
        Assert.Equal(("DE-", "DE-CN-", 14, true, "builtIn"),
            (read.GetProperty("invoicePrefix").GetString(), read.GetProperty("creditNotePrefix").GetString(), read.GetProperty("defaultPaymentTermsDays").GetInt32(),
                read.GetProperty("canIssue").GetBoolean(), read.GetProperty("taxProvider").GetString()));
    }

    [Theory]
    [InlineData("FR", "FR1234", "DE89370400440532013000", "taxId",
        "taxId must be a VAT number of FR: FR followed by 2 digits or letters (not I or O) and 9 digits, e.g. FR40303265045; got 'FR1234'.")]
    [InlineData("DE", "DE811569869", "DE89370400440532013001", "iban",
        "iban must be an IBAN with a valid check (e.g. DE89370400440532013000); got 'DE89370400440532013001'.")]
    public async Task Create_MalformedField_Returns400NamingItAndWritesNothing(string country, string taxId, string iban, string field, string message)
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var before = await InvoicingSeed.CountAsync(app, db => db.LegalEntities);

        var response = await client.PostAsJsonAsync("/api/v1/legal-entities", new
        {
            name = $"Malformed SARL {Guid.NewGuid():N}", currency = "EUR", taxId, iban,
            address = new { line1 = "1 rue de Rivoli", city = "Paris", postalCode = "75001", country },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await InvoicingSeed.ErrorsOfAsync(response, field));
        Assert.Equal(before, await InvoicingSeed.CountAsync(app, db => db.LegalEntities));
    }

    [Fact]
    public async Task Create_SameNameTwice_Returns409NamingItAndKeepsOne()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var name = $"Twice Ltd {Guid.NewGuid():N}";
        var body = new { name, currency = "GBP", address = new { line1 = "1 Canada Square", city = "London", postalCode = "E14 5AB", country = "GB" } };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/legal-entities", body)).StatusCode);

        var again = await client.PostAsJsonAsync("/api/v1/legal-entities", body);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal($"A legal entity named '{name}' already exists.", await InvoicingSeed.DetailOfAsync(again));
        Assert.Equal(1, await InvoicingSeed.CountAsync(app, db => db.LegalEntities.Where(e => e.Name == name)));
    }

    [Fact]
    public async Task Contract_UnknownLegalEntityName_Returns400NamingItAndWritesNothing()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var customerId = await InvoicingSeed.CustomerAsync(client, InvoicingSeed.Berlin);
        var before = await InvoicingSeed.CountAsync(app, db => db.BillingContracts);
        var unknown = $"Nobody GmbH {Guid.NewGuid():N}";

        var response = await client.PostAsJsonAsync("/api/v1/contracts", new { customerId, currency = "EUR", billingDay = 3, legalEntityName = unknown });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"legalEntityName must name an existing legal entity (create it under Legal entities first); got '{unknown}'."],
            await InvoicingSeed.ErrorsOfAsync(response, "legalEntityName"));
        Assert.Equal(before, await InvoicingSeed.CountAsync(app, db => db.BillingContracts));
        Assert.Equal(0, await InvoicingSeed.CountAsync(app, db => db.LegalEntities.Where(e => e.Name == unknown)));
    }

    [Fact]
    public async Task Contract_WithoutPaymentTerms_TakesTheEntitysDefault()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var entity = await InvoicingSeed.LegalEntityAsync(client, InvoicingSeed.Berlin, defaultPaymentTermsDays: 21);
        var customerId = await InvoicingSeed.CustomerAsync(client, InvoicingSeed.Berlin);

        var byName = await client.PostAsJsonAsync("/api/v1/contracts",
            new { customerId, currency = "EUR", billingDay = 3, legalEntityName = entity.GetProperty("name").GetString() });
        var withTerms = await client.PostAsJsonAsync("/api/v1/contracts",
            new { customerId, currency = "EUR", billingDay = 3, legalEntityId = entity.GetProperty("id").GetGuid(), paymentTermsDays = 45 });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (byName.StatusCode, withTerms.StatusCode));
        var contract = await byName.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((21, entity.GetProperty("id").GetGuid(), entity.GetProperty("name").GetString()),
            (contract.GetProperty("paymentTermsDays").GetInt32(), contract.GetProperty("legalEntityId").GetGuid(), contract.GetProperty("legalEntityName").GetString()));
        Assert.Equal(45, (await withTerms.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentTermsDays").GetInt32());
    }
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteLegalEntityApiTests(SqliteInvoicingApp app) : LegalEntityApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresLegalEntityApiTests(PostgresInvoicingApp app) : LegalEntityApiTests(app);
