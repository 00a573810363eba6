using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Prorata.Testing;

/// <summary>
/// The PostgreSQL server the tests use: the one test.sh started (env PRORATA_TEST_POSTGRES, a connection string), or,
/// when a test runs outside test.sh, a throwaway cluster this process starts on 127.0.0.1 and stops on exit.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "PRORATA_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _adminConnectionString;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken) =>
        CreateDatabaseAsync(prefix, template: null, cancellationToken);

    /// <summary>
    /// Creates a copy of a database (CREATE DATABASE … TEMPLATE) with a unique name and returns its connection string.
    /// Nothing may be connected to the source while it is copied.
    /// </summary>
    public static Task<string> CloneDatabaseAsync(string sourceConnectionString, string prefix, CancellationToken cancellationToken) =>
        CreateDatabaseAsync(prefix, new NpgsqlConnectionStringBuilder(sourceConnectionString).Database, cancellationToken);

    private static async Task<string> CreateDatabaseAsync(string prefix, string? template, CancellationToken cancellationToken)
    {
        var admin = await AdminConnectionStringAsync(cancellationToken);
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync(cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> AdminConnectionStringAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return _adminConnectionString ??= Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv
                ? fromEnv
                : await StartThrowawayClusterAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartThrowawayClusterAsync(CancellationToken cancellationToken)
    {
        var bin = FindBinaries();
        var dir = Directory.CreateTempSubdirectory("prorata-pg-").FullName;
        var data = Path.Combine(dir, "data");
        var port = FreePort();
        // initdb refuses to run as root; the postgres account (from Debian's package) owns the cluster then.
        var asUser = Environment.UserName == "root" ? "postgres" : null;
        if (asUser is not null)
        {
            await RunAsync("chown", ["-R", asUser, dir], null, cancellationToken);
        }
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync"], asUser, cancellationToken);
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(dir, "log"), "-w", "-o", $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
            asUser, cancellationToken);
        // Thrown away at exit, files too: a benchmark's cluster holds a gigabyte, and runs add up until the disk is full.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asUser, CancellationToken.None).GetAwaiter().GetResult();
            Directory.Delete(dir, recursive: true);
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>The path of one of PostgreSQL's programs (pg_dump, pg_restore …): the first bin folder that has it.</summary>
    public static string ToolPath(string name) =>
        BinaryFolders().Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"No PostgreSQL program {name} found in {string.Join(", ", BinaryFolders())}.");

    private static IEnumerable<string> BinaryFolders() => new[] { "/usr/local/bin" }
        .Concat(Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
            : []);

    private static string FindBinaries()
    {
        return BinaryFolders().FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                $"No PostgreSQL binaries (initdb, pg_ctl) found; set {EnvironmentVariable} or run ./test.sh, which installs them.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, string? asUser, CancellationToken cancellationToken)
    {
        var start = asUser is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser", ["-u", asUser, "--", file]);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
