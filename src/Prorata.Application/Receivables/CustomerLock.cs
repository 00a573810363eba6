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

    /// <summary>Several customers at once, in id order, so two writers locking overlapping sets never wait in a circle.</summary>
    public static async Task TakeAsync(ProrataDbContext db, IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql() && customerIds.Count > 0)
        {
            var ids = customerIds.ToArray();
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Customers" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""", cancellationToken);
        }
    }
}
