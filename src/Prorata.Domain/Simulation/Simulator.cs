using Prorata.Domain.Billing;
using Prorata.Domain.Subscriptions;
using Prorata.Domain.Tax;

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
        return result with { Rejected = rejected.Concat(result.Receivables.Rejected).OrderBy(r => r.Event).ToList() };
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
        var receivables = new ScenarioReceivables(scenario);
        var insight = new ScenarioInsight(scenario);
        var cutoff = Midnight(scenario.BillUntil);
        var invoices = new List<Invoice>();
        var taxed = new List<TaxedInvoice>();
        var billingRuns = scenario.Contracts
            .SelectMany(c => run.BillingDates(c).Select(date => (Date: date, Contract: c)))
            .OrderBy(r => r.Date)
            .ToList();

        void PlayAll(IEnumerable<SubscriptionEvent> released)
        {
            foreach (var e in released) play(run, e);
        }

        // A month's MRR is read at its end, before anything of the next day: its renewals, billing runs or events.
        void CloseMonthsUpTo(DateTimeOffset instant)
        {
            while (insight.NextMonthEnd is { } end && end <= instant)
            {
                PlayAll(receivables.DunUntil(end, inclusive: false));
                insight.CloseMonth(run);
            }
        }

        // At 00:00 of a day: renewals, then that day's billing runs, then that day's reminders and holds (billing-rules §4, §5).
        var next = 0;
        void BillUpTo(DateTimeOffset instant)
        {
            for (; next < billingRuns.Count && Midnight(billingRuns[next].Date) <= instant; next++)
            {
                var (date, contract) = billingRuns[next];
                CloseMonthsUpTo(Midnight(date));
                PlayAll(receivables.DunUntil(Midnight(date), inclusive: false));
                var invoice = run.Bill(contract, date);
                if (invoice.Lines.Count == 0) continue;
                invoices.Add(invoice);
                var total = invoice.Total;
                if (scenario.Tax is { } tax)
                {
                    var withTax = tax.Apply(invoice, contract);
                    taxed.Add(withTax);
                    total = withTax.Total;
                }
                var released = receivables.Issue(invoice, total, contract);
                insight.Invoiced(invoice, total, contract, run);
                PlayAll(released);
            }
            CloseMonthsUpTo(instant);
            PlayAll(receivables.DunUntil(instant, inclusive: true));
        }

        // Subscription events, payments and staff holds in one timeline: time order, file order for equal timestamps.
        var timeline = scenario.Events.Select(e => (e.At, e.Index, Event: (object)e))
            .Concat(scenario.Payments.Select(p => (p.At, p.Index, Event: (object)p)))
            .Concat(scenario.CreditHolds.Select(h => (h.At, h.Index, Event: (object)h)))
            .OrderBy(t => t.At).ThenBy(t => t.Index);
        foreach (var (at, _, item) in timeline)
        {
            // Usage beside MRR is the rows known by billUntil.
            if (at > cutoff) insight.KnowUsage(run.Book);
            BillUpTo(at);
            switch (item)
            {
                case ScenarioPayment payment:
                    PlayAll(receivables.Pay(payment));
                    break;
                case ScenarioCreditHold hold:
                    PlayAll(receivables.StaffHold(hold));
                    break;
                case SubscriptionEvent e when !receivables.Holds(e, run.Book):
                    play(run, e);
                    break;
            }
        }
        BillUpTo(cutoff);
        run.Book.AdvanceTo(scenario.BillUntil);

        // Provider charges stop at billUntil: none that starts after it is listed, whatever posted it (a cycle, a
        // renewal or a change event dated later); the events themselves are still applied and their refusals listed.
        var charges = run.Book.ProviderCharges.Where(c => c.ChargeStart <= scenario.BillUntil).ToList();
        return new SimulationResult([], charges, invoices, run.Alerts.ToList())
        {
            TaxedInvoices = scenario.Tax is null ? null : taxed,
            Receivables = ScenarioReceivablesResult.Of(receivables, scenario),
            Insight = insight.Result(receivables.Ledger, run.Book),
        };
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
