using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Customers;

namespace Prorata.Cli.Receivables;

/// <summary>A customer named on the command line by its id or by its name (any case); a name several customers share must be an id.</summary>
internal static class CustomerLookup
{
    /// <summary>Null, with why written to <paramref name="error"/>, when the text names no customer or more than one.</summary>
    public static async Task<Customer?> FindAsync(ProrataDbContext db, string text, TextWriter error, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(text, out var id))
        {
            var byId = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (byId is null) error.WriteLine($"--customer: no customer has id '{text}'.");
            return byId;
        }
        var name = text.Trim().ToLower();
        var named = await db.Customers.AsNoTracking().Where(c => c.Name.ToLower() == name).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        switch (named.Count)
        {
            case 1:
                return named[0];
            case 0:
                error.WriteLine($"--customer: no customer is named '{text}'.");
                return null;
            default:
                error.WriteLine($"--customer: {named.Count} customers are named '{text}'; pass the id of one: {string.Join(", ", named.Select(c => c.Id))}.");
                return null;
        }
    }
}
