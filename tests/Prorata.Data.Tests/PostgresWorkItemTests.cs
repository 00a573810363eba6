using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class PostgresWorkItemTests(PostgresDatabase database) : WorkItemTests, IClassFixture<PostgresDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
