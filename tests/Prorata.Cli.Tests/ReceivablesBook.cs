using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Application.Outbox;
using Prorata.Application.Receivables;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

/// <summary>
/// What the receivables commands read, stored as issuing leaves it: Northwind Test GmbH (Berlin, prefix INV-) bills
/// Fabrikam GmbH (EUR) on a contract that reminds 7 and 30 days after the due date and puts the customer on hold from day
/// 30. INV-000001 of 2026-04-14 (327.26, due 2026-05-14) and INV-000002 of 2026-05-14 (119.00, due 2026-06-13) were taken
/// into the receivables when INV-000002 was issued, on <see cref="Issued"/>; the clock then stands at <see cref="Today"/>.
/// </summary>
internal static class ReceivablesBook
{
    public const string Entity = "Northwind Test GmbH";
    public const string CustomerName = "Fabrikam GmbH";

    public static readonly DateTimeOffset Issued = new(2026, 5, 14, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Today = new(2026, 6, 20, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Seeds the book; returns the customer's id and leaves <paramref name="time"/> at <see cref="Today"/>.</summary>
    public static async Task<Guid> SeedAsync(string connectionString, FakeTimeProvider time)
    {
        time.SetUtcNow(Issued);
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString));
        await db.Database.MigrateAsync();
        var entity = TestLegalEntities.New(Entity, Issued);
        (entity.BankAccountName, entity.Iban, entity.Bic) = (Entity, "DE89370400440532013000", "COBADEFFXXX");
        var customer = new Customer
        {
            Id = Guid.NewGuid(), Name = CustomerName, Currency = "EUR", BillingEmail = "ap@fabrikam.example", TaxId = "DE129273398",
            BillingLine1 = "Friedrichstraße 100", BillingCity = "Berlin", BillingPostalCode = "10117", BillingCountry = "DE",
            CreatedAt = Issued, UpdatedAt = Issued, Version = 1,
        };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "EUR", BillingDay = 14, PaymentTermsDays = 30, LegalEntity = entity,
            DunningRemindAfterDays = "7,30", DunningHoldAfterDays = 30, CreatedAt = Issued, UpdatedAt = Issued, Version = 1,
        };
        db.AddRange(entity, customer, contract,
            Invoice(contract, 1, new DateOnly(2026, 4, 14), 327.26m),
            Invoice(contract, 2, new DateOnly(2026, 5, 14), 119.00m));
        await db.SaveChangesAsync();
        // What the outbox does right after an issue.
        await new CustomerPayments(db, time, new OutboxSignal()).UpdateAsync(customer.Id, CancellationToken.None);
        time.SetUtcNow(Today);
        return customer.Id;
    }

    private static CustomerInvoice Invoice(BillingContract contract, long number, DateOnly billingDate, decimal total) => new()
    {
        Id = Guid.NewGuid(), ContractId = contract.Id, BillingDate = billingDate, Kind = InvoiceKind.Invoice, Status = InvoiceStatus.Issued,
        LegalEntityId = contract.LegalEntity!.Id, LegalEntityName = Entity, Number = number, NumberPrefix = "INV-", Currency = "EUR",
        Subtotal = total, Total = total, DueDate = billingDate.AddDays(30), CreatedAt = Issued, IssuedAt = Issued,
    };
}
