using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Prorata.Testing;
using Xunit.Abstractions;

namespace Prorata.Cli.Tests;

/// <summary>
/// Issue 17's many-workers test: two and then four real `prorata worker` processes bill one month of the same book on
/// PostgreSQL, one of them killed at a random moment, and must leave exactly the invoices one `prorata bill` process
/// leaves — one per contract, line for line — numbered 1..N per legal entity with no gap. The suite bills
/// <see cref="DefaultContracts"/> contracts; <c>PRORATA_WORKERS_CONTRACTS=10000</c> runs the full-size check (docs/scaling.md).
/// </summary>
public sealed class WorkerCommandKillTests(ITestOutputHelper output)
{
    private const int DefaultContracts = 1_000;

    /// <summary>Set to a logged seed to replay a failed run's kill.</summary>
    private const string SeedVariable = "PRORATA_WORKERS_SEED";

    private const string ContractsVariable = "PRORATA_WORKERS_CONTRACTS";

    /// <summary>Short, so the survivors take the killed worker's chunk over within seconds.</summary>
    private const int LeaseSeconds = 5;

    private static readonly string Date = BillingRunSeed.BillingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The CLI is a project reference, so its dll, deps and runtimeconfig are built beside this assembly.</summary>
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "prorata.dll");

    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Workers_TwoThenFourWithOneKilledAtRandom_TheInvoicesOfOneProcessNumberedWithoutGaps()
    {
        // A multiple of 20: the seed's purchase days and products repeat every 20 contracts, which the totals below count on.
        var contracts = int.TryParse(Environment.GetEnvironmentVariable(ContractsVariable), CultureInfo.InvariantCulture, out var asked) ? asked / 20 * 20 : DefaultContracts;
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        output.WriteLine($"seed {seed} (replay with {SeedVariable}={seed}), {contracts:N0} contracts");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var ct = CancellationToken.None;
        var book = new BillingRunSeed(contracts, subscriptionsPerContract: 1, changesPerSubscription: 3);
        var databases = new List<string>();
        try
        {
            var reference = await PostgresServer.CreateDatabaseAsync("prorata_workers", ct);
            databases.Add(reference);
            await book.LoadAsync(reference, ct);
            // Chunks of a twentieth of the book: enough that every worker claims several and the killed one holds one.
            var chunkSize = Math.Max(1, contracts / 20);
            var runs = new List<(int Workers, string Database)>();
            foreach (var workers in new[] { 2, 4 })
            {
                var copy = await PostgresServer.CloneDatabaseAsync(reference, $"prorata_workers_{workers}", ct);
                databases.Add(copy);
                runs.Add((workers, copy));
            }
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: seeded and cloned");

            var one = Stopwatch.StartNew();
            Assert.Equal($"billed {Date}: {contracts} contracts due, {contracts} invoices issued, 0 already billed", await ToTheEndAsync(Start(reference, "bill")));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: one process billed {contracts:N0} contracts in {one.Elapsed.TotalSeconds:F1} s");
            var expected = await BilledInvoices.ReadAsync(reference);
            await BilledInvoices.AssertWholeAndNumberedAsync(reference, expected);
            // Per contract: 10 seats × 72.00 × (1 + product) / 12 × 1.12 markup, prorated from the purchase day d to 28 February,
            // (29 − d) / 28: 6,600.00 per 20 contracts, taxed at Washington's 10.25 % to 676.50 (see BillCommandCrashTests).
            Assert.Equal((2 * contracts, contracts / 20 * 6_600.00m, contracts / 20 * 676.50m),
                (expected.Sum(i => i.Lines.Count), expected.Sum(i => i.Subtotal), expected.Sum(i => i.TaxTotal)));

            foreach (var (workers, database) in runs)
            {
                var run = Stopwatch.StartNew();
                var killedHeld = await BillWithWorkersAsync(database, workers, chunkSize, random);
                output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {workers} workers, one killed holding chunk(s) [{string.Join(", ", killedHeld)}], " +
                    $"billed {contracts:N0} contracts in {run.Elapsed.TotalSeconds:F1} s");
                var actual = await BilledInvoices.ReadAsync(database);
                await BilledInvoices.AssertWholeAndNumberedAsync(database, actual);
                Assert.Equal(expected.Select(BilledInvoices.Facts), actual.Select(BilledInvoices.Facts));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var database in databases) await PostgresServer.DropDatabaseAsync(database, ct);
        }
    }

    /// <summary>
    /// Starts <paramref name="workers"/> worker processes, kills one of them (with its children) once a random share of the
    /// invoices, a tenth to three fifths, is stored, and lets the others finish. Returns the chunks the killed worker held:
    /// each must end finished by another worker, claimed a second time.
    /// </summary>
    private async Task<List<int>> BillWithWorkersAsync(string connectionString, int workers, int chunkSize, Random random)
    {
        var contracts = await ScalarAsync(connectionString, "SELECT count(*) FROM \"BillingContracts\"");
        var target = contracts / 10 + random.Next((int)contracts / 2);
        var delay = TimeSpan.FromMilliseconds(random.Next(100));
        var victimAt = random.Next(workers);
        // Each worker's connections carry its name, so the test can tell when the killed one's are gone.
        var running = Enumerable.Range(0, workers).Select(w => Start(
            new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"worker-{w}" }.ConnectionString,
            "worker", "--chunk-size", chunkSize.ToString(CultureInfo.InvariantCulture), "--lease-seconds", LeaseSeconds.ToString(CultureInfo.InvariantCulture))).ToList();
        try
        {
            var limit = Stopwatch.StartNew();
            await using (var watch = new NpgsqlConnection(connectionString))
            {
                await watch.OpenAsync();
                while (await ScalarAsync(watch, "SELECT count(*) FROM \"Invoices\"") < target)
                {
                    if (running.FirstOrDefault(r => r.Process.HasExited) is { } ended)
                        Assert.Fail($"a worker ended before {target} invoices were stored: {await ended.OutputAsync()}");
                    Assert.True(limit.Elapsed < RunLimit, $"{target} invoices not stored within {RunLimit}");
                    await Task.Delay(10);
                }
            }
            await Task.Delay(delay);
            var victim = running[victimAt];
            // Kill only a running worker: one that had already finished would prove nothing.
            if (victim.Process.HasExited) Assert.Fail($"the worker ended before it was killed: {await victim.OutputAsync()}");
            var name = $"{Environment.MachineName}/{victim.Process.Id}";
            victim.Process.Kill(entireProcessTree: true);
            await victim.Process.WaitForExitAsync();
            // Once its server connections are gone, a statement it had sent (a claim, a finish, an invoice) has landed or rolled back.
            while (await ScalarAsync(connectionString, $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'worker-{victimAt}'") > 0)
            {
                Assert.True(limit.Elapsed < RunLimit, "the killed worker's connections did not go away");
                await Task.Delay(10);
            }
            var held = await ChunksAsync(connectionString, "SELECT \"Number\" FROM \"BillingRunChunks\" WHERE \"ClaimedBy\" = @name AND \"FinishedAt\" IS NULL", name);
            output.WriteLine($"killed worker {name} after {target:N0} invoices + {delay.TotalMilliseconds:F0} ms");

            foreach (var survivor in running.Where(r => r != victim))
            {
                var last = await ToTheEndAsync(survivor);
                Assert.Matches(@"^worker \S+ billed 2026-03-01: \d+ of \d+ chunks \(\d+ taken over\), \d+ contracts, \d+ invoices issued, \d+ already billed; every chunk is finished$", last);
            }
            Assert.Equal(0, await ScalarAsync(connectionString, "SELECT count(*) FROM \"BillingRunChunks\" WHERE \"FinishedAt\" IS NULL"));
            // What the killed worker held was finished by a survivor, who claimed it a second time.
            var takenOver = await ChunksAsync(connectionString, "SELECT \"Number\" FROM \"BillingRunChunks\" WHERE \"ClaimedBy\" <> @name AND \"Attempts\" >= 2", name);
            Assert.Equal(held, takenOver.Intersect(held));
            return held;
        }
        finally
        {
            foreach (var process in running) process.Dispose();
        }
    }

    /// <summary>Waits for a process to end and returns its last line; fails on a non-zero exit or after <see cref="RunLimit"/>.</summary>
    private static async Task<string> ToTheEndAsync(CliProcess run)
    {
        using var limit = new CancellationTokenSource(RunLimit);
        try
        {
            await run.Process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            run.Process.Kill(entireProcessTree: true);
            Assert.Fail($"prorata did not finish within {RunLimit}: {await run.OutputAsync()}");
        }
        var text = await run.OutputAsync();
        Assert.True(run.Process.ExitCode == 0, $"prorata exited {run.Process.ExitCode}: {text}");
        return text.TrimEnd().Split('\n')[^1];
    }

    private static CliProcess Start(string connectionString, string command, params string[] more) =>
        new([command, "--date", Date, "--connection", new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true }.ConnectionString, .. more]);

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await ScalarAsync(connection, sql);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<int>> ChunksAsync(string connectionString, string sql, string name)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql + " ORDER BY \"Number\"", connection);
        command.Parameters.AddWithValue("name", name);
        var numbers = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) numbers.Add(reader.GetInt32(0));
        return numbers;
    }

    /// <summary>`dotnet prorata.dll …`, its output read as it comes so the pipe never fills.</summary>
    private sealed class CliProcess : IDisposable
    {
        private readonly Task<string> _stdout;
        private readonly Task<string> _stderr;

        public CliProcess(string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Cli);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            Process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
            _stdout = Process.StandardOutput.ReadToEndAsync();
            _stderr = Process.StandardError.ReadToEndAsync();
        }

        public Process Process { get; }

        public async Task<string> OutputAsync() => await _stdout + await _stderr;

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }
}
