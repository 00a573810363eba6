using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class PostgresLegalEntityMigrationTests : LegalEntityMigrationTests
{
    private readonly PostgresDatabase _database = new();

    protected override IAsyncLifetime Database => _database;

    protected override string ConnectionString => _database.ConnectionString;
}
