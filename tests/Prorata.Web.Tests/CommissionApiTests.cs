using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// Commissions on INV-000001 of a fresh German entity (<see cref="InvoicingSeed.GermanInvoiceAsync"/>): dated 2026-04-14, two
/// lines of 137.50 EUR (03-14..04-13 and 04-14..05-13), each costing the partner 110.00, so each line's gross profit is 27.50.
/// The contract is sold by a new salesperson from 2026-03-01. The clock stays at 2026-03-14 (credit notes are dated then).
/// </summary>
public abstract class CommissionApiTests(InvoicingApp app)
{
    [Fact]
    public async Task RevenuePlan_InvoicePayout_EachLineEarnsOnTheInvoiceDate_AsJsonCsvAndStatement()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (invoice, _, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, owner);
        var ana = await CommissionSeed.SalespersonAsync(owner);
        await CommissionSeed.PlanAsync(owner, ana, "*", "revenue", 10m, "invoice");
        await CommissionSeed.AssignAsync(owner, invoice, ana);
        var reader = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var ledger = await CommissionSeed.LedgerAsync(reader, ana, "2026-03", "2026-05");
        var csv = await reader.GetStringAsync($"/api/v1/commissions.csv?salespersonId={ana}&from=2026-04&to=2026-04");
        var statements = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/commissions/statements?salespersonId={ana}&from=2026-03&to=2026-05");

        // 10 % of 137.50 = 13.75 per line, payable on the invoice date.
        Assert.Equal([("2026-04-14", "INV-000001", 1, 137.50m, 13.75m, "invoice"), ("2026-04-14", "INV-000001", 2, 137.50m, 13.75m, "invoice")], ledger);
        var contractId = invoice.GetProperty("contractId").GetGuid();
        var customer = (await reader.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}")).GetProperty("name").GetString();
        Assert.Equal("PayableOn,Salesperson,Customer,ContractId,Invoice,InvoiceDate,Line,ProductId,SkuId,PeriodStart,PeriodEnd,Basis,Rate,BasisAmount,Commission,Currency,Kind,Note\r\n"
            + $"2026-04-14,Ana Lima,{customer},{contractId},INV-000001,2026-04-14,1,TAX-TEST,0001,2026-03-14,2026-04-13,revenue,10,137.50,13.75,EUR,invoice,\r\n"
            + $"2026-04-14,Ana Lima,{customer},{contractId},INV-000001,2026-04-14,2,TAX-TEST,0001,2026-04-14,2026-05-13,revenue,10,137.50,13.75,EUR,invoice,\r\n", csv);
        // Only April pays anything: one open statement of 13.75 + 13.75 = 27.50.
        var april = Assert.Single(statements.EnumerateArray());
        Assert.Equal(("2026-04", "open", 2), (april.GetProperty("month").GetString(), april.GetProperty("state").GetString(), april.GetProperty("entryCount").GetInt32()));
        Assert.Equal(["27.50 EUR"], CommissionSeed.Totals(april));
    }

    [Fact]
    public async Task MarginPlanOfTheProduct_WinsOverTheRevenuePlanForEveryProduct_AndEarnsOnGrossProfit()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        await CommissionSeed.CatalogProductAsync(app);
        var (invoice, _, _) = await InvoicingSeed.GermanInvoiceAsync(app, owner);
        var ben = await CommissionSeed.SalespersonAsync(finance, "Ben Ortiz");
        await CommissionSeed.PlanAsync(finance, ben, "*", "revenue", 10m, "invoice");
        await CommissionSeed.PlanAsync(finance, ben, InvoicingSeed.Product, "margin", 25m, "invoice");
        await CommissionSeed.AssignAsync(finance, invoice, ben);

        var ledger = await CommissionSeed.LedgerAsync(finance, ben, "2026-04", "2026-04");

        // The product's plan: 25 % of (137.50 − 110.00) = 25 % of 27.50 = 6.875, rounded half away from zero: 6.88 per line.
        Assert.Equal([("2026-04-14", "INV-000001", 1, 27.50m, 6.88m, "invoice"), ("2026-04-14", "INV-000001", 2, 27.50m, 6.88m, "invoice")], ledger);
    }

    [Fact]
    public async Task CreditNote_ClawsBackOnItsDate()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (invoice, _, _) = await InvoicingSeed.GermanInvoiceAsync(app, owner);
        var ana = await CommissionSeed.SalespersonAsync(owner);
        await CommissionSeed.PlanAsync(owner, ana, "*", "revenue", 10m, "invoice");
        await CommissionSeed.AssignAsync(owner, invoice, ana);

        var credited = await owner.PostAsJsonAsync($"/api/v1/invoices/{invoice.GetProperty("id").GetGuid()}/credit", new { lines = new[] { 2 } });
        Assert.Equal(HttpStatusCode.OK, credited.StatusCode);
        var ledger = await CommissionSeed.LedgerAsync(owner, ana, "2026-03", "2026-04");
        var march = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/commissions/statements?salespersonId={ana}&from=2026-03&to=2026-03")).EnumerateArray().Single();

        // CN-000001, dated today (2026-03-14), credits line 2: −137.50 × 10 % = −13.75, taken back on the credit note's date.
        Assert.Equal(
            [
                ("2026-03-14", "CN-000001", 2, -137.50m, -13.75m, "invoice"),
                ("2026-04-14", "INV-000001", 1, 137.50m, 13.75m, "invoice"), ("2026-04-14", "INV-000001", 2, 137.50m, 13.75m, "invoice"),
            ],
            ledger);
        Assert.Equal(["-13.75 EUR"], CommissionSeed.Totals(march));
    }

    [Fact]
    public async Task BookingPayout_TheLinesOfTheFirstTermAreBookedOnThePurchaseDay()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (invoice, _, _) = await InvoicingSeed.GermanInvoiceAsync(app, owner);
        var ana = await CommissionSeed.SalespersonAsync(owner);
        await CommissionSeed.PlanAsync(owner, ana, "*", "revenue", 10m, "booking");
        await CommissionSeed.AssignAsync(owner, invoice, ana);

        var ledger = await CommissionSeed.LedgerAsync(owner, ana, "2026-03", "2026-04");

        // Both months bill the P1Y term bought on 2026-03-14: booked when the term began, before their invoice.
        Assert.Equal([("2026-03-14", "INV-000001", 1, 137.50m, 13.75m, "booking"), ("2026-03-14", "INV-000001", 2, 137.50m, 13.75m, "booking")], ledger);
    }

    [Fact]
    public async Task BadSalespeopleAndPlans_Are400NamingTheField_OverlapsAre422_AndNothingIsSaved()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        await CommissionSeed.CatalogProductAsync(app);
        var ana = await CommissionSeed.SalespersonAsync(finance);
        var email = (await finance.GetFromJsonAsync<JsonElement>($"/api/v1/salespeople/{ana}")).GetProperty("email").GetString();
        await CommissionSeed.PlanAsync(finance, ana, InvoicingSeed.Product, "revenue", 10m, "invoice", "2026-01-01", effectiveTo: "2026-06-30");

        var noName = await finance.PostAsJsonAsync("/api/v1/salespeople", new { name = " ", email = "x@partner.example" });
        var badEmail = await finance.PostAsJsonAsync("/api/v1/salespeople", new { name = "Cy", email = "cy.partner.example" });
        var sameEmail = await finance.PostAsJsonAsync("/api/v1/salespeople", new { name = "Cy", email = email!.ToUpperInvariant() });
        var Plan = (object body) => finance.PostAsJsonAsync($"/api/v1/salespeople/{ana}/plans", body);
        var rate = await Plan(new { productId = "*", basis = "revenue", rate = 100.5m, payout = "invoice", effectiveFrom = "2026-01-01" });
        var basis = await Plan(new { productId = "*", basis = "profit", rate = 5m, payout = "invoice", effectiveFrom = "2026-01-01" });
        var dates = await Plan(new { productId = "*", basis = "revenue", rate = 5m, payout = "cash", effectiveFrom = "2026-05-01", effectiveTo = "2026-04-30" });
        var badDate = await Plan(new { productId = "*", basis = "revenue", rate = 5m, payout = "cash", effectiveFrom = "01/05/2026" });
        var product = await Plan(new { productId = "NOT-SOLD", basis = "revenue", rate = 5m, payout = "cash", effectiveFrom = "2026-01-01" });
        var skuOfAll = await Plan(new { productId = "*", skuId = "0001", basis = "revenue", rate = 5m, payout = "cash", effectiveFrom = "2026-01-01" });
        var sku = await Plan(new { productId = InvoicingSeed.Product, skuId = "0002", basis = "revenue", rate = 5m, payout = "cash", effectiveFrom = "2026-01-01" });
        var overlap = await Plan(new { productId = InvoicingSeed.Product.ToLowerInvariant(), basis = "margin", rate = 5m, payout = "cash", effectiveFrom = "2026-06-30" });
        var readOnly = await (await app.SignedInAsAsync(StaffRoles.ReadOnly)).PostAsJsonAsync($"/api/v1/salespeople/{ana}/plans",
            new { productId = "*", basis = "revenue", rate = 5m, payout = "invoice", effectiveFrom = "2026-01-01" });
        var billingAdmin = await (await app.SignedInAsAsync(StaffRoles.BillingAdmin)).PostAsJsonAsync("/api/v1/salespeople", new { name = "Cy", email = "cy@partner.example" });
        var nobody = await finance.PostAsJsonAsync($"/api/v1/salespeople/{Guid.NewGuid()}/plans",
            new { productId = "*", basis = "revenue", rate = 5m, payout = "invoice", effectiveFrom = "2026-01-01" });
        // The day after the plan ends, the same product may have a new plan.
        var after = await Plan(new { productId = InvoicingSeed.Product, basis = "margin", rate = 5m, payout = "cash", effectiveFrom = "2026-07-01" });

        Assert.Equal(["name is required, at most 200 characters; got ' '."], await InvoicingSeed.ErrorsOfAsync(noName, "name"));
        Assert.Equal(["email must be an e-mail address such as ana@partner.example, at most 254 characters; got 'cy.partner.example'."],
            await InvoicingSeed.ErrorsOfAsync(badEmail, "email"));
        Assert.Equal(HttpStatusCode.Conflict, sameEmail.StatusCode);
        Assert.Equal(["rate must be a percent from 0 to 100 with at most 4 decimals; got 100.5."], await InvoicingSeed.ErrorsOfAsync(rate, "rate"));
        Assert.Equal(["basis must be one of revenue, margin; got 'profit'."], await InvoicingSeed.ErrorsOfAsync(basis, "basis"));
        Assert.Equal(["effectiveTo must not be before effectiveFrom (2026-05-01); got 2026-04-30."], await InvoicingSeed.ErrorsOfAsync(dates, "effectiveTo"));
        Assert.Equal(["effectiveFrom must be a date written yyyy-MM-dd; got '01/05/2026'."], await InvoicingSeed.ErrorsOfAsync(badDate, "effectiveFrom"));
        Assert.Equal(["productId must be a product of the catalog or '*'; got 'NOT-SOLD'."], await InvoicingSeed.ErrorsOfAsync(product, "productId"));
        Assert.Equal(["skuId must be empty when productId is '*' (every product); got '0001'."], await InvoicingSeed.ErrorsOfAsync(skuOfAll, "skuId"));
        Assert.Equal(["skuId must be a SKU of product TAX-TEST in the catalog (0001); got '0002'."], await InvoicingSeed.ErrorsOfAsync(sku, "skuId"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlap.StatusCode);
        var problem = await overlap.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("PlanOverlaps", problem.GetProperty("code").GetString());
        Assert.StartsWith("A plan for product tax-test (every SKU) from 2026-06-30 to open overlaps plan ", problem.GetProperty("detail").GetString());
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Created),
            (readOnly.StatusCode, billingAdmin.StatusCode, nobody.StatusCode, after.StatusCode));
        var plans = await finance.GetFromJsonAsync<JsonElement>($"/api/v1/salespeople/{ana}/plans");
        Assert.Equal([("TAX-TEST", "revenue", 10m, "2026-01-01", "2026-06-30"), ("TAX-TEST", "margin", 5m, "2026-07-01", null)],
            plans.EnumerateArray().Select(p => (p.GetProperty("productId").GetString(), p.GetProperty("basis").GetString(), p.GetProperty("rate").GetDecimal(),
                p.GetProperty("effectiveFrom").GetString(), p.GetProperty("effectiveTo").GetString())));
    }

    [Fact]
    public async Task ContractSalesperson_FromADayOn_HistoryKept_LaterOrEarlierDaysRefused()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (invoice, _, _) = await InvoicingSeed.GermanInvoiceAsync(app, owner);
        var contractId = invoice.GetProperty("contractId").GetGuid();
        var ana = await CommissionSeed.SalespersonAsync(owner);
        var ben = await CommissionSeed.SalespersonAsync(owner, "Ben Ortiz");
        await CommissionSeed.PlanAsync(owner, ana, "*", "revenue", 10m, "invoice");
        await CommissionSeed.PlanAsync(owner, ben, "*", "revenue", 20m, "invoice");
        await CommissionSeed.AssignAsync(owner, invoice, ana, "2026-03-01");

        var tomorrow = await owner.PutAsJsonAsync($"/api/v1/contracts/{contractId}/salesperson", new { salespersonId = ben, from = "2026-03-15" });
        var earlier = await owner.PutAsJsonAsync($"/api/v1/contracts/{contractId}/salesperson", new { salespersonId = ben, from = "2026-02-28" });
        var stranger = Guid.NewGuid();
        var unknown = await owner.PutAsJsonAsync($"/api/v1/contracts/{contractId}/salesperson", new { salespersonId = stranger });
        var sales = await (await app.SignedInAsAsync(StaffRoles.Sales)).PutAsJsonAsync($"/api/v1/contracts/{contractId}/salesperson", new { salespersonId = ben });
        var handedOver = await owner.PutAsJsonAsync($"/api/v1/contracts/{contractId}/salesperson", new { salespersonId = ben });

        Assert.Equal(["from must not be after today (2026-03-14): the contract's salesperson is who sells it now; got 2026-03-15."],
            await InvoicingSeed.ErrorsOfAsync(tomorrow, "from"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, earlier.StatusCode);
        Assert.Equal("AssignmentBeforeLast", (await earlier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal([$"salespersonId must be an existing salesperson (or null for nobody); got '{stranger}'."],
            await InvoicingSeed.ErrorsOfAsync(unknown, "salespersonId"));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (sales.StatusCode, handedOver.StatusCode));
        var history = await handedOver.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ben, history.GetProperty("salespersonId").GetGuid());
        Assert.Equal([("2026-03-01", ana), ("2026-03-14", ben)],
            history.GetProperty("history").EnumerateArray().Select(a => (a.GetProperty("from").GetString(), a.GetProperty("salespersonId").GetGuid())));
        Assert.Equal(ben, (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{contractId}")).GetProperty("salespersonId").GetGuid());
        // Ben sells from 2026-03-14, so the invoice of 2026-04-14 earns him 20 % of 137.50 = 27.50 per line; Ana nothing.
        Assert.Equal([("2026-04-14", "INV-000001", 1, 137.50m, 27.50m, "invoice"), ("2026-04-14", "INV-000001", 2, 137.50m, 27.50m, "invoice")],
            await CommissionSeed.LedgerAsync(owner, ben, "2026-04", "2026-04"));
        Assert.Empty(await CommissionSeed.LedgerAsync(owner, ana, "2026-04", "2026-04"));
    }

    [Fact]
    public async Task Ledger_BadMonth_Is400NamingTheField()
    {
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var ledger = await client.GetAsync("/api/v1/commissions?from=April");
        var statement = await client.GetAsync($"/api/v1/commissions/statements/{Guid.NewGuid()}/2026-4");

        Assert.Equal(["from must be a month written yyyy-MM, such as 2026-01; got 'April'."], await InvoicingSeed.ErrorsOfAsync(ledger, "from"));
        Assert.Equal(["month must be a month written yyyy-MM, such as 2026-01; got '2026-4'."], await InvoicingSeed.ErrorsOfAsync(statement, "month"));
    }
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteCommissionApiTests(SqliteInvoicingApp app) : CommissionApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresCommissionApiTests(PostgresInvoicingApp app) : CommissionApiTests(app);
