using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class SqliteWorkItemTests(SqliteDatabase database) : WorkItemTests, IClassFixture<SqliteDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
