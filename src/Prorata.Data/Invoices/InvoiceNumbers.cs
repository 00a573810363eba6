using Microsoft.EntityFrameworkCore;

namespace Prorata.Data.Invoices;

/// <summary>
/// The next number of a legal entity's invoices or credit notes, taken inside the caller's transaction: the UPDATE
/// locks the sequence's row until commit, so numbers are sequential, and a rollback gives the number back — no gaps
/// among issued documents.
/// </summary>
public static class InvoiceNumbers
{
    public static async Task<long> NextAsync(ProrataDbContext db, Guid legalEntityId, InvoiceKind kind, CancellationToken cancellationToken)
    {
        // One statement (one round trip per issued document): the sequence's first number is 1, every later one the last plus 1.
        var kindText = kind.ToString();
        var numbers = await db.Database.SqlQuery<long>(
                $"INSERT INTO \"DocumentNumberSequences\" AS s (\"LegalEntityId\", \"Kind\", \"LastNumber\") VALUES ({legalEntityId}, {kindText}, 1) ON CONFLICT (\"LegalEntityId\", \"Kind\") DO UPDATE SET \"LastNumber\" = s.\"LastNumber\" + 1 RETURNING \"LastNumber\" AS \"Value\"")
            .ToListAsync(cancellationToken);
        return numbers.Single();
    }
}
