using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class SqliteOpenExceptionsTests(SqliteDatabase database) : OpenExceptionsTests, IClassFixture<SqliteDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
