using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class PostgresUsageImportTests(PostgresDatabase database) : UsageImportTests, IClassFixture<PostgresDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
