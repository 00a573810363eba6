using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class SqliteWorkItemMigrationTests(SqliteDatabase database) : WorkItemMigrationTests, IClassFixture<SqliteDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
