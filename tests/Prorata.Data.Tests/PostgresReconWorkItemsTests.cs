using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class PostgresReconWorkItemsTests(PostgresDatabase database) : ReconWorkItemsTests, IClassFixture<PostgresDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
