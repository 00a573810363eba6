using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class SqliteUsageImportTests(SqliteDatabase database) : UsageImportTests, IClassFixture<SqliteDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
