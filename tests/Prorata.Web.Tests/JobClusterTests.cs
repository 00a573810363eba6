using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prorata.Data;
using Prorata.Data.Jobs;
using Prorata.Testing;

namespace Prorata.Web.Tests;

/// <summary>
/// Issue 17: two app instances on one PostgreSQL share Quartz's clustered job store; a job due every two seconds runs once
/// per due time across them, never on both, and each run is recorded once.
/// </summary>
public sealed class JobClusterTests
{
    [Fact]
    public async Task TwoInstances_EachDueTimeRunsOnce()
    {
        await using var database = new PostgresDatabase();
        await database.InitializeAsync();
        var duplicates = new ConcurrentBag<string>();
        await using var first = Instance(database.ConnectionString, duplicates);
        await using var second = Instance(database.ConnectionString, duplicates);
        // Starting the first migrates the database; the second then joins the cluster.
        first.CreateClient().Dispose();
        second.CreateClient().Dispose();

        await Task.Delay(TimeSpan.FromSeconds(9));

        await using var scope = first.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().JobRuns.AsNoTracking().Where(r => r.Job == "dunning").ToListAsync();
        var scheduled = runs.Where(r => r.ScheduledFor is { Millisecond: 0 } due && due.Second % 2 == 0).ToList();
        Assert.InRange(scheduled.Count, 3, 6);
        Assert.Equal(scheduled.Count, scheduled.Select(r => r.ScheduledFor).Distinct().Count());
        Assert.All(runs, r => Assert.Equal((JobOutcome.Succeeded, "0 reminders, 0 customers put on hold, 0 holds lifted."), (r.Outcome, r.Message)));
        Assert.Empty(duplicates);
    }

    private static WebApplicationFactory<Program> Instance(string connectionString, ConcurrentBag<string> duplicates) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Prorata", connectionString);
            builder.UseSetting("Prorata:SeedDemoData", "false");
            builder.UseSetting("Prorata:Billing:DailyRun", "false");
            builder.UseSetting("Prorata:Dunning:DailyRun", "true");
            builder.UseSetting("Prorata:Jobs:dunning:Cron", "0/2 * * * * ?");
            builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(new DuplicateRuns(duplicates)));
        });

    /// <summary>Collects the log line a job writes when another instance already ran its due time.</summary>
    private sealed class DuplicateRuns(ConcurrentBag<string> found) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (message.Contains("already ran on another instance", StringComparison.Ordinal)) found.Add(message);
        }

        public void Dispose()
        {
        }
    }
}
