using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Prorata.Web.Tests;

/// <summary>
/// OpenTelemetry is there only when an OTLP endpoint is configured: without one nothing of it is registered; with one,
/// Prorata's metrics and the request spans reach a real OTLP/HTTP receiver (protobuf, as a collector would get them).
/// </summary>
public sealed class TelemetryExportTests(SqliteTelemetryApp app) : IClassFixture<SqliteTelemetryApp>
{
    [Fact]
    public void NoEndpoint_RegistersNoExporterNorProvider()
    {
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.DoesNotContain(app.Services.GetServices<ILoggerProvider>(), p => p is OpenTelemetryLoggerProvider);
    }

    [Fact]
    public async Task OtlpEndpoint_SendsProrataMetricsAndRequestSpansToTheReceiver()
    {
        using var receiver = new OtlpReceiver();
        await using var exporting = app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Prorata:Telemetry:OtlpEndpoint", receiver.Address);
            builder.UseSetting("Prorata:Telemetry:OtlpProtocol", "http/protobuf");
        });
        var client = exporting.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
        Assert.True(exporting.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(exporting.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        var metrics = receiver.Received("/v1/metrics");
        var traces = receiver.Received("/v1/traces");
        Assert.Contains("prorata.outbox.depth", metrics);
        Assert.Contains("http.server.request.duration", metrics);
        Assert.Contains("/signin", traces);
        Assert.Contains("prorata", traces);
    }

    /// <summary>An OTLP/HTTP endpoint: answers 200 to every export and keeps the bodies by path.</summary>
    private sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();

        public OtlpReceiver()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Address = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
            }
            _listener.Prefixes.Add(Address);
            _listener.Start();
            _ = ServeAsync();
        }

        public string Address { get; }

        /// <summary>What was posted to <paramref name="path"/>, as Latin-1 text: protobuf keeps names and strings as UTF-8 bytes.</summary>
        public string Received(string path) =>
            string.Concat(_exports.Where(e => e.Path == path).Select(e => Encoding.Latin1.GetString(e.Body)));

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
