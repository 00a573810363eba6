using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class PostgresReconImportWriterTests(PostgresDatabase database) : ReconImportWriterTests, IClassFixture<PostgresDatabase>
{
    protected override string ConnectionString => database.ConnectionString;
}
