using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Audit;

namespace Prorata.Cli;

/// <summary>
/// The database a command works on: the --connection string, else env ConnectionStrings__Prorata; migrated before use,
/// as the app does at start. What a command changes is named "cli" in the audit log.
/// </summary>
public static class CommandDatabase
{
    /// <summary>Null, with the reason written to <paramref name="error"/>, when no connection string was given.</summary>
    /// <param name="time">The clock the audit log's entries are stamped with; the real one unless the command runs on another.</param>
    public static async Task<ProrataDbContext?> OpenAsync(string? connection, string usage, TextWriter error, CancellationToken cancellationToken,
        TimeProvider? time = null)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            error.WriteLine($"no database: pass --connection or set ConnectionStrings__Prorata. {usage}");
            return null;
        }
        ProrataDatabase.EnsureSqliteFolder(connection);
        var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connection, new AuditRecorder(() => AuditRecorder.CliActor, time ?? TimeProvider.System)));
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
