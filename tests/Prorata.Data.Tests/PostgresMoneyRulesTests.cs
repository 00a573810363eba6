using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class PostgresMoneyRulesTests(PostgresDatabase database) : MoneyRulesTests, IClassFixture<PostgresDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
