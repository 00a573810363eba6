using Prorata.Testing;

namespace Prorata.Data.Tests;

public sealed class SqliteLegalEntityMigrationTests : LegalEntityMigrationTests
{
    private readonly SqliteDatabase _database = new();

    protected override IAsyncLifetime Database => _database;

    protected override string ConnectionString => _database.ConnectionString;
}
