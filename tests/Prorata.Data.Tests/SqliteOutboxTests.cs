using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class SqliteOutboxTests(SqliteDatabase database) : OutboxTests, IClassFixture<SqliteDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
