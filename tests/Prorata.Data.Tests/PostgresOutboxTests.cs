using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class PostgresOutboxTests(PostgresDatabase database) : OutboxTests, IClassFixture<PostgresDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
