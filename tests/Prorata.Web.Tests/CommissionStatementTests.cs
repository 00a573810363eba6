using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// Cash commissions and statements on their own app (they move the clock through April, May and June 2026): INV-000001 of
/// 2026-04-14, 327.26 EUR with tax, two lines of 137.50 under a plan of 10 % of revenue paid in cash, so each line earns 13.75
/// split over the payments: a payment of P pays round(13.75 × P ÷ 327.26), the one that settles the invoice the rest.
/// </summary>
public abstract class CommissionStatementTests(InvoicingApp app)
{
    [Fact]
    public async Task CashPayout_PartialThenTheRest_ApprovalFreezes_LateEntriesMove_AReversalClawsBack_AndEachStepHappensOnce()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (invoice, _, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, owner);
        var invoiceId = invoice.GetProperty("id").GetGuid();
        await ReceivablesSeed.SettledInvoiceAsync(owner, invoiceId);
        var ana = await CommissionSeed.SalespersonAsync(owner);
        await CommissionSeed.PlanAsync(owner, ana, "*", "revenue", 10m, "cash");
        await CommissionSeed.AssignAsync(owner, invoice, ana);

        // 2026-04-20: 100.00 paid; 13.75 × 100.00 ÷ 327.26 = 4.2016… → 4.20 per line.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 4, 20, 10, 0, 0, TimeSpan.Zero));
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var first = await PayAsync(finance, customerId, invoiceId, 100.00m, null);
        Assert.Equal([("2026-04-20", "INV-000001", 1, 137.50m, 4.20m, "cash"), ("2026-04-20", "INV-000001", 2, 137.50m, 4.20m, "cash")],
            await CommissionSeed.LedgerAsync(finance, ana, "2026-04", "2026-04"));
        var early = await finance.PostAsync($"/api/v1/commissions/statements/{ana}/2026-04/approve", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal("MonthNotEnded", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // 2026-05-02: April is approved (8.40) and paid, once each; May is still open and cannot be paid.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero));
        finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var approved = await finance.PostAsync($"/api/v1/commissions/statements/{ana}/2026-04/approve", JsonContent.Create(new { }));
        var again = await finance.PostAsync($"/api/v1/commissions/statements/{ana}/2026-04/approve", JsonContent.Create(new { }));
        var readOnly = await (await app.SignedInAsAsync(StaffRoles.ReadOnly)).PostAsync($"/api/v1/commissions/statements/{ana}/2026-04/approve", JsonContent.Create(new { }));
        var noReference = await finance.PostAsJsonAsync($"/api/v1/commissions/statements/{ana}/2026-04/paid", new { reference = "" });
        var paid = await finance.PostAsJsonAsync($"/api/v1/commissions/statements/{ana}/2026-04/paid", new { reference = "payroll 2026-05" });
        var paidAgain = await finance.PostAsJsonAsync($"/api/v1/commissions/statements/{ana}/2026-04/paid", new { reference = "payroll 2026-05" });
        var mayUnapproved = await finance.PostAsJsonAsync($"/api/v1/commissions/statements/{ana}/2026-05/paid", new { reference = "early" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(["8.40 EUR"], CommissionSeed.Totals(await approved.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict),
            (again.StatusCode, readOnly.StatusCode, paid.StatusCode, paidAgain.StatusCode, mayUnapproved.StatusCode));
        Assert.StartsWith("The statement of Ana Lima for 2026-04 was approved on 2026-05-02 by finance@", await InvoicingSeed.DetailOfAsync(again));
        Assert.Equal(["reference is required (how it was paid: a payroll run, a transfer), at most 200 characters; got ''."],
            await InvoicingSeed.ErrorsOfAsync(noReference, "reference"));

        // The rest, 227.26, received on 2026-04-25 and recorded now: payable in April (13.75 − 4.20 = 9.55 per line), which
        // was approved before it appeared, so May's open statement takes it, late. April stays as approved.
        await PayAsync(finance, customerId, invoiceId, 227.26m, new DateTimeOffset(2026, 4, 25, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(
            [
                ("2026-04-20", "INV-000001", 1, 137.50m, 4.20m, "cash"), ("2026-04-20", "INV-000001", 2, 137.50m, 4.20m, "cash"),
                ("2026-04-25", "INV-000001", 1, 137.50m, 9.55m, "cash"), ("2026-04-25", "INV-000001", 2, 137.50m, 9.55m, "cash"),
            ],
            await CommissionSeed.LedgerAsync(finance, ana, "2026-04", "2026-05"));
        var (april, aprilEntries) = await CommissionSeed.StatementAsync(finance, ana, "2026-04");
        Assert.Equal(("paid", "payroll 2026-05"), (april.GetProperty("state").GetString(), april.GetProperty("paidReference").GetString()));
        Assert.Equal([("2026-04-20", 1, 4.20m, false), ("2026-04-20", 2, 4.20m, false)], aprilEntries);
        var (may, mayEntries) = await CommissionSeed.StatementAsync(finance, ana, "2026-05");
        Assert.Equal([("2026-04-25", 1, 9.55m, true), ("2026-04-25", 2, 9.55m, true)], mayEntries);
        Assert.Equal("open", may.GetProperty("state").GetString());
        Assert.Equal(["19.10 EUR"], CommissionSeed.Totals(may));

        // 2026-05-05: the 100.00 is reversed. Its 4.20 per line stays where April paid it and is taken back on the day of the
        // reversal; 227.26 alone now pays round(13.75 × 227.26 ÷ 327.26) = round(9.5484…) = 9.55, as before. May: 2 × 9.55 − 2 × 4.20 = 10.70.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 5, 5, 8, 0, 0, TimeSpan.Zero));
        finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var reversed = await finance.PostAsJsonAsync($"/api/v1/payments/{first}/reverse", new { reason = "failed", note = "returned by the bank" });
        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        Assert.Equal(
            [
                ("2026-04-20", "INV-000001", 1, 137.50m, 4.20m, "cash"), ("2026-04-20", "INV-000001", 2, 137.50m, 4.20m, "cash"),
                ("2026-04-25", "INV-000001", 1, 137.50m, 9.55m, "cash"), ("2026-04-25", "INV-000001", 2, 137.50m, 9.55m, "cash"),
                ("2026-05-05", "INV-000001", 1, 137.50m, -4.20m, "paymentReversed"), ("2026-05-05", "INV-000001", 2, 137.50m, -4.20m, "paymentReversed"),
            ],
            await CommissionSeed.LedgerAsync(finance, ana, "2026-04", "2026-05"));
        (may, mayEntries) = await CommissionSeed.StatementAsync(finance, ana, "2026-05");
        Assert.Equal([("2026-05-05", 1, -4.20m, false), ("2026-05-05", 2, -4.20m, false), ("2026-04-25", 1, 9.55m, true), ("2026-04-25", 2, 9.55m, true)], mayEntries);
        Assert.Equal(["10.70 EUR"], CommissionSeed.Totals(may));

        // 2026-06-01: May is approved as it stood; the last 100.00 settles the invoice and pays the rest, 13.75 − 9.55 = 4.20
        // per line, in June. Over the three statements: 8.40 + 10.70 + 8.40 = 27.50 = 10 % of 275.00.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var mayApproved = await finance.PostAsync($"/api/v1/commissions/statements/{ana}/2026-05/approve", JsonContent.Create(new { }));
        Assert.Equal(["10.70 EUR"], CommissionSeed.Totals(await mayApproved.Content.ReadFromJsonAsync<JsonElement>()));
        await PayAsync(finance, customerId, invoiceId, 100.00m, null);
        var statements = await finance.GetFromJsonAsync<JsonElement>($"/api/v1/commissions/statements?salespersonId={ana}&from=2026-03&to=2026-06");
        Assert.Equal([("2026-04", "paid", "8.40 EUR"), ("2026-05", "approved", "10.70 EUR"), ("2026-06", "open", "8.40 EUR")],
            statements.EnumerateArray().Select(s => (s.GetProperty("month").GetString(), s.GetProperty("state").GetString(), CommissionSeed.Totals(s).Single())));

        // The page shows the same statements, with the button that fits each, and June's entries.
        var page = await finance.GetStringAsync($"/commissions?from=2026-04&to=2026-06&salespersonId={ana}");
        var customer = (await finance.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}")).GetProperty("name").GetString()!;
        Assert.Equal(["2026-05", "Ana Lima", "approved", "10.70 EUR", "4 2 late", $"2026-06-01 {ProrataApp.EmailOf(StaffRoles.Finance)}", "", "Mark paid"],
            PageHtml.Row(page, "statements", "<td>2026-05</td>"));
        // June has not ended: nothing to approve yet.
        Assert.DoesNotContain($"id=\"approve-{ana}-2026-06\"", page, StringComparison.Ordinal);
        var june = await finance.GetStringAsync($"/commissions?from=2026-06&to=2026-06&salespersonId={ana}");
        Assert.Equal(["2026-06-01", "Ana Lima", customer, "INV-000001 2026-04-14", "2", "TAX-TEST / 0001", "revenue", "10 %", "137.50", "4.20 EUR", "cash"],
            PageHtml.Row(june, "ledger", "<td>2</td>"));
    }

    /// <summary>Records a payment of the invoice (received now, or at <paramref name="receivedAt"/>); returns its id.</summary>
    private static async Task<Guid> PayAsync(HttpClient client, Guid customerId, Guid invoiceId, decimal amount, DateTimeOffset? receivedAt)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments",
            new { amount, currency = "EUR", method = "bankTransfer", reference = $"wire {amount}", invoiceId, receivedAt });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCommissionCollection : ICollectionFixture<SqliteInvoicingApp>
{
    public const string Name = "commissions on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCommissionCollection : ICollectionFixture<PostgresInvoicingApp>
{
    public const string Name = "commissions on PostgreSQL";
}

[Collection(SqliteCommissionCollection.Name)]
public sealed class SqliteCommissionStatementTests(SqliteInvoicingApp app) : CommissionStatementTests(app);

[Collection(PostgresCommissionCollection.Name)]
public sealed class PostgresCommissionStatementTests(PostgresInvoicingApp app) : CommissionStatementTests(app);
