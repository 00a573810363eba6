using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class SqliteDataTests(SqliteDatabase database) : DataTests, IClassFixture<SqliteDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
