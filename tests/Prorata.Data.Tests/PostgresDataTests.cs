using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class PostgresDataTests(PostgresDatabase database) : DataTests, IClassFixture<PostgresDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
