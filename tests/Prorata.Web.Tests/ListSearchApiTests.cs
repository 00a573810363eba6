using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Identity;
using Prorata.Data.Invoices;
using Prorata.Data.LegalEntities;
using Prorata.Data.PartnerCenter;
using Prorata.Data.Receivables;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;

namespace Prorata.Web.Tests;

/// <summary>
/// Finding things in the staff lists, on the API and the pages: three customers named with a prefix of their own (so other
/// tests' rows never match), Alpha (EUR, on credit hold), Beta (USD) and Gamma (EUR, Microsoft tenant linked), each with a
/// contract, a subscription, an invoice, and Alpha and Beta with a payment.
/// </summary>
public abstract class ListSearchApiTests(InvoicingApp app)
{
    private sealed record Seeded(string Prefix, Guid Alpha, Guid Beta, Guid Gamma, string TenantId, string Domain);

    [Fact]
    public async Task Customers_WordsFiltersSortAndPages_WithTheTotal()
    {
        var s = await SeedAsync();
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={s.Prefix}&pageSize=2");
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={s.Prefix}&pageSize=2&page=2");
        var past = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={s.Prefix}&pageSize=2&page=3");

        Assert.Equal(($"{s.Prefix} Alpha|{s.Prefix} Beta", 3, 1, 2, (int?)2), Page(first, "name"));
        Assert.Equal(($"{s.Prefix} Gamma", 3, 2, 2, (int?)null), Page(second, "name"));
        Assert.Equal(("", 3, 3, 2, (int?)null), Page(past, "name"));
        Assert.Equal([$"{s.Prefix} Gamma", $"{s.Prefix} Beta", $"{s.Prefix} Alpha"], Names(await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={s.Prefix}&sort=-name"), "name"));
        Assert.Equal([$"{s.Prefix} Alpha"], Names(await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={s.Prefix}&onHold=true"), "name"));
        Assert.Equal([$"{s.Prefix} Alpha", $"{s.Prefix} Gamma"], Names(await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={s.Prefix}&currency=eur"), "name"));
        // The tenant: its domain in part, its id whole, any case.
        Assert.Equal([$"{s.Prefix} Gamma"], Names(await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={s.Domain.ToUpperInvariant()}"), "name"));
        Assert.Equal([$"{s.Prefix} Gamma"], Names(await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={s.TenantId}"), "name"));
        Assert.Equal([$"{s.Prefix} Beta"], Names(await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q=ap@{s.Prefix}-beta.example"), "name"));
    }

    [Fact]
    public async Task ContractsSubscriptionsInvoicesAndPayments_FoundByTheirCustomerAndTheirOwnWords_WithCustomerNames()
    {
        var s = await SeedAsync();
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var contracts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts?q={s.Prefix}&currency=USD");
        var bySeats = await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions?q={s.Prefix}&sort=-seats");
        var cancelled = await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions?q={s.Prefix}&status=cancelled");
        var byCustomer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions?q={s.Prefix}&sort=-customer");
        var ofAlpha = await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions?customerId={s.Alpha}");
        var byTotal = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?q={s.Prefix}&sort=total");
        var april = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?q={s.Prefix}&from=2026-04-01&to=2026-04-30");
        var byNumber = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?q=inv-000002&customerId={s.Beta}");
        var drafts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?q={s.Prefix}&status=draft");
        // Words that end in a digit are a name, not invoice number 2 of every legal entity.
        var wordsEndingInADigit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?q={s.Prefix} 2");
        var payments = await client.GetFromJsonAsync<JsonElement>($"/api/v1/payments?q={s.Prefix}");
        var cards = await client.GetFromJsonAsync<JsonElement>($"/api/v1/payments?q={s.Prefix}&method=card");
        var byProviderId = await client.GetFromJsonAsync<JsonElement>($"/api/v1/payments?q=PI_{s.Prefix}");
        var alphaPayments = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{s.Alpha}/payments");

        Assert.Equal([$"{s.Prefix} Beta"], Names(contracts, "customerName"));
        Assert.Equal(1, contracts.GetProperty("total").GetInt32());
        Assert.Equal([($"{s.Prefix} Beta", 250), ($"{s.Prefix} Alpha", 10), ($"{s.Prefix} Gamma", 3)],
            bySeats.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("customerName").GetString(), i.GetProperty("quantity").GetInt32())));
        Assert.Equal([$"{s.Prefix} Gamma"], Names(cancelled, "customerName"));
        Assert.Equal([$"{s.Prefix} Gamma", $"{s.Prefix} Beta", $"{s.Prefix} Alpha"], Names(byCustomer, "customerName"));
        Assert.Equal(["Microsoft 365 Business Premium"], Names(ofAlpha, "title"));
        // By total within each currency: EUR 30.00 (Gamma's draft) and 100.00, then USD 2,500.00.
        Assert.Equal([(null, 30.00m, "EUR"), ("INV-000001", 100.00m, "EUR"), ("INV-000002", 2500.00m, "USD")],
            byTotal.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("number").GetString(), i.GetProperty("total").GetDecimal(), i.GetProperty("currency").GetString())));
        Assert.Equal([$"{s.Prefix} Beta", $"{s.Prefix} Gamma"], Names(april, "customerName").Order());
        Assert.Equal(["INV-000002"], Names(byNumber, "number"));
        Assert.Equal([$"{s.Prefix} Gamma"], Names(drafts, "customerName"));
        Assert.Equal(0, wordsEndingInADigit.GetProperty("total").GetInt32());
        Assert.Equal([$"{s.Prefix}-card", $"{s.Prefix}-wire"], Names(payments, "reference"));
        Assert.Equal([$"{s.Prefix} Beta", $"{s.Prefix} Alpha"], Names(payments, "customerName"));
        Assert.Equal([$"{s.Prefix}-card"], Names(cards, "reference"));
        Assert.Equal([$"{s.Prefix}-card"], Names(byProviderId, "reference"));
        Assert.Equal([$"{s.Prefix}-wire"], Names(alphaPayments, "reference"));
    }

    [Theory]
    [InlineData("/api/v1/customers?sort=shoe", "sort", "sort must be one of name, currency, created (with '-' first for descending); got 'shoe'.")]
    [InlineData("/api/v1/invoices?pageSize=0", "pageSize", "pageSize must be between 1 and 1000; got 0.")]
    [InlineData("/api/v1/invoices?from=2026-02-30", "from", "from must be a date as yyyy-MM-dd; got '2026-02-30'.")]
    [InlineData("/api/v1/subscriptions?status=paused", "status", "status must be one of active, suspended, cancelled, expired; got 'paused'.")]
    [InlineData("/api/v1/payments?page=0", "page", "page must be 1 or more; got 0.")]
    [InlineData("/api/v1/search?q=", "q", "q must be 1 to 200 characters; got ''.")]
    public async Task Lists_BadQuery_Returns400NamingTheParameterAndValue(string url, string field, string message)
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await CustomerApiTests.ProblemErrorsAsync(response, field));
    }

    [Fact]
    public async Task SearchBox_FindsTheTenantTheSubscriptionAndTheInvoiceNumber()
    {
        var s = await SeedAsync();
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var everything = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={s.Prefix}");
        var tenant = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={s.Domain}");
        var page = await client.GetStringAsync($"/search?q={s.Prefix}");

        Assert.Equal([("customer", 3), ("subscription", 3), ("invoice", 3)],
            everything.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("kind").GetString(), g.GetProperty("total").GetInt32())));
        var customers = tenant.GetProperty("groups")[0];
        Assert.Equal(($"{s.Prefix} Gamma", $"/customers/{s.Gamma}", $"/customers?q={Uri.EscapeDataString(s.Domain)}"),
            (customers.GetProperty("hits")[0].GetProperty("title").GetString(), customers.GetProperty("hits")[0].GetProperty("url").GetString(),
                customers.GetProperty("listUrl").GetString()));
        Assert.Equal([0, 0], tenant.GetProperty("groups").EnumerateArray().Skip(1).Select(g => g.GetProperty("total").GetInt32()));
        Assert.Contains($"<a href=\"/customers/{s.Alpha}\">{s.Prefix} Alpha</a>", page);
        Assert.Contains("Customers <span class=\"hint\">(3)</span>", page);
    }

    [Fact]
    public async Task ListPages_SearchSortAndPageLinksKeepTheFilters()
    {
        var s = await SeedAsync();
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var customers = await client.GetStringAsync($"/customers?q={s.Prefix}&sort=-name");
        var subscriptions = await client.GetStringAsync($"/subscriptions?q={s.Prefix}&status=active");
        var invoices = await client.GetStringAsync($"/invoices?q={s.Prefix}&kind=invoice");
        var payments = await client.GetStringAsync($"/payments?q={s.Prefix}&sort=amount");
        var badSort = await client.GetStringAsync("/invoices?sort=colour");
        var badId = await client.GetStringAsync("/subscriptions?customerId=abc&page=two");

        Assert.Equal([$"{s.Prefix} Gamma", $"{s.Prefix} Beta", $"{s.Prefix} Alpha"], PageHtml.Rows(customers, "customers").Select(r => r[0]));
        Assert.Equal("1–3 of 3", PageHtml.Text(customers, "customers-pager"));
        // The name heading sorts ascending next, keeping the words.
        Assert.Contains($"<th aria-sort=\"descending\"><a href=\"/customers?q={s.Prefix}&amp;sort=name\">Name", customers);
        // Newest first: Beta's was bought after Alpha's.
        Assert.Equal([["Microsoft 365 E3", $"{s.Prefix} Beta"], [$"Microsoft 365 Business Premium", $"{s.Prefix} Alpha"]],
            PageHtml.Rows(subscriptions, "subscriptions").Select(r => r[..2]));
        // Newest first; on a day, numbered before drafts.
        Assert.Equal([["INV-000002", $"{s.Prefix} Beta"], ["draft", $"{s.Prefix} Gamma"], ["INV-000001", $"{s.Prefix} Alpha"]], PageHtml.Rows(invoices, "invoices").Select(r => r[..2]));
        Assert.Equal(["2,500.00 USD", "30.00 EUR", "100.00 EUR"], PageHtml.Rows(invoices, "invoices").Select(r => r[5]));
        Assert.Equal([$"{s.Prefix} Alpha", $"{s.Prefix} Beta"], PageHtml.Rows(payments, "payments").Select(r => r[1]));
        Assert.Contains("customerId must be an id such as 0197a3c2-0000-7000-8000-000000000001; got &#x27;abc&#x27;. page must be a whole number from 1; got &#x27;two&#x27;.", badId);
        Assert.Contains("sort must be one of billingDate, number, customer, total, status (with &#x27;-&#x27; first for descending); got &#x27;colour&#x27;.", badSort);
    }

    private async Task<Seeded> SeedAsync()
    {
        var prefix = "Lst" + Guid.NewGuid().ToString("N")[..8];
        var tenantId = Guid.NewGuid().ToString();
        var domain = $"{prefix.ToLowerInvariant()}-gamma.onmicrosoft.com";
        var at = app.Time.GetUtcNow();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var entity = new LegalEntity { Id = Guid.CreateVersion7(), Name = $"{prefix} Entity", Currency = "EUR", InvoicePrefix = "INV-", CreditNotePrefix = "CN-", CreatedAt = at, UpdatedAt = at };
        Customer Customer(string name, string currency, bool hold) => new()
        {
            Id = Guid.CreateVersion7(), Name = $"{prefix} {name}", Currency = currency, BillingEmail = $"ap@{prefix.ToLowerInvariant()}-{name.ToLowerInvariant()}.example",
            CreditHold = hold, CreatedAt = at, UpdatedAt = at,
        };
        var alpha = Customer("Alpha", "EUR", hold: true);
        var beta = Customer("Beta", "USD", hold: false);
        var gamma = Customer("Gamma", "EUR", hold: false);
        BillingContract Contract(Customer c) => new()
        {
            Id = Guid.CreateVersion7(), CustomerId = c.Id, Currency = c.Currency, BillingDay = 1, LegalEntityId = entity.Id, CreatedAt = at, UpdatedAt = at,
        };
        var (ca, cb, cg) = (Contract(alpha), Contract(beta), Contract(gamma));
        var bought = 0;
        CustomerSubscription Subscription(BillingContract c, string title, int seats, SubscriptionStatus status) => new()
        {
            Id = Guid.CreateVersion7(), ContractId = c.Id, ProductId = "CFQ7TTC0LCHC", SkuId = "0002", Title = title, Term = TermDuration.P1Y,
            BillingPlan = BillingPlan.Monthly, Status = status, Quantity = seats, AutoRenew = true, CreatedAt = at.AddSeconds(++bought), UpdatedAt = at,
        };
        CustomerInvoice Invoice(BillingContract c, long? number, DateOnly date, decimal total, InvoiceStatus status) => new()
        {
            Id = Guid.CreateVersion7(), ContractId = c.Id, BillingDate = date, Kind = InvoiceKind.Invoice, Status = status, LegalEntityId = entity.Id,
            LegalEntityName = entity.Name, Number = number, Currency = c.Currency, Subtotal = total, Total = total, CreatedAt = at,
        };
        Payment Pay(Customer c, decimal amount, string reference, PaymentMethodKind method, DateTimeOffset received, string? providerId = null) => new()
        {
            Id = Guid.CreateVersion7(), CustomerId = c.Id, Currency = c.Currency, Amount = amount, ReceivedAt = received, Method = method, Reference = reference,
            ProviderPaymentId = providerId, RecordedBy = "test", RecordedAt = at,
        };
        db.AddRange(entity, alpha, beta, gamma, ca, cb, cg);
        db.AddRange(Subscription(ca, "Microsoft 365 Business Premium", 10, SubscriptionStatus.Active), Subscription(cb, "Microsoft 365 E3", 250, SubscriptionStatus.Active),
            Subscription(cg, "Exchange Online (Plan 1)", 3, SubscriptionStatus.Cancelled));
        db.AddRange(Invoice(ca, 1, new DateOnly(2026, 3, 1), 100.00m, InvoiceStatus.Issued), Invoice(cb, 2, new DateOnly(2026, 4, 1), 2500.00m, InvoiceStatus.Issued),
            Invoice(cg, null, new DateOnly(2026, 4, 1), 30.00m, InvoiceStatus.Draft));
        db.AddRange(Pay(alpha, 100.00m, $"{prefix}-wire", PaymentMethodKind.BankTransfer, new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)),
            Pay(beta, 2500.00m, $"{prefix}-card", PaymentMethodKind.Card, new DateTimeOffset(2026, 4, 5, 9, 0, 0, TimeSpan.Zero), providerId: $"pi_{prefix}"));
        db.Add(new PartnerCenterCustomerLink { PartnerCenterCustomerId = tenantId, CompanyName = gamma.Name, Domain = domain, CustomerId = gamma.Id, FirstSeenAt = at });
        await db.SaveChangesAsync();
        return new Seeded(prefix, alpha.Id, beta.Id, gamma.Id, tenantId, domain);
    }

    /// <summary>The page's names joined by "|", its total, page, page size and next page.</summary>
    private static (string Names, int Total, int Page, int PageSize, int? NextPage) Page(JsonElement list, string property) =>
        (string.Join("|", Names(list, property)), list.GetProperty("total").GetInt32(), list.GetProperty("page").GetInt32(), list.GetProperty("pageSize").GetInt32(),
            list.GetProperty("nextPage").ValueKind == JsonValueKind.Null ? null : list.GetProperty("nextPage").GetInt32());

    private static List<string> Names(JsonElement list, string property) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(property).GetString() ?? "(none)")];
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteListSearchApiTests(SqliteInvoicingApp app) : ListSearchApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresListSearchApiTests(PostgresInvoicingApp app) : ListSearchApiTests(app);
