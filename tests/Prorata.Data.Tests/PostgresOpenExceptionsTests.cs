using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class PostgresOpenExceptionsTests(PostgresDatabase database) : OpenExceptionsTests, IClassFixture<PostgresDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
