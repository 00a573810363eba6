using Microsoft.EntityFrameworkCore;

namespace Prorata.Data.Invoices;

/// <summary>
/// The next number of a legal entity, taken inside the caller's transaction: the UPDATE locks the entity's row until
/// commit, so numbers are sequential, and a rollback gives the number back — no gaps among issued invoices.
/// </summary>
public static class InvoiceNumbers
{
    public static async Task<long> NextAsync(ProrataDbContext db, string legalEntityName, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"InvoiceNumberSequences\" (\"LegalEntityName\", \"LastNumber\") VALUES ({legalEntityName}, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        var numbers = await db.Database.SqlQuery<long>(
                $"UPDATE \"InvoiceNumberSequences\" SET \"LastNumber\" = \"LastNumber\" + 1 WHERE \"LegalEntityName\" = {legalEntityName} RETURNING \"LastNumber\" AS \"Value\"")
            .ToListAsync(cancellationToken);
        return numbers.Single();
    }
}
