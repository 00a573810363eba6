using Microsoft.EntityFrameworkCore;
using Prorata.Data;

namespace Prorata.Web.Infrastructure.Database;

/// <summary>Applies pending migrations before the app takes requests, so a fresh machine needs no setup step.</summary>
public sealed class DatabaseMigration(IServiceScopeFactory scopes, ILogger<DatabaseMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        // MigrateAsync checks for the history table before reading it; asking for pending migrations first would log
        // a failed query on a brand-new PostgreSQL database.
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging (kept in the file): readers never wait for a writer, and a writer waits only for another.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        logger.LogInformation("Database on {Provider} is at migration {Migration}", db.Database.ProviderName, db.Database.GetMigrations().LastOrDefault());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
