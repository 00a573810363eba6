using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class SqliteReconWorkItemsTests(SqliteDatabase database) : ReconWorkItemsTests, IClassFixture<SqliteDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
