using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>The customer's billing profile on /api/v1/customers (issue 11): addresses, tax id, exemption, e-mails, language.</summary>
public abstract class CustomerProfileApiTests(InvoicingApp app)
{
    [Fact]
    public async Task Create_WithBillingProfile_RoundTripsWithTheVatIdNormalized()
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var name = $"Tailspin Toys SAS {Guid.NewGuid():N}";

        var created = await client.PostAsJsonAsync("/api/v1/customers", new
        {
            name, currency = "EUR", billingEmail = "compta@tailspin.example",
            billingAddress = new { line1 = "8 rue de Londres", line2 = "Bâtiment B", city = "Paris", postalCode = "75009", country = "fr" },
            serviceAddress = new { line1 = "2 quai de la Gare", city = "Lyon", postalCode = "69002", region = "ara", country = "FR" },
            taxId = "fr 40 303.265-045", additionalBillingEmails = new[] { "cfo@tailspin.example", "CFO@tailspin.example" }, preferredLanguage = "FR",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");
        var billing = read.GetProperty("billingAddress");
        var service = read.GetProperty("serviceAddress");
        Assert.Equal(("8 rue de Londres", "Bâtiment B", "Paris", "75009", "FR"),
            (billing.GetProperty("line1").GetString(), billing.GetProperty("line2").GetString(), billing.GetProperty("city").GetString(),
                billing.GetProperty("postalCode").GetString(), billing.GetProperty("country").GetString()));
        Assert.Equal(("Lyon", "ARA", "FR"), (service.GetProperty("city").GetString(), service.GetProperty("region").GetString(), service.GetProperty("country").GetString()));
        Assert.Equal(("FR40303265045", false, "fr"),
            (read.GetProperty("taxId").GetString(), read.GetProperty("taxExempt").GetBoolean(), read.GetProperty("preferredLanguage").GetString()));
        Assert.Equal(["cfo@tailspin.example"], read.GetProperty("additionalBillingEmails").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("DE", "FR40303265045", "taxId must be a VAT number of DE: DE followed by 9 digits, e.g. DE811569869; got 'FR40303265045'.")]
    [InlineData("NL", "NL123456789", "taxId must be a VAT number of NL: NL followed by 9 digits, B and 2 digits, e.g. NL004495445B01; got 'NL123456789'.")]
    [InlineData("GR", "GR094259216", "taxId must be a VAT number of GR: EL (not GR) followed by 9 digits, e.g. EL094259216; got 'GR094259216'.")]
    public async Task Create_VatIdOfTheWrongShapeForItsBillingCountry_Returns400NamingTaxIdAndWritesNothing(string country, string taxId, string message)
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var before = await InvoicingSeed.CountAsync(app, db => db.Customers);

        var response = await client.PostAsJsonAsync("/api/v1/customers", new
        {
            name = $"Wrong Shape {Guid.NewGuid():N}", currency = "EUR", billingEmail = "ap@wrong-shape.example", taxId,
            billingAddress = new { line1 = "Hauptstraße 1", city = "Anywhere", postalCode = "12345", country },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await InvoicingSeed.ErrorsOfAsync(response, "taxId"));
        Assert.Equal(before, await InvoicingSeed.CountAsync(app, db => db.Customers));
    }

    [Fact]
    public async Task Create_ExemptWithoutCertificate_Returns400AndWritesNothing()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var before = await InvoicingSeed.CountAsync(app, db => db.Customers);

        var response = await client.PostAsJsonAsync("/api/v1/customers", new
        {
            name = $"Exempt Charity {Guid.NewGuid():N}", currency = "EUR", billingEmail = "ap@charity.example", taxExempt = true,
            billingAddress = InvoicingSeed.Berlin,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["taxExemptionCertificate is required when taxExempt is true (the certificate's reference is the proof an auditor asks for)."],
            await InvoicingSeed.ErrorsOfAsync(response, "taxExemptionCertificate"));
        Assert.Equal(before, await InvoicingSeed.CountAsync(app, db => db.Customers));
    }
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteCustomerProfileApiTests(SqliteInvoicingApp app) : CustomerProfileApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresCustomerProfileApiTests(PostgresInvoicingApp app) : CustomerProfileApiTests(app);
