using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Application.Portal;
using Prorata.Data;
using Prorata.Data.Portal;

namespace Prorata.Web.Tests;

/// <summary>
/// Customers with portal users for the portal tests, on an <see cref="InvoiceDeliveryApp"/> (its own clock, SMTP and
/// payment simulators): staff make the customer, its contract (16.50 USD a seat and month) and subscription; the person
/// joins through the invitation link as a browser would.
/// </summary>
public static partial class PortalSeed
{
    public const string Password = "a long portal passphrase";

    public sealed record Customer(Guid Id, Guid ContractId, Guid SubscriptionId, string Name);

    /// <summary>A customer billed by a fresh legal entity on <paramref name="billingDay"/>, with one subscription of <paramref name="seats"/> seats bought now.</summary>
    public static async Task<Customer> CustomerAsync(HttpClient staff, int billingDay = 1, int seats = 4, bool creditHold = false)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var entityId = await InvoiceDeliveryApp.CreatedIdAsync(await staff.PostAsJsonAsync("/api/v1/legal-entities", new
        {
            name = $"Northwind Portal {suffix}",
            address = new { line1 = "Friedrichstraße 68", city = "Berlin", postalCode = "10117", country = "DE" },
            currency = "USD", email = "billing@northwind-cloud.example", invoicePrefix = $"P{suffix}-", creditNotePrefix = $"Q{suffix}-", defaultPaymentTermsDays = 30,
        }));
        var name = $"Contoso {suffix}";
        var (customerId, contractId) = await InvoiceDeliveryApp.CustomerAsync(staff, entityId, billingDay, seats: [seats], new
        {
            name, currency = "USD", billingEmail = "ap@contoso.example", creditHold,
            billingAddress = new { line1 = "1 Microsoft Way", city = "Redmond", postalCode = "98052", region = "WA", country = "US" },
            taxExempt = true, taxExemptionCertificate = "WA-EXEMPT-9",
        });
        var subscriptions = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions?contractId={contractId}");
        var subscriptionId = Assert.Single(subscriptions.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        return new Customer(customerId, contractId, subscriptionId, name);
    }

    /// <summary>Staff's invitation of <paramref name="email"/>: the one-time token of its link.</summary>
    public static async Task<string> InviteAsync(InvoiceDeliveryApp app, Guid customerId, string email, string role = "admin")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PortalInvitations>()
            .InviteAsync(customerId, email, role, "owner@northwind.example", token => new Uri($"http://localhost{PortalInvitations.InvitePath}{token}"), CancellationToken.None);
        Assert.NotNull(result.Entity);
        return result.Entity.Link.Segments[^1];
    }

    /// <summary>A browser that opened the invitation link and chose its password: signed in to the portal.</summary>
    public static async Task<HttpClient> JoinAsync(InvoiceDeliveryApp app, string token)
    {
        var client = app.AnonymousClient();
        using var joined = await ProrataApp.PostFormAsync(client, $"/portal/invitation/{token}",
            new() { ["Form.DisplayName"] = "Ines Admin", ["Form.Password"] = Password, ["Form.Confirm"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.StartsWith("/portal?message=", PathOf(joined));
        return client;
    }

    public static async Task<HttpClient> UserAsync(InvoiceDeliveryApp app, Guid customerId, string role = "admin") =>
        await JoinAsync(app, await InviteAsync(app, customerId, $"{role}-{Guid.NewGuid():N}@contoso.example", role));

    /// <summary>A sign-in through the portal's form; returns the client and where the form sent it.</summary>
    public static async Task<(HttpClient Client, string Location)> SignInAsync(InvoiceDeliveryApp app, string email)
    {
        var client = app.AnonymousClient();
        using var response = await ProrataApp.PostFormAsync(client, "/portal/signin", new() { ["Form.Email"] = email, ["Form.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, PathOf(response));
    }

    /// <summary>The antiforgery token of a portal page's forms, for posting a form as the page would.</summary>
    public static async Task<string> AntiforgeryAsync(HttpClient client, string page = "/portal/account") =>
        WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync(page)).Groups["value"].Value);

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryAsync(client);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Where a redirect goes, as a local path and query (a page's NavigateTo answers with an absolute address).</summary>
    public static string PathOf(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;

    public static async Task<T> WithAsync<T>(InvoiceDeliveryApp app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static async Task<PortalOffer> OfferAsync(InvoiceDeliveryApp app, Customer customer, int min = 1, int? max = null, bool approval = false) =>
        await WithAsync(app, async services => (await services.GetRequiredService<PortalCatalog>().AddOfferAsync(customer.Id,
            new OfferDraft(customer.ContractId, InvoiceDeliveryApp.Product, InvoiceDeliveryApp.Sku, "P1Y", "Monthly", min, max, approval), CancellationToken.None)).Entity!);

    public static Task<T> ReadAsync<T>(InvoiceDeliveryApp app, Func<ProrataDbContext, Task<T>> query) => app.ReadAsync(query);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex Token();
}
