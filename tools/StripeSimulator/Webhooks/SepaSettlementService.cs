using StripeSimulator.Api;
using StripeSimulator.State;

namespace StripeSimulator.Webhooks;

/// <summary>Settles SEPA debits that have been processing for SepaSettlementMilliseconds (never when it is 0: then only on demand).</summary>
public sealed class SepaSettlementService(Payments payments, SimulatorSettings settings) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.SepaSettlement <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            payments.SettleSepa(onlyDue: true);
        }
    }
}
