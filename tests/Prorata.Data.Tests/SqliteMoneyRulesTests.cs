using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class SqliteMoneyRulesTests(SqliteDatabase database) : MoneyRulesTests, IClassFixture<SqliteDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
