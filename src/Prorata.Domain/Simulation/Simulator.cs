using Prorata.Domain.Billing;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Simulation;

/// <summary>
/// Runs a scenario on the billing engine itself (never a second implementation of the rules): events are applied
/// in time order, each contract is billed on every billing date up to billUntil, and renewals happen at 00:00,
/// before that day's billing run, which happens before any other event of the day (billing-rules §4).
/// </summary>
public static class Simulator
{
    /// <summary>A scenario file: its events are commands, judged under Microsoft's rules; the refused ones are listed.</summary>
    public static SimulationResult Run(Scenario scenario)
    {
        var rejected = new List<Rejection>();
        var result = Play(scenario, (run, e) =>
        {
            if (run.Apply(e) is { } refusal) rejected.Add(new Rejection(e.Index, refusal.Code, refusal.Message));
        });
        return result with { Rejected = rejected };
    }

    /// <summary>
    /// A stored log: its entries are facts, recorded as reported (<see cref="ScenarioRun.Record"/>); the ones that cannot
    /// be applied at all are listed in <see cref="SimulationResult.Problems"/> with the money at stake, and nothing is rejected.
    /// </summary>
    public static SimulationResult Replay(Scenario scenario)
    {
        var problems = new List<ReplayProblem>();
        var result = Play(scenario, (run, e) =>
        {
            if (run.Record(e) is { } problem) problems.Add(problem);
        });
        return result with { Problems = problems };
    }

    private static SimulationResult Play(Scenario scenario, Action<ScenarioRun, SubscriptionEvent> play)
    {
        var run = new ScenarioRun(scenario);
        var invoices = new List<Invoice>();
        var billingRuns = scenario.Contracts
            .SelectMany(c => run.BillingDates(c).Select(date => (Date: date, Contract: c)))
            .OrderBy(r => r.Date)
            .ToList();

        var next = 0;
        void BillUpTo(DateTimeOffset instant)
        {
            for (; next < billingRuns.Count && Midnight(billingRuns[next].Date) <= instant; next++)
            {
                var invoice = run.Bill(billingRuns[next].Contract, billingRuns[next].Date);
                if (invoice.Lines.Count > 0) invoices.Add(invoice);
            }
        }

        foreach (var e in scenario.Events)
        {
            BillUpTo(e.At);
            play(run, e);
        }
        BillUpTo(Midnight(scenario.BillUntil));
        run.Book.AdvanceTo(scenario.BillUntil);

        // Provider charges stop at billUntil: none that starts after it is listed, whatever posted it (a cycle, a
        // renewal or a change event dated later); the events themselves are still applied and their refusals listed.
        var charges = run.Book.ProviderCharges.Where(c => c.ChargeStart <= scenario.BillUntil).ToList();
        return new SimulationResult([], charges, invoices, run.Alerts.ToList())
        {
            TaxedInvoices = scenario.Tax is { } tax
                ? invoices.Select(i => tax.Apply(i, scenario.Contracts.First(c => c.Id == i.ContractId))).ToList()
                : null,
        };
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
