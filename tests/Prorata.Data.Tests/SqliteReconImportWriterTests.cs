using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class SqliteReconImportWriterTests(SqliteDatabase database) : ReconImportWriterTests, IClassFixture<SqliteDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
