using Microsoft.Data.Sqlite;
using Prorata.Data;
using Prorata.Web.Infrastructure.Database;

namespace Prorata.Web.Infrastructure.Security;

/// <summary>Says at start where the key ring is and whether it is encrypted, loudly when it is not, or when it sits beside the database.</summary>
public sealed class KeyRingReport(KeyRingState state, IConfiguration configuration, ILogger<KeyRingReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (state.MovedFromDataFolder)
        {
            logger.LogWarning("Moved the Data Protection key ring out of the database folder to {Folder}", state.Folder.FullName);
        }
        if (state.Encryption.Length == 0)
        {
            logger.LogWarning(
                "Data Protection keys in {Folder} are NOT encrypted at rest: anyone who can read that folder can forge staff cookies and open the Partner Center token. "
                + "Set {Section}:Key (32 random bytes in base64, e.g. from `openssl rand -base64 32`, as the environment variable Prorata__DataProtection__Key) "
                + "or {Section}:CertificatePath", state.Folder.FullName, KeyRingSetup.Section, KeyRingSetup.Section);
        }
        else
        {
            logger.LogInformation("Data Protection keys in {Folder}, encrypted with {Encryption}", state.Folder.FullName, state.Encryption);
        }
        if (DatabaseFolder() is { } database && IsInside(state.Folder.FullName, database))
        {
            logger.LogWarning("The Data Protection key ring {Folder} is inside the database folder {Database}: a copy of the data would carry the keys that open it. "
                + "Set {Section}:KeysDirectory to another folder", state.Folder.FullName, database, KeyRingSetup.Section);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string? DatabaseFolder()
    {
        var connection = configuration.GetConnectionString(ProrataDatabaseSetup.ConnectionStringName);
        if (connection is null || !ProrataDatabase.IsSqlite(connection))
        {
            return null;
        }
        var file = new SqliteConnectionStringBuilder(connection).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(file));
    }

    private static bool IsInside(string folder, string parent) =>
        (folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).StartsWith(parent.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
