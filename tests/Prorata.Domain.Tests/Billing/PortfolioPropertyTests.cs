using CsCheck;
using Prorata.Domain.Billing;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;
using Xunit.Abstractions;

namespace Prorata.Domain.Tests.Billing;

/// <summary>Properties of billing over random portfolios: several contracts and subscriptions, renewals, upgrades, usage (issue 10).</summary>
/// <remarks>Each property writes how many cases it ran (set CsCheck_Time to run for that many seconds instead).</remarks>
public class PortfolioPropertyTests(ITestOutputHelper output)
{
    private const int Iterations = 300;

    /// <summary>What a fact may still fail on: an entry that cannot be applied at all, never an NCE rule.</summary>
    private static readonly RefusalCode[] CannotApply =
        [RefusalCode.UnknownSubscription, RefusalCode.SubscriptionNotActive, RefusalCode.UnknownOffer, RefusalCode.InvalidQuantity, RefusalCode.InvalidUpgrade];

    [Fact]
    public void CustomerTotal_AnyPortfolio_EqualsDayByDaySumWithinRounding()
    {
        RandomScenario.Portfolio.Sample(portfolio =>
        {
            var scenario = portfolio.Scenario;
            var result = Simulator.Run(scenario);
            var rejected = result.Rejected.Select(r => r.Event).ToHashSet();
            foreach (var contract in scenario.Contracts)
            {
                var dates = new ScenarioRun(scenario).BillingDates(contract).ToList();
                if (dates.Count == 0) continue;
                var invoices = result.Invoices.Where(i => i.ContractId == contract.Id).ToList();
                var billed = invoices.Sum(i => i.Total);
                var lines = invoices.Sum(i => i.Lines.Count);

                var expected = DayByDayModel.Total(scenario, contract, dates[^1], rejected);

                Assert.True(Math.Abs(billed - expected) <= 0.005m * lines, $"{contract.Id}: billed {billed} but day by day {expected} (± {0.005m * lines})");
            }
        }, output.WriteLine, iter: Iterations);
    }

    [Fact]
    public void BillingEveryDate_AnyPortfolio_EqualsBillingOnlyTheLastDateWithinPerChangeRounding()
    {
        RandomScenario.Portfolio.Sample(portfolio =>
        {
            var scenario = portfolio.Scenario;
            var invoices = Simulator.Run(scenario).Invoices;
            foreach (var contract in scenario.Contracts)
            {
                var dates = new ScenarioRun(scenario).BillingDates(contract).ToList();
                if (dates.Count == 0) continue;
                var last = dates[^1];
                var run = new ScenarioRun(scenario);
                foreach (var e in scenario.Events.Where(e => e.At < Midnight(last))) run.Apply(e);

                var lastOnly = run.Bill(contract, last).Total;

                var every = invoices.Where(i => i.ContractId == contract.Id).ToList();
                var tolerance = PerChangeRounding.Tolerance(every);
                var everyDate = every.Sum(i => i.Total);
                Assert.True(Math.Abs(everyDate - lastOnly) <= tolerance, $"{contract.Id}: every date {everyDate}, last date {last:yyyy-MM-dd} only {lastOnly} (± {tolerance})");
            }
        }, output.WriteLine, iter: Iterations);
    }

    [Fact]
    public void BillingADateTwice_AnyPortfolio_AddsNothing()
    {
        RandomScenario.Portfolio.Sample(portfolio =>
        {
            var scenario = portfolio.Scenario;
            var run = new ScenarioRun(scenario);
            var events = new Queue<SubscriptionEvent>(scenario.Events);
            foreach (var (date, contract) in scenario.Contracts.SelectMany(c => run.BillingDates(c).Select(d => (d, c))).OrderBy(r => r.d).ToList())
            {
                while (events.Count > 0 && events.Peek().At < Midnight(date)) run.Apply(events.Dequeue());
                run.Bill(contract, date);

                var again = run.Bill(contract, date);

                Assert.Empty(again.Lines);
            }
        }, output.WriteLine, iter: Iterations);
    }

    [Fact]
    public void ProviderCharges_AnyPortfolio_RefundsPairWithAChargeAndNeverExceedWhatWasCharged()
    {
        RandomScenario.Portfolio.Sample(portfolio =>
        {
            var charges = Simulator.Run(portfolio.Scenario).ProviderCharges;
            foreach (var refund in charges.Where(c => c.Total < 0 && c.ChargeType != ChargeType.CancelImmediate))
                Assert.Contains(charges, c => c.ReferenceId == refund.ReferenceId && c.Total >= 0 && c.ChargeStart == refund.ChargeStart && c.ChargeEnd == refund.ChargeEnd);
            foreach (var subscription in charges.GroupBy(c => c.Subscription))
                Assert.True(subscription.Sum(c => c.Total) >= 0, $"Microsoft would owe the partner {subscription.Sum(c => c.Total)} for {subscription.Key}");
        }, output.WriteLine, iter: Iterations);
    }

    [Fact]
    public void RecordingAcceptedEventsAsFacts_AnyPortfolio_KeepsEveryEffect()
    {
        RandomScenario.Portfolio.Sample(portfolio =>
        {
            var scenario = portfolio.Scenario;
            var judged = Simulator.Run(scenario);
            var refused = judged.Rejected.Select(r => r.Event).ToHashSet();

            var recorded = Simulator.Replay(scenario with { Events = scenario.Events.Where(e => !refused.Contains(e.Index)).ToList() });

            Assert.Empty(recorded.Problems);
            Assert.Equal(judged.ProviderCharges, recorded.ProviderCharges);
            Assert.Equal(Lines(judged.Invoices), Lines(recorded.Invoices));
        }, output.WriteLine, iter: Iterations);
    }

    [Fact]
    public void RecordingEveryEventAsFact_AnyPortfolio_FailsOnlyWhatCannotBeApplied()
    {
        RandomScenario.Portfolio.Sample(portfolio =>
        {
            var replayed = Simulator.Replay(portfolio.Scenario);

            Assert.All(replayed.Problems, p => Assert.Contains(p.Code, CannotApply));
        }, output.WriteLine, iter: Iterations);
    }

    [Fact]
    public void ScenarioWriter_AnyPortfolio_WritesAFileThatSimulatesTheSame()
    {
        RandomScenario.Portfolio.Sample(portfolio =>
        {
            var again = ScenarioJson.Parse(portfolio.ToString());

            Assert.Equal(Lines(Simulator.Run(portfolio.Scenario).Invoices), Lines(Simulator.Run(again).Invoices));
        }, output.WriteLine, iter: 100);
    }

    private static List<string> Lines(IEnumerable<Invoice> invoices) =>
        invoices.SelectMany(i => i.Lines.Select(l => $"{i.ContractId} {i.Date} due {i.Due}: {l}")).ToList();

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
