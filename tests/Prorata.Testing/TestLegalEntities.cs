using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.LegalEntities;
using Prorata.Domain.LegalEntities;
using Prorata.Domain.Parties;

namespace Prorata.Testing;

/// <summary>Legal entities for tests that seed rows directly: complete (an address, so their invoices can be issued), one per name.</summary>
public static class TestLegalEntities
{
    public static readonly PostalAddress Address = new("Friedrichstraße 68", null, "Berlin", "10117", null, "DE");

    public static LegalEntity New(string name, DateTimeOffset at, string currency = "EUR")
    {
        var entity = new LegalEntity
        {
            Id = Guid.NewGuid(),
            Name = name,
            Currency = currency,
            InvoicePrefix = "INV-",
            CreditNotePrefix = "CN-",
            DefaultPaymentTermsDays = 30,
            TaxProvider = TaxProviderKind.BuiltIn,
            CreatedAt = at,
            UpdatedAt = at,
            Version = 1,
        };
        entity.SetAddress(Address);
        return entity;
    }

    /// <summary>The entity of that name, created (and saved) when the database has none yet.</summary>
    public static async Task<Guid> EnsureAsync(ProrataDbContext db, string name, DateTimeOffset at)
    {
        if (await db.LegalEntities.Where(e => e.Name == name).Select(e => (Guid?)e.Id).FirstOrDefaultAsync() is { } id) return id;
        var entity = New(name, at);
        db.LegalEntities.Add(entity);
        await db.SaveChangesAsync();
        return entity.Id;
    }
}
