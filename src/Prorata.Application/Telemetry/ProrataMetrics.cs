using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Outbox;

namespace Prorata.Application.Telemetry;

/// <summary>
/// Prorata's own instruments (meter <see cref="MeterName"/>), for month-end at scale: how long billing runs take and how
/// many invoices they write (their rate is invoices per second), what waits in the outbox and how its deliveries end, how
/// far Partner Center's data is behind, and which background jobs fail. Plain System.Diagnostics.Metrics: nothing is
/// measured until a listener (the OTLP exporter, a test) subscribes, and the two gauges query the database only when read.
/// </summary>
public sealed class ProrataMetrics
{
    public const string MeterName = "Prorata";

    public const string BillingRunDuration = "prorata.billing.run.duration";
    public const string InvoicesWritten = "prorata.billing.invoices";
    public const string OutboxDepth = "prorata.outbox.depth";
    public const string OutboxDeliveries = "prorata.outbox.deliveries";
    public const string SyncLag = "prorata.partner_center.sync.lag";
    public const string JobsFailed = "prorata.jobs.failed";

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly Histogram<double> _billingRunDuration;
    private readonly Counter<long> _invoicesWritten;
    private readonly Counter<long> _outboxDeliveries;
    private readonly Counter<long> _jobsFailed;

    public ProrataMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time)
    {
        _scopes = scopes;
        _time = time;
        var meter = meters.Create(MeterName);
        // Month-end runs last from seconds to an hour: buckets for that range, not the default's milliseconds.
        _billingRunDuration = meter.CreateHistogram<double>(BillingRunDuration, "s", "How long a billing run took, from start to its end or stop.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200] });
        _invoicesWritten = meter.CreateCounter<long>(InvoicesWritten, "{invoice}", "Invoices a billing run stored, counted as they are stored.");
        _outboxDeliveries = meter.CreateCounter<long>(OutboxDeliveries, "{delivery}", "Outbox messages handled, by topic and outcome.");
        _jobsFailed = meter.CreateCounter<long>(JobsFailed, "{failure}", "Background jobs that stopped with an error, by job.");
        meter.CreateObservableGauge<long>(OutboxDepth, ReadOutboxDepth, "{message}", "Outbox messages not delivered yet: queued, waiting for a retry or in flight.");
        meter.CreateObservableGauge<double>(SyncLag, ReadSyncLag, "s", "Time since the last Partner Center sync that finished without error.");
    }

    /// <summary>A billing run ended (<c>finished</c>) or stopped on an error (<c>stopped</c>) after <paramref name="duration"/>.</summary>
    public void BillingRunEnded(TimeSpan duration, string outcome, bool issue) =>
        _billingRunDuration.Record(duration.TotalSeconds, new("prorata.billing.outcome", outcome), new("prorata.billing.issue", issue));

    public void InvoicesStored(int count)
    {
        if (count > 0) _invoicesWritten.Add(count);
    }

    /// <summary>One outbox message handled; <paramref name="outcome"/> is <c>delivered</c>, <c>refused</c>, <c>retry</c> or <c>failed</c>.</summary>
    public void OutboxDelivered(OutboxTopic topic, string outcome) =>
        _outboxDeliveries.Add(1, new("prorata.outbox.topic", topic.ToString()), new("prorata.outbox.outcome", outcome));

    /// <summary>
    /// A background job stopped with an error. Every job calls it where it logs the failure, with a short stable name
    /// (<c>billing-run</c>, <c>outbox</c>, <c>partner-center-sync</c> …), so one alert covers all of them.
    /// </summary>
    public void JobFailed(string job) => _jobsFailed.Add(1, new KeyValuePair<string, object?>("prorata.job", job));

    // Observable callbacks are synchronous. Both queries are answered from an index: (State, NextAttemptAt) for the outbox,
    // the primary key for the sync runs; and they run only when an exporter collects (once a minute by default).
    // A database that cannot answer gives no value (a gap in the series), never a made-up zero.
    private IEnumerable<Measurement<long>> ReadOutboxDepth()
    {
        try
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            return [new(db.Outbox.Count(m => m.State == OutboxState.Pending || m.State == OutboxState.InFlight))];
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            return [];
        }
    }

    private IEnumerable<Measurement<double>> ReadSyncLag()
    {
        try
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            // Run ids are version 7 GUIDs: the latest sorts last, and SQLite cannot order by a DateTimeOffset column.
            var last = db.PartnerCenterSyncRuns.AsNoTracking().Where(r => r.FinishedAt != null && r.Error == null)
                .OrderByDescending(r => r.Id).Select(r => r.FinishedAt).FirstOrDefault();
            return last is { } finished ? [new((_time.GetUtcNow() - finished).TotalSeconds)] : [];
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            return [];
        }
    }
}
