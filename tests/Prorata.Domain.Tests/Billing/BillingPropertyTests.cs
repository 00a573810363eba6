using CsCheck;
using Prorata.Domain.Billing;
using Prorata.Domain.Calendar;
using Prorata.Domain.Contracts;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;
using Xunit.Abstractions;

namespace Prorata.Domain.Tests.Billing;

/// <summary>Properties of the billing math over random timelines (issue 3).</summary>
/// <remarks>Each property writes how many cases it ran (set CsCheck_Time to run for that many seconds instead).</remarks>
public class BillingPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void CustomerTotal_AnyTimeline_EqualsDayByDaySumWithinRounding()
    {
        RandomTimeline.Gen.Sample(timeline =>
        {
            var result = Simulator.Run(timeline.Scenario);
            var billed = result.Invoices.Sum(i => i.Total);
            var lines = result.Invoices.Sum(i => i.Lines.Count);

            var expected = DayByDay(timeline, result);

            Assert.True(Math.Abs(billed - expected) <= 0.005m * lines,
                $"billed {billed} but day by day {expected} (± {0.005m * lines}) for {timeline}");
        }, output.WriteLine, iter: 300);
    }

    [Fact]
    public void BillingEveryDate_AnyTimeline_EqualsBillingOnlyTheLastDateWithinPerChangeRounding()
    {
        RandomTimeline.Gen.Sample(timeline =>
        {
            var invoices = Simulator.Run(timeline.Scenario).Invoices;
            var everyDate = invoices.Sum(i => i.Total);

            var run = new ScenarioRun(timeline.Scenario);
            foreach (var e in timeline.Scenario.Events) run.Apply(e);
            var lastOnly = run.Bill(timeline.Contract, timeline.LastBillingDate).Total;

            Assert.True(Math.Abs(everyDate - lastOnly) <= PerChangeRounding.Tolerance(invoices), $"every date {everyDate}, last date only {lastOnly} for {timeline}");
        }, output.WriteLine, iter: 300);
    }

    [Fact]
    public void BillingADateTwice_AnyTimeline_AddsNothing()
    {
        RandomTimeline.Gen.Sample(timeline =>
        {
            var run = new ScenarioRun(timeline.Scenario);
            var events = new Queue<SubscriptionEvent>(timeline.Scenario.Events);
            foreach (var date in run.BillingDates(timeline.Contract))
            {
                var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                while (events.Count > 0 && events.Peek().At < midnight) run.Apply(events.Dequeue());
                run.Bill(timeline.Contract, date);

                var again = run.Bill(timeline.Contract, date);

                Assert.Empty(again.Lines);
            }
        }, output.WriteLine, iter: 200);
    }

    [Fact]
    public void ProviderRefunds_AnyTimeline_PairWithACharge()
    {
        RandomTimeline.Gen.Sample(timeline =>
        {
            var charges = Simulator.Run(timeline.Scenario).ProviderCharges;
            foreach (var refund in charges.Where(c => c.Total < 0 && c.ChargeType != ChargeType.CancelImmediate))
                Assert.Contains(charges, c => c.ReferenceId == refund.ReferenceId && c.Total >= 0 && c.ChargeStart == refund.ChargeStart && c.ChargeEnd == refund.ChargeEnd);
            // A cancellation refunds what was charged for the cycle, never more.
            Assert.True(charges.Sum(c => c.Total) >= 0, $"Microsoft would owe the partner {charges.Sum(c => c.Total)} for {timeline}");
        }, output.WriteLine, iter: 300);
    }

    /// <summary>Σ over each day of quantity × that day's price / days of the customer period containing the day.</summary>
    private static decimal DayByDay(RandomTimeline timeline, SimulationResult result)
    {
        var rejected = result.Rejected.Select(r => r.Event).ToHashSet();
        var accepted = timeline.Scenario.Events.Where(e => !rejected.Contains(e.Index)).ToList();
        var purchase = accepted[0];
        if (accepted.FirstOrDefault(e => e.Type == SubscriptionEventType.Cancel) is { } cancel && cancel.At <= purchase.At.AddHours(24))
            return 0m;

        var contract = timeline.Contract;
        var horizon = contract.PeriodEndFrom(timeline.LastBillingDate);
        var lastDay = contract.Alignment == ContractAlignment.Contract
            ? horizon
            : MonthArithmetic.Cycle(timeline.PurchaseDate, 0, 1, MonthArithmetic.CycleIndex(timeline.PurchaseDate, 0, 1, horizon)).End;

        var total = 0m;
        for (var day = timeline.PurchaseDate; day <= lastDay; day = day.AddDays(1))
        {
            var quantity = 0;
            foreach (var e in accepted)
            {
                if (DateOnly.FromDateTime(e.At.UtcDateTime) > day) break;
                quantity = e.Type == SubscriptionEventType.Cancel ? 0 : e.Quantity!.Value;
            }
            var periodDays = contract.Alignment == ContractAlignment.Contract
                ? ContractMonth.Containing(day, contract.BillingDay).Days
                : MonthArithmetic.Cycle(timeline.PurchaseDate, 0, 1, MonthArithmetic.CycleIndex(timeline.PurchaseDate, 0, 1, day)).Days;
            total += quantity * timeline.CustomerPriceOn(day) / periodDays;
        }
        return total;
    }
}
