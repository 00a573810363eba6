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
        // One statement (one round trip per issued invoice): the entity's first number is 1, every later one the last plus 1.
        var numbers = await db.Database.SqlQuery<long>(
                $"INSERT INTO \"InvoiceNumberSequences\" AS s (\"LegalEntityName\", \"LastNumber\") VALUES ({legalEntityName}, 1) ON CONFLICT (\"LegalEntityName\") DO UPDATE SET \"LastNumber\" = s.\"LastNumber\" + 1 RETURNING \"LastNumber\" AS \"Value\"")
            .ToListAsync(cancellationToken);
        return numbers.Single();
    }
}
