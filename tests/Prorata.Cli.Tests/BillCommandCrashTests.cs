using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Testing;
using Xunit.Abstractions;

namespace Prorata.Cli.Tests;

/// <summary>
/// Issue 4's crash test: the real `prorata bill` process, killed at random points of a 10,000-contract run on PostgreSQL
/// and restarted, must leave the same invoices as an uninterrupted run of a copy of the same database.
/// </summary>
public sealed class BillCommandCrashTests(ITestOutputHelper output)
{
    private const int Contracts = 10_000;

    /// <summary>Set to a logged seed to replay a failed run's kill points.</summary>
    private const string SeedVariable = "PRORATA_CRASH_SEED";

    // One subscription of three changes per contract keeps the run short on 2 cores; the contracts are what a crash interrupts.
    private static readonly BillingRunSeed Book = new(Contracts, subscriptionsPerContract: 1, changesPerSubscription: 3);
    private static readonly string Date = BillingRunSeed.BillingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The CLI is a project reference, so its dll, deps and runtimeconfig are built beside this assembly.</summary>
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "prorata.dll");

    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Bill_KilledAtRandomPointsThenRerun_OneInvoicePerContractEqualToAnUninterruptedRun()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        output.WriteLine($"seed {seed} (replay with {SeedVariable}={seed})");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var ct = CancellationToken.None;
        var crashed = await PostgresServer.CreateDatabaseAsync("prorata_crash", ct);
        string? uninterrupted = null;
        Task<string>? reference = null;
        using var stop = new CancellationTokenSource();
        try
        {
            await Book.LoadAsync(crashed, ct);
            uninterrupted = await PostgresServer.CloneDatabaseAsync(crashed, "prorata_crash_reference", ct);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: seeded {Contracts:N0} contracts and cloned the database");

            // The uninterrupted run bills the copy beside the killed runs: the two share only the server, and the test's time is
            // nearer one run's than two's.
            reference = UninterruptedAsync(uninterrupted);

            // Kill points: after a random number of visible invoices (sorted, below 90 % so the run is never over before the
            // kill) plus a random delay, so a kill lands anywhere in an invoice's transaction or between two.
            var kills = 3 + random.Next(3);
            var targets = Enumerable.Range(0, kills).Select(_ => 1 + random.Next(Contracts * 9 / 10)).Order().ToList();
            var stored = 0L;
            await using (var watch = new NpgsqlConnection(crashed))
            {
                await watch.OpenAsync(ct);
                foreach (var drawn in targets)
                {
                    // A kill that overshot leaves the next one at least one invoice further.
                    var target = Math.Max(drawn, stored + 1);
                    var delay = TimeSpan.FromMilliseconds(random.Next(100));
                    stored = await BillAndKillAsync(crashed, watch, target, delay);
                    output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed after {target:N0} invoices + {delay.TotalMilliseconds:F0} ms: {stored:N0} stored");
                    Assert.InRange(stored, 1L, Contracts - 1L);
                }
            }

            // The restart bills exactly the contracts the killed runs had not finished, and skips the others.
            Assert.Equal($"billed {Date}: {Contracts} contracts due, {Contracts - stored} invoices issued, {stored} already billed", await BillToTheEndAsync(crashed, ct));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: final run done");
            Assert.Equal($"billed {Date}: {Contracts} contracts due, {Contracts} invoices issued, 0 already billed", await reference);

            var expected = await BilledInvoices.ReadAsync(uninterrupted);
            var actual = await BilledInvoices.ReadAsync(crashed);
            await BilledInvoices.AssertWholeAndNumberedAsync(uninterrupted, expected);
            await BilledInvoices.AssertWholeAndNumberedAsync(crashed, actual);
            Assert.Equal(expected.Select(BilledInvoices.Facts), actual.Select(BilledInvoices.Facts));
            // Per contract: 10 seats × 72.00 × (1 + product) / 12 × 1.12 markup, for 1 March–31 March and prorated for
            // the purchase day d to 28 February, (29 − d) / 28; over the seed's 20 purchase days and 5 products that is
            // 6,600.00 per 20 contracts, worked out by hand: both runs are also checked against a number, not only each other.
            // The seed's customers are in Washington (10.25 %): each line's tax rounds to an exact cent, 338,250.00 in all.
            Assert.Equal((20_000, 3_300_000.00m, 338_250.00m, 3_638_250.00m),
                (actual.Sum(i => i.Lines.Count), actual.Sum(i => i.Subtotal), actual.Sum(i => i.TaxTotal), actual.Sum(i => i.Total)));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: compared");
        }
        finally
        {
            // A failed assertion leaves the uninterrupted run going: stop it, and wait for it only to let it end.
            await stop.CancelAsync();
            if (reference is not null) await ((Task)reference).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            NpgsqlConnection.ClearAllPools();
            await PostgresServer.DropDatabaseAsync(crashed, ct);
            if (uninterrupted is not null) await PostgresServer.DropDatabaseAsync(uninterrupted, ct);
        }

        async Task<string> UninterruptedAsync(string connectionString)
        {
            var line = await BillToTheEndAsync(connectionString, stop.Token);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: uninterrupted run done");
            return line;
        }
    }

    /// <summary>
    /// Runs `prorata bill` to its end and returns its last line; fails on a non-zero exit or after <see cref="RunLimit"/>,
    /// kills the process when <paramref name="stop"/> is cancelled.
    /// </summary>
    private static async Task<string> BillToTheEndAsync(string connectionString, CancellationToken stop)
    {
        using var run = new BillProcess(connectionString);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stop);
        limit.CancelAfter(RunLimit);
        try
        {
            await run.Process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            run.Process.Kill(entireProcessTree: true);
            Assert.Fail($"prorata bill did not finish within {RunLimit}: {await run.OutputAsync()}");
        }
        var text = await run.OutputAsync();
        Assert.True(run.Process.ExitCode == 0, $"prorata bill exited {run.Process.ExitCode}: {text}");
        return text.TrimEnd().Split('\n')[^1];
    }

    /// <summary>
    /// Starts `prorata bill`, waits until at least <paramref name="invoices"/> invoices are stored, waits
    /// <paramref name="delay"/>, kills the process with its children, and returns how many invoices it left once its
    /// server connections are gone (so a commit already sent has landed or been rolled back for good).
    /// </summary>
    private static async Task<long> BillAndKillAsync(string connectionString, NpgsqlConnection watch, long invoices, TimeSpan delay)
    {
        using var run = new BillProcess(connectionString);
        var limit = Stopwatch.StartNew();
        while (await ScalarAsync(watch, "SELECT count(*) FROM \"Invoices\"") < invoices)
        {
            if (run.Process.HasExited) Assert.Fail($"prorata bill ended before {invoices} invoices were stored: {await run.OutputAsync()}");
            Assert.True(limit.Elapsed < RunLimit, $"{invoices} invoices not stored within {RunLimit}");
            await Task.Delay(10);
        }
        await Task.Delay(delay);
        // Kill only a running process: a run that had already finished would prove nothing.
        if (run.Process.HasExited) Assert.Fail($"prorata bill ended before it was killed: {await run.OutputAsync()}");
        run.Process.Kill(entireProcessTree: true);
        await run.Process.WaitForExitAsync();
        while (await ScalarAsync(watch, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()") > 0)
        {
            Assert.True(limit.Elapsed < RunLimit, "the killed run's connections did not go away");
            await Task.Delay(10);
        }
        return await ScalarAsync(watch, "SELECT count(*) FROM \"Invoices\"");
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>`dotnet prorata.dll bill --date … --connection …`, its output read as it comes so the pipe never fills.</summary>
    private sealed class BillProcess : IDisposable
    {
        private readonly Task<string> _stdout;
        private readonly Task<string> _stderr;

        public BillProcess(string connectionString)
        {
            // Pooled, as an installation would be: the run's four writers reuse their connections.
            var pooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true }.ConnectionString;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Cli, "bill", "--date", Date, "--connection", pooled }) start.ArgumentList.Add(arg);
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
