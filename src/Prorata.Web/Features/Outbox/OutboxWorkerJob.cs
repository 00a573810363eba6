using Microsoft.Extensions.Options;
using Prorata.Application.Outbox;
using Prorata.Application.Telemetry;

namespace Prorata.Web.Features.Outbox;

/// <summary>
/// Delivers the outbox in the background: at once when a message was queued, else every few seconds (retries that came
/// due, intents left in flight). A failure is logged and the loop goes on: it never stops the host.
/// </summary>
public sealed class OutboxWorkerJob(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<OutboxOptions> options, ProrataMetrics metrics,
    ILogger<OutboxWorkerJob> logger)
    : BackgroundService
{
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                handled = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(Batch, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox delivery failed; trying again in {Seconds} s", poll.TotalSeconds);
                metrics.JobFailed("outbox");
            }
            if (handled == Batch) continue;
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
