using Prorata.Domain.Billing;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Simulation;

/// <summary>
/// Runs a scenario on the billing engine itself (never a second implementation of the rules): events are applied
/// in time order, each contract is billed on every billing date up to billUntil, and renewals happen at 00:00,
/// before that day's billing run, which happens before any other event of the day (billing-rules.md §4).
/// </summary>
public static class Simulator
{
    /// <param name="origin">
    /// <see cref="ChangeOrigin.Command"/> for a scenario of what someone would ask (refusals are listed in
    /// <c>rejected</c>); <see cref="ChangeOrigin.Fact"/> for stored history, where every event already happened and only
    /// one that cannot be applied at all is listed.
    /// </param>
    public static SimulationResult Run(Scenario scenario, ChangeOrigin origin = ChangeOrigin.Command)
    {
        var run = new ScenarioRun(scenario);
        var rejected = new List<Rejection>();
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
            if (origin == ChangeOrigin.Fact)
            {
                if (run.Record(e) is { } problem) rejected.Add(new Rejection(e.Index, problem.Code, problem.Message));
            }
            else if (run.Apply(e) is { } refusal)
            {
                rejected.Add(new Rejection(e.Index, refusal.Code, refusal.Message));
            }
        }
        BillUpTo(Midnight(scenario.BillUntil));
        run.Book.AdvanceTo(scenario.BillUntil);

        // Provider charges stop at billUntil: none that starts after it is listed, whatever posted it (a cycle, a
        // renewal or a change event dated later); the events themselves are still applied and their refusals listed.
        var charges = run.Book.ProviderCharges.Where(c => c.ChargeStart <= scenario.BillUntil).ToList();
        return new SimulationResult(rejected, charges, invoices, run.Alerts.ToList());
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
