using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StripeSimulator;

namespace Prorata.Bench;

/// <summary>
/// `auto-charge-kill [--charges 1000] [--kills 20] [--seed N]`: the fault run. As `auto-charge`, but the outbox is
/// delivered by a separate worker process (this program with `worker`, on the same SQLite file and the simulator's
/// address, a 1 s attempt timeout) that is killed (<see cref="Process.Kill(bool)"/>, SIGKILL) at a random moment up to 2 s
/// after its first batch, <c>--kills</c> times, while the simulator answers slowly (a delay of 0.2–1.8 s on some requests:
/// some answered late, some given up by the client and retried) and loses answers (some PaymentIntent answers aborted or
/// replaced by a 504 after the PaymentIntent was made); then restarted until it finishes. Each worker jumps its clock
/// past leases and back-offs (<see cref="BenchClock"/>). Then the same checks as `auto-charge` against Stripe's records.
/// </summary>
public static class AutoChargeKillBenchmark
{
    public static int Run(string[] args)
    {
        var (charges, kills, seed) = (1_000, 20, Environment.TickCount);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--charges": charges = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--kills": kills = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; auto-charge-kill [--charges 1000] [--kills 20] [--seed N]");
                    return 2;
            }
        }
        return RunAsync(charges, kills, seed).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int charges, int kills, int seed)
    {
        var ct = CancellationToken.None;
        var random = new Random(seed);
        var file = ReceivablesSeed.NewSqliteFile("auto-charge-kill");
        var clockFile = file + ".clock";
        var connectionString = $"Data Source={file};Pooling=False";
        var (simulator, stripe) = await SimulatorApp.StartOnLoopbackAsync(["--SepaSettlementMilliseconds", "0"], ct);
        using var admin = new HttpClient { BaseAddress = stripe };
        try
        {
            var total = Stopwatch.StartNew();
            var seeded = await AutoChargeBenchmark.SeedAsync(connectionString, charges, 5, ct);
            int queued;
            await using (var services = PaymentServices.Build(connectionString, stripe, TimeProvider.System, timeoutSeconds: 30))
            {
                await StripeCards.SaveAsync(services, seeded.Customers, ct);
                queued = await AutoChargeBenchmark.QueueAsync(services, seeded.Invoices.Select(i => i.Id), ct);
            }
            Console.WriteLine($"seed {seed}: {seeded.Customers.Count:N0} customers with a saved card, {queued:N0} auto-charges queued in {total.Elapsed.TotalSeconds:F1} s");

            var (killed, runs, finished) = (0, 0, false);
            var work = Stopwatch.StartNew();
            while (killed < kills && !finished)
            {
                await FaultsAsync(admin, random, ct);
                runs++;
                using var worker = StartWorker(connectionString, stripe, clockFile);
                var lines = new List<string>();
                var ready = new TaskCompletionSource();
                worker.OutputDataReceived += (_, e) =>
                {
                    if (e.Data is null) return;
                    lock (lines) lines.Add(e.Data);
                    if (e.Data == PaymentWorker.Ready) ready.TrySetResult();
                };
                worker.BeginOutputReadLine();
                await Task.WhenAny(ready.Task, worker.WaitForExitAsync(ct));
                var exited = worker.WaitForExitAsync(ct);
                if (await Task.WhenAny(exited, Task.Delay(random.Next(0, 2_000), ct)) == exited)
                {
                    finished = worker.ExitCode == 0;
                    if (!finished) Console.WriteLine($"worker run {runs} exited {worker.ExitCode}: {string.Join(" | ", lines)}");
                    continue;
                }
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync(ct);
                killed++;
            }
            // Restarted until it finishes: nothing left pending.
            while (!finished)
            {
                runs++;
                using var worker = StartWorker(connectionString, stripe, clockFile);
                var output = worker.StandardOutput.ReadToEndAsync(ct);
                await worker.WaitForExitAsync(ct);
                finished = worker.ExitCode == 0;
                Console.WriteLine($"worker run {runs} to the end: exit {worker.ExitCode}; {(await output).Replace(PaymentWorker.Ready + "\n", "", StringComparison.Ordinal).Trim()}");
                if (runs > kills + 10) break;
            }
            var workTime = work.Elapsed;

            var requests = (await admin.GetFromJsonAsync<JsonArray>("_sim/requests", ct))!;
            var chargeRequests = requests.Count(r => (string?)r!["method"] == "POST" && (string?)r["path"] == "/v1/payment_intents");
            var lookups = requests.Count(r => (string?)r!["method"] == "GET" && ((string?)r["path"])?.StartsWith("/v1/payment_intents?", StringComparison.Ordinal) == true);
            var offset = File.Exists(clockFile) ? new BenchClock(clockFile).Offset : TimeSpan.Zero;
            Console.WriteLine($"{killed} workers killed, {runs} worker runs, {workTime.TotalSeconds:F1} s until settled ({queued / workTime.TotalSeconds:N0} charges/s with the kills); " +
                $"Stripe saw {chargeRequests:N0} charge requests (retries and replays included) and {lookups:N0} look-ups; the workers' clock ended {offset.TotalMinutes:F0} min ahead");
            var figures = await ChargeVerification.VerifyAsync(connectionString, stripe, [.. seeded.Invoices.Select(i => i.Id)], ct);
            ChargeVerification.Print(figures);
            return figures.ExactlyOnce && finished ? 0 : 1;
        }
        finally
        {
            await simulator.StopAsync(ct);
            await simulator.DisposeAsync();
            ReceivablesSeed.DeleteSqlite(file);
            File.Delete(clockFile);
        }
    }

    /// <summary>Slow answers for the next few requests (some longer than the worker's 1 s timeout) and a few lost PaymentIntent answers.</summary>
    private static async Task FaultsAsync(HttpClient admin, Random random, CancellationToken ct)
    {
        using var delay = await admin.PostAsJsonAsync("_sim/faults/delay", new { requests = random.Next(5, 30), milliseconds = random.Next(200, 1_800) }, ct);
        delay.EnsureSuccessStatusCode();
        using var lose = await admin.PostAsJsonAsync("_sim/faults/lose-answers", new { requests = random.Next(2, 8), mode = random.Next(2) == 0 ? "abort" : "504" }, ct);
        lose.EnsureSuccessStatusCode();
    }

    /// <summary>This program again, as `worker`: the apphost when run as one, else `dotnet Prorata.Bench.dll`.</summary>
    private static Process StartWorker(string connectionString, Uri stripe, string clockFile)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(AutoChargeKillBenchmark).Assembly.Location);
        foreach (var arg in new[] { "worker", "--database", connectionString, "--stripe", stripe.ToString(), "--clock-file", clockFile, "--timeout-seconds", "1" })
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
    }
}
