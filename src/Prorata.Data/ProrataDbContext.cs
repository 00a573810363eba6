using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Identity;

namespace Prorata.Data;

/// <summary>Prorata's database: staff identities, customers and billing contracts, on SQLite or PostgreSQL.</summary>
public sealed class ProrataDbContext(DbContextOptions<ProrataDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<BillingContract> BillingContracts => Set<BillingContract>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money and rates keep six decimals: enough for per-unit prices and proration factors before the one rounding.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
        if (Database.IsSqlite())
        {
            // SQLite has no timestamp type and cannot compare DateTimeOffset text in SQL; a sortable integer can.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ProrataDbContext).Assembly);
    }
}
