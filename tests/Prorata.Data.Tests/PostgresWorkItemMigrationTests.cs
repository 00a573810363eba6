using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class PostgresWorkItemMigrationTests(PostgresDatabase database) : WorkItemMigrationTests, IClassFixture<PostgresDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
