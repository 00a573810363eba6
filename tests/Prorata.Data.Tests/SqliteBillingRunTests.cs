using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class SqliteBillingRunTests(SqliteDatabase database) : BillingRunTests, IClassFixture<SqliteDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
