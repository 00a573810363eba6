using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Prorata.Application.Telemetry;
using Prorata.Data;
using Prorata.Data.Outbox;
using Prorata.Data.PartnerCenter;

namespace Prorata.Web.Tests;

/// <summary>
/// The two gauges read the database when collected: the outbox depth counts what is not delivered yet, the sync lag is
/// the time since the last sync that finished without error. Each provider's class has its own app and database, so the
/// outbox holds only what the test puts there.
/// </summary>
public abstract class TelemetryGaugeTests(TelemetryApp app)
{
    [Fact]
    public async Task OutboxDepth_CountsQueuedRetriedAndInFlightMessages_NotFinishedOnes()
    {
        var now = app.Time.GetUtcNow();
        // Not due before the clock moves (it never does here), so the app's worker leaves them as they are.
        await AddAsync(db => db.Outbox.AddRange(
            Message("queued", OutboxState.Pending, now.AddHours(1)),
            Message("retried", OutboxState.Pending, now.AddHours(2), attempts: 3),
            Message("in-flight", OutboxState.InFlight, now, leaseUntil: now.AddHours(1)),
            Message("delivered", OutboxState.Delivered, now),
            Message("refused", OutboxState.Refused, now),
            Message("failed", OutboxState.Failed, now, attempts: 10)));
        using var depth = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), ProrataMetrics.MeterName, ProrataMetrics.OutboxDepth);

        depth.RecordObservableInstruments();

        Assert.Equal(3, depth.LastMeasurement?.Value);
    }

    [Fact]
    public async Task SyncLag_IsTheTimeSinceTheLastSyncThatFinishedWithoutError()
    {
        var now = app.Time.GetUtcNow();
        using var lag = new MetricCollector<double>(app.Services.GetRequiredService<IMeterFactory>(), ProrataMetrics.MeterName, ProrataMetrics.SyncLag);
        lag.RecordObservableInstruments();
        Assert.Null(lag.LastMeasurement);

        await AddAsync(db => db.PartnerCenterSyncRuns.AddRange(
            Run(now.AddHours(-3), now.AddHours(-2.9), null),
            Run(now.AddHours(-2), now.AddMinutes(-90), null),
            Run(now.AddMinutes(-20), now.AddMinutes(-10), "Partner Center answered 503"),
            Run(now.AddMinutes(-5), null, null)));
        lag.RecordObservableInstruments();

        Assert.Equal(5400d, lag.LastMeasurement?.Value);
    }

    private async Task AddAsync(Action<ProrataDbContext> add)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        add(db);
        await db.SaveChangesAsync();
    }

    private static OutboxMessage Message(string key, OutboxState state, DateTimeOffset nextAttemptAt, int attempts = 0, DateTimeOffset? leaseUntil = null) => new()
    {
        Topic = OutboxTopic.ReceivablesUpdate, IdempotencyKey = $"telemetry-{key}-{Guid.NewGuid():N}", Payload = "{}", State = state,
        CreatedAt = nextAttemptAt, NextAttemptAt = nextAttemptAt, Attempts = attempts, LeaseUntil = leaseUntil,
    };

    private static PartnerCenterSyncRun Run(DateTimeOffset startedAt, DateTimeOffset? finishedAt, string? error) => new()
    {
        Id = Guid.CreateVersion7(startedAt), StartedBy = "schedule", StartedAt = startedAt, FinishedAt = finishedAt,
        Stage = finishedAt is null ? "applying" : error is null ? "finished" : "stopped", Error = error,
    };
}

public sealed class SqliteTelemetryGaugeTests(SqliteTelemetryApp app) : TelemetryGaugeTests(app), IClassFixture<SqliteTelemetryApp>;

public sealed class PostgresTelemetryGaugeTests(PostgresTelemetryApp app) : TelemetryGaugeTests(app), IClassFixture<PostgresTelemetryApp>;
