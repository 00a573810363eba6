using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Prorata.Data.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider; it never connects.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ProrataDbContext>
{
    public ProrataDbContext CreateDbContext(string[] args) =>
        new(ProrataDatabase.CreateOptions("Host=localhost;Database=prorata_design"));
}
