using Xunit;

namespace Prorata.Testing;

/// <summary>A class fixture: one fresh PostgreSQL database per test class, dropped afterwards, so classes never share rows.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync("prorata_test", CancellationToken.None);

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(ConnectionString, CancellationToken.None);
}
