using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Prorata.Application.Telemetry;
using Prorata.Data.Identity;
using Prorata.Web.Features.Billing;

namespace Prorata.Web.Tests;

/// <summary>
/// A billing run as the operator sees it: its duration and invoices on Prorata's meter, its span in the trace of the
/// request that started it, and its log line carrying that trace's id.
/// </summary>
public abstract class BillingTelemetryTests(TelemetryApp app)
{
    private static readonly string Date = $"{InvoicingSeed.BillingDate:yyyy-MM-dd}";

    [Fact]
    public async Task BillingRun_RecordsItsDurationAndItsInvoices()
    {
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var durations = new MetricCollector<double>(meters, ProrataMetrics.MeterName, ProrataMetrics.BillingRunDuration);
        using var invoices = new MetricCollector<long>(meters, ProrataMetrics.MeterName, ProrataMetrics.InvoicesWritten);
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);

        await InvoicingSeed.GermanInvoiceAsync(app, owner);
        var rerun = await owner.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date = Date });

        Assert.Equal(0, (await rerun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoiced").GetInt32());
        // Two runs of one step each on the test's clock; the first stored one invoice, the rerun none.
        Assert.Equal(new[] { (1.5, "finished", true), (1.5, "finished", true) }, durations.GetMeasurementSnapshot()
            .Select(m => (m.Value, (string)m.Tags["prorata.billing.outcome"]!, (bool)m.Tags["prorata.billing.issue"]!)));
        Assert.Equal(new[] { 1L }, invoices.GetMeasurementSnapshot().Select(m => m.Value));
    }

    [Fact]
    public async Task BillingRun_ItsSpanAndLogLine_CarryTheTraceIdOfTheRequestThatStartedIt()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ProrataActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.TraceId == traceId) spans.Enqueue(span);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var entity = await InvoicingSeed.LegalEntityAsync(owner, InvoicingSeed.Berlin);
        await InvoicingSeed.GermanRateAsync(owner);
        var customerId = await InvoicingSeed.CustomerAsync(owner, InvoicingSeed.Berlin, "DE129273398");
        await InvoicingSeed.ContractWithSeatsAsync(app, owner, customerId, entity.GetProperty("id").GetGuid());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing-runs?wait=true") { Content = JsonContent.Create(new { date = Date }) };
        // The caller's trace (W3C traceparent): the run continues it.
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var response = await owner.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = Assert.Single(spans, s => s.OperationName == "billing run");
        Assert.Equal((Date, true, 1, 0, ActivityStatusCode.Unset),
            ((string?)run.GetTagItem("prorata.billing.date"), (bool?)run.GetTagItem("prorata.billing.issue"), (int?)run.GetTagItem("prorata.billing.invoices"),
                (int?)run.GetTagItem("prorata.billing.failed"), run.Status));
        var line = Assert.Single(app.Logs.Lines, l => l.Category == typeof(BillingRuns).FullName && l.Scope.GetValueOrDefault("TraceId") == traceId.ToHexString());
        // The other test's contract may be due (and billed) already: only this run's own invoice is certain.
        Assert.StartsWith($"Billing run {Date}: 1 invoices,", line.Message);
        Assert.Equal(run.SpanId.ToHexString(), line.Scope["SpanId"]);
    }
}

public sealed class SqliteBillingTelemetryTests(SqliteTelemetryApp app) : BillingTelemetryTests(app), IClassFixture<SqliteTelemetryApp>;

public sealed class PostgresBillingTelemetryTests(PostgresTelemetryApp app) : BillingTelemetryTests(app), IClassFixture<PostgresTelemetryApp>;
