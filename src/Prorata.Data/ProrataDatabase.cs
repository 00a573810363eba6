using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Prorata.Data.Audit;

namespace Prorata.Data;

/// <summary>
/// Chooses the provider from the connection string: "Data Source=…" is SQLite, anything else PostgreSQL. Each
/// provider's migrations live in their own assembly because their SQL differs.
/// </summary>
public static class ProrataDatabase
{
    public const string SqliteMigrationsAssembly = "Prorata.Data.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Prorata.Data.Migrations.Postgres";

    public static bool IsSqlite(string connectionString) =>
        connectionString.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase);

    /// <remarks>
    /// SQLite cannot alter a column in place: EF rebuilds such a table with foreign keys off, which cannot run inside a
    /// transaction, and says so as a warning on every fresh database. Nobody running Prorata can act on it (back up the
    /// file before an upgrade, as always), so it is logged at Debug.
    /// Every context records the audit log (<see cref="AuditRecorder"/>); <paramref name="audit"/> names who saves, by
    /// default "system" on the real clock.
    /// </remarks>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, string connectionString, AuditRecorder? audit = null) =>
        (IsSqlite(connectionString)
            ? builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)))
            : builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)))
        .AddInterceptors(audit ?? AuditRecorder.System);

    public static DbContextOptions<ProrataDbContext> CreateOptions(string connectionString, AuditRecorder? audit = null) =>
        (DbContextOptions<ProrataDbContext>)Use(new DbContextOptionsBuilder<ProrataDbContext>(), connectionString, audit).Options;

    /// <summary>SQLite creates the file but not its folder; a fresh checkout has no ./data yet.</summary>
    public static void EnsureSqliteFolder(string connectionString)
    {
        if (!IsSqlite(connectionString))
        {
            return;
        }
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
