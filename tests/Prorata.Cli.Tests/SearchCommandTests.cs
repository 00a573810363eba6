using Microsoft.EntityFrameworkCore;
using Prorata.Cli.Search;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

public sealed class SearchCommandTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid Contoso = Guid.Parse("0197a3c2-0000-7000-8000-0000000000c1");
    private static readonly Guid Contract = Guid.Parse("0197a3c2-0000-7000-8000-0000000000c2");
    private static readonly Guid Premium = Guid.Parse("0197a3c2-0000-7000-8000-0000000000c3");
    private static readonly Guid Invoice = Guid.Parse("0197a3c2-0000-7000-8000-0000000000c4");

    [Fact]
    public async Task Search_CustomerWords_PrintsEachKindWithItsCountAndHits_AnInvoiceNumberFindsItsInvoice()
    {
        await SeedAsync();

        var byName = await RunAsync("contoso", "--connection", database.ConnectionString);
        var byNumber = await RunAsync("INV-000042", "--connection", database.ConnectionString);

        Assert.Equal((0, "customers: 1\n"
            + $"  {Contoso} Contoso Pharmaceuticals · EUR · ap@contoso.example\n"
            + "subscriptions: 1\n"
            + $"  {Premium} Microsoft 365 Business Premium · Contoso Pharmaceuticals · 25 seats · active\n"
            + "invoices: 1\n"
            + $"  {Invoice} INV-000042 · Contoso Pharmaceuticals · 2026-03-01 · 550.00 EUR · issued\n", ""), byName);
        Assert.Equal((0, "customers: 0\nsubscriptions: 0\ninvoices: 1\n"
            + $"  {Invoice} INV-000042 · Contoso Pharmaceuticals · 2026-03-01 · 550.00 EUR · issued\n", ""), byNumber);
    }

    [Fact]
    public async Task Search_NoWords_Exit2NamingThem()
    {
        var none = await RunAsync("--connection", database.ConnectionString);

        Assert.Equal((2, "", "WORDS must be 1 to 200 characters; got ''. usage: prorata search WORDS… [--connection STRING]\n"), none);
    }

    private async Task SeedAsync()
    {
        await using var db = CommandRun.Open(database);
        await db.Database.MigrateAsync();
        if (await db.Customers.AnyAsync(c => c.Id == Contoso)) return;
        var entity = TestLegalEntities.New("Northwind Cloud Services GmbH", At);
        db.Add(entity);
        db.Add(new Customer { Id = Contoso, Name = "Contoso Pharmaceuticals", Currency = "EUR", BillingEmail = "ap@contoso.example", CreatedAt = At, UpdatedAt = At });
        db.Add(new BillingContract { Id = Contract, CustomerId = Contoso, Currency = "EUR", BillingDay = 1, LegalEntityId = entity.Id, CreatedAt = At, UpdatedAt = At });
        db.Add(new CustomerSubscription
        {
            Id = Premium, ContractId = Contract, ProductId = "CFQ7TTC0LCHC", SkuId = "0002", Title = "Microsoft 365 Business Premium", Term = TermDuration.P1Y,
            BillingPlan = BillingPlan.Monthly, Quantity = 25, AutoRenew = true, CreatedAt = At, UpdatedAt = At,
        });
        db.Add(new CustomerInvoice
        {
            Id = Invoice, ContractId = Contract, BillingDate = new DateOnly(2026, 3, 1), Kind = InvoiceKind.Invoice, Status = InvoiceStatus.Issued,
            LegalEntityId = entity.Id, LegalEntityName = entity.Name, Number = 42, NumberPrefix = "INV-", Currency = "EUR", Subtotal = 550m, Total = 550m, CreatedAt = At,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = await SearchCommand.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
