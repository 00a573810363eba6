using Microsoft.EntityFrameworkCore;
using Prorata.Data;

namespace Prorata.Cli.Insight;

/// <summary>A legal entity named on the command line by its id or its exact name; a name several entities share must be an id.</summary>
internal static class LegalEntityLookup
{
    /// <summary>The entity's id; null, with why written to <paramref name="error"/>, when the text names none or more than one.</summary>
    public static async Task<Guid?> FindAsync(ProrataDbContext db, string text, TextWriter error, CancellationToken cancellationToken)
    {
        var entities = await db.LegalEntities.AsNoTracking().Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken);
        var found = entities.Where(e => e.Id.ToString().Equals(text, StringComparison.OrdinalIgnoreCase) || e.Name == text).ToList();
        if (found.Count == 1) return found[0].Id;
        error.WriteLine(found.Count == 0 ? $"--legal-entity: no legal entity has the id or name '{text}'" : $"--legal-entity: several legal entities are named '{text}'; give the id");
        return null;
    }
}
