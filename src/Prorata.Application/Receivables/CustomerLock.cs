using Microsoft.EntityFrameworkCore;
using Prorata.Data;

namespace Prorata.Application.Receivables;

/// <summary>
/// One writer of a customer's receivables at a time: on PostgreSQL the customer's row is locked for the transaction, so
/// two payments of one customer are applied one after the other, each seeing the other. SQLite has one writer anyway.
/// </summary>
public static class CustomerLock
{
    public static async Task TakeAsync(ProrataDbContext db, Guid customerId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Customers" WHERE "Id" = {customerId} FOR UPDATE""", cancellationToken);
    }
}
