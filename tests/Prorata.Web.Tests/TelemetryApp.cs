using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Prorata.Testing;

namespace Prorata.Web.Tests;

/// <summary>
/// The invoicing app with what the telemetry tests read: every log line it writes, with the scope it was written in
/// (<see cref="Logs"/>), and a clock whose stopwatch moves by <see cref="Step"/> at each reading while the date stands
/// still, so a billing run lasts exactly one step.
/// </summary>
public abstract class TelemetryApp : InvoicingApp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(1.5);

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new SteppingClock(Time, Step)));
    }

    /// <summary>The frozen clock for dates and timers; its stopwatch advances by a fixed step whenever it is read.</summary>
    private sealed class SteppingClock(FakeTimeProvider clock, TimeSpan step) : TimeProvider
    {
        private long _timestamp;

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _timestamp, step.Ticks);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            clock.CreateTimer(callback, state, dueTime, period);
    }
}

public sealed class SqliteTelemetryApp : TelemetryApp
{
    private readonly SqliteDatabase _database = new();

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    protected override Task DropDatabaseAsync() => _database.DisposeAsync();
}

public sealed class PostgresTelemetryApp : TelemetryApp
{
    private readonly PostgresDatabase _database = new();

    protected override async Task<string> CreateDatabaseAsync()
    {
        await _database.InitializeAsync();
        return _database.ConnectionString;
    }

    protected override Task DropDatabaseAsync() => _database.DisposeAsync();
}
