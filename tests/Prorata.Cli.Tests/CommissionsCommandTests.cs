using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Cli.Commissions;
using Prorata.Data;
using Prorata.Data.Commissions;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Insight;
using Prorata.Testing;
using Salesperson = Prorata.Data.Commissions.Salesperson;

namespace Prorata.Cli.Tests;

/// <summary>
/// `prorata commissions` on its own SQLite file: Ana Lima sells Fabrikam's contract from 2026-01-01 under a plan of 20 % of
/// margin paid on the invoice date. INV-000001 of 2026-01-15 has an annual seat at 1,200.00 that cost the partner 960.00
/// (margin 240.00: 48.00 of commission) and a line of 100.00 whose cost is not known (stored before costs were kept), which
/// earns nothing and says so. The clock is at 2026-03-20.
/// </summary>
public sealed class CommissionsCommandTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        var at = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(_database.ConnectionString));
        await db.Database.MigrateAsync();
        var entity = TestLegalEntities.New("Northwind Test GmbH", at);
        var customer = new Customer { Id = Guid.NewGuid(), Name = "Fabrikam GmbH", Currency = "EUR", BillingEmail = "ap@fabrikam.example", CreatedAt = at, UpdatedAt = at, Version = 1 };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "EUR", BillingDay = 15, PaymentTermsDays = 30, LegalEntity = entity, CreatedAt = at, UpdatedAt = at, Version = 1,
        };
        var subscription = new CustomerSubscription
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, ProductId = "CFQ7TTC0LF8Q", SkuId = "0001", Title = "Microsoft 365 E3", Term = TermDuration.P1Y,
            BillingPlan = BillingPlan.Annual, Quantity = 1, AutoRenew = true, CreatedAt = at, UpdatedAt = at, ChangeCount = 1,
        };
        var ana = new Salesperson
        {
            Id = Guid.NewGuid(), Name = "Ana Lima", Email = "ana@partner.example", Active = true, CreatedAt = at, UpdatedAt = at,
            Plans =
            [
                new SalespersonPlan
                {
                    Id = Guid.NewGuid(), ProductId = CommissionPlan.AnyProduct, Basis = CommissionBasis.Margin, Rate = 20m, Payout = CommissionPayout.Invoice,
                    EffectiveFrom = new DateOnly(2026, 1, 1), CreatedAt = at, UpdatedAt = at,
                },
            ],
        };
        var invoice = new CustomerInvoice
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, BillingDate = new DateOnly(2026, 1, 15), Kind = InvoiceKind.Invoice, Status = InvoiceStatus.Draft,
            LegalEntityId = entity.Id, LegalEntityName = entity.Name, NumberPrefix = "INV-", Currency = "EUR", Subtotal = 1300m, Total = 1300m,
            DueDate = new DateOnly(2026, 2, 14), CreatedAt = at,
            Lines = [Line(subscription, 0, 1200.00m, 960.00m), Line(subscription, 1, 100.00m, null)],
        };
        contract.SalespersonId = ana.Id;
        db.AddRange(entity, customer, contract, subscription, ana, invoice,
            new ContractSalesperson { ContractId = contract.Id, From = new DateOnly(2026, 1, 1), SalespersonId = ana.Id, AssignedBy = "tests", AssignedAt = at });
        await db.SaveChangesAsync();
        // Issued as issuing does it: lines are written while a draft, then the status and number.
        (invoice.Status, invoice.Number, invoice.IssuedAt) = (InvoiceStatus.Issued, 1, at);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Ledger_MarginPlan_ALineOfUnknownCostIsListedAsEarningNothing_AsTextAndCsv()
    {
        var text = await CommissionsAsync("ledger", "--from", "2026-01", "--to", "2026-02");
        var csv = await CommissionsAsync("ledger", "--from", "2026-01", "--to", "2026-01", "--salesperson", "ana@partner.example", "--csv");
        var statements = await CommissionsAsync("statements", "--from", "2026-01", "--to", "2026-02");

        // 20 % of (1,200.00 − 960.00) = 20 % of 240.00 = 48.00.
        Assert.Equal((0, "commissions payable 2026-01 to 2026-02\n"
            + "2026-01-15 Ana Lima: INV-000001 line 1 CFQ7TTC0LF8Q/0001, 20 % of margin 240.00 = 48.00 EUR (invoice)\n"
            + "2026-01-15 Ana Lima: INV-000001 line 2 CFQ7TTC0LF8Q/0001, 20 % of margin ? = cost unknown, earns nothing (invoice)\n", ""), text);
        var contractId = await ContractIdAsync();
        Assert.Equal((0, "PayableOn,Salesperson,Customer,ContractId,Invoice,InvoiceDate,Line,ProductId,SkuId,PeriodStart,PeriodEnd,Basis,Rate,BasisAmount,Commission,Currency,Kind,Note\r\n"
            + $"2026-01-15,Ana Lima,Fabrikam GmbH,{contractId},INV-000001,2026-01-15,1,CFQ7TTC0LF8Q,0001,2026-01-15,2027-01-14,margin,20,240.00,48.00,EUR,invoice,\r\n"
            + $"2026-01-15,Ana Lima,Fabrikam GmbH,{contractId},INV-000001,2026-01-15,2,CFQ7TTC0LF8Q,0001,2026-01-15,2027-01-14,margin,20,,,EUR,invoice,cost unknown: earns nothing\r\n",
            ""), csv);
        Assert.Equal((0, "commission statements 2026-01 to 2026-02\n2026-01 Ana Lima: 48.00 EUR in 2 entries, 1 of unknown cost; open\n", ""), statements);
    }

    [Fact]
    public async Task ApproveThenPaid_OnceEach_AnOpenMonthIsRefused()
    {
        var notEnded = await CommissionsAsync("approve", "--salesperson", "Ana Lima", "--month", "2026-03");
        var approved = await CommissionsAsync("approve", "--salesperson", "Ana Lima", "--month", "2026-01", "--as", "Fiona");
        var again = await CommissionsAsync("approve", "--salesperson", "Ana Lima", "--month", "2026-01");
        var noReference = await CommissionsAsync("paid", "--salesperson", "Ana Lima", "--month", "2026-01");
        var paid = await CommissionsAsync("paid", "--salesperson", "Ana Lima", "--month", "2026-01", "--reference", "payroll 2026-03", "--as", "Fiona");
        var nobody = await CommissionsAsync("approve", "--salesperson", "Ben", "--month", "2026-01");

        Assert.Equal((1, "", "MonthNotEnded: 2026-03 has not ended (today is 2026-03-20, UTC): a month is approved once nothing more can become payable in it.\n"), notEnded);
        Assert.Equal((0, "2026-01 Ana Lima: 48.00 EUR in 2 entries, 1 of unknown cost; approved 2026-03-20 by Fiona\n", ""), approved);
        Assert.Equal((1, "", "The statement of Ana Lima for 2026-01 was approved on 2026-03-20 by Fiona.\n"), again);
        Assert.Equal(2, noReference.Exit);
        Assert.StartsWith("paid needs --salesperson, --month and --reference\n", noReference.Error);
        Assert.Equal((0, "2026-01 Ana Lima: 48.00 EUR in 2 entries, 1 of unknown cost; paid 2026-03-20 by Fiona (payroll 2026-03)\n", ""), paid);
        Assert.Equal((2, "", "--salesperson: no salesperson has the id, name or e-mail 'Ben'\n"), nobody);
    }

    private async Task<Guid> ContractIdAsync()
    {
        await using var db = CommandRun.Open(_database);
        return await db.BillingContracts.Select(c => c.Id).SingleAsync();
    }

    private static CustomerInvoiceLine Line(CustomerSubscription subscription, int position, decimal amount, decimal? cost) => new()
    {
        Position = position, SubscriptionId = subscription.Id, Kind = Prorata.Domain.Billing.InvoiceLineKind.Recurring, PeriodStart = new DateOnly(2026, 1, 15),
        PeriodEnd = new DateOnly(2027, 1, 14), Quantity = 1, UnitPrice = amount, Amount = amount, Days = 365, PeriodDays = 365, ProductId = "CFQ7TTC0LF8Q", SkuId = "0001",
        Cost = cost,
    };

    private Task<(int Exit, string Output, string Error)> CommissionsAsync(params string[] args) =>
        CommandRun.RunAsync(CommissionsCommand.RunAsync, _time, [.. args, "--connection", _database.ConnectionString]);
}
